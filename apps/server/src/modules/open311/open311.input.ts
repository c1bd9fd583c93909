import { normaliseTrackingCode, type GeoReportPostBody, type GeoReportRequestsQuery, type Lang } from '@shuren/core';
import { Open311Error, parseW3 } from './open311.format.js';
import { questionsOf, text } from './open311.presenter.js';
import type { CategoryRow } from './open311.repository.js';

const DAY_MS = 86_400_000;
/** The spec's default and largest window and volume for GET requests. */
export const MAX_SPAN_MS = 90 * DAY_MS;
export const MAX_RECORDS = 1000;

const bad = (lang: Lang, zh: string, en: string) => new Open311Error(400, text(lang, zh, en));

/** "Optional" in the spec: an empty parameter is the same as an absent one. */
export function given(v: string | number | undefined | null): string | undefined {
  if (v === undefined || v === null) return undefined;
  const s = String(v).trim();
  return s === '' ? undefined : s;
}

function listOf(v: string | string[] | undefined): string[] {
  const all = (Array.isArray(v) ? v : v === undefined ? [] : [v]).flatMap((s) => s.split(','));
  return [...new Set(all.map((s) => s.trim()).filter(Boolean))];
}

export interface RequestsFilterInput {
  ids?: string[];
  serviceCodes?: string[];
  from: Date;
  to: Date;
  statuses?: ('open' | 'closed')[];
  limit: number;
  offset: number;
}

/**
 * GET requests filters. Without dates: the most recent 90 days; one date alone spans 90 days from it; a range
 * may not span more than 90 days. At most 1000 records, paged by the `page`/`page_size` extension.
 */
export function requestsFilter(q: GeoReportRequestsQuery, now: Date, lang: Lang): RequestsFilterInput {
  const startText = given(q.start_date);
  const endText = given(q.end_date);
  const start = startText === undefined ? undefined : parseW3(startText);
  const end = endText === undefined ? undefined : parseW3(endText);
  if (start === null) throw bad(lang, 'start_date 不是 ISO 8601 时间，例如 2026-01-01T00:00:00+08:00', 'start_date is not a w3 date-time, e.g. 2010-01-01T00:00:00Z');
  if (end === null) throw bad(lang, 'end_date 不是 ISO 8601 时间，例如 2026-01-01T00:00:00+08:00', 'end_date is not a w3 date-time, e.g. 2010-01-01T00:00:00Z');
  let from: Date;
  let to: Date;
  if (start && end) {
    if (end < start) throw bad(lang, 'end_date 早于 start_date', 'end_date is before start_date');
    if (end.getTime() - start.getTime() > MAX_SPAN_MS) throw bad(lang, '查询时间范围不能超过 90 天', 'The date range may not span more than 90 days');
    [from, to] = [start, end];
  } else if (start) [from, to] = [start, new Date(start.getTime() + MAX_SPAN_MS)];
  else if (end) [from, to] = [new Date(end.getTime() - MAX_SPAN_MS), end];
  else [from, to] = [new Date(now.getTime() - MAX_SPAN_MS), now];

  const statuses = listOf(q.status);
  for (const s of statuses) if (s !== 'open' && s !== 'closed') throw bad(lang, `status 只能是 open 或 closed（收到 ${s}）`, `status must be open or closed (got ${s})`);
  const ids = listOf(q.service_request_id).map(normaliseTrackingCode);
  if (ids.length > 100) throw bad(lang, '一次最多查询 100 个 service_request_id', 'At most 100 service_request_id values at once');
  const pageSize = given(q.page_size) === undefined ? MAX_RECORDS : Number(q.page_size);
  const page = given(q.page) === undefined ? 1 : Number(q.page);
  if (pageSize < 1 || pageSize > MAX_RECORDS) throw bad(lang, 'page_size 须在 1 到 1000 之间', 'page_size must be between 1 and 1000');
  if (page < 1) throw bad(lang, 'page 从 1 开始', 'page starts at 1');
  return {
    ids: ids.length ? ids : undefined,
    serviceCodes: listOf(q.service_code),
    from,
    to,
    statuses: statuses.length ? (statuses as ('open' | 'closed')[]) : undefined,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  };
}

export type Location = { kind: 'address_id'; addressId: string } | { kind: 'address_string'; text: string } | { kind: 'point' };

export interface SubmitInput {
  location: Location;
  lat: number | null;
  long: number | null;
  addressString: string | null;
  answers: Record<string, string | number | boolean>;
  description: string | null;
  caller: { name: string; phone?: string } | null;
  email: string | null;
  deviceId: string | null;
  accountId: string | null;
  mediaUrl: string | null;
}

function coordinate(v: string | number | undefined, min: number, max: number): number | undefined | null {
  const s = given(v);
  if (s === undefined) return undefined;
  const n = Number(s);
  return Number.isFinite(n) && n >= min && n <= max ? n : null;
}

const TRUE = new Set(['true', '1', 'yes', 'y', '是']);
const FALSE = new Set(['false', '0', 'no', 'n', '否']);

/** attribute[code]=value → typed answers for the category's questions, with the spec's 400 on a bad one. */
export function answersFor(category: CategoryRow, attribute: GeoReportPostBody['attribute'], lang: Lang): Record<string, string | number | boolean> {
  const questions = questionsOf(category);
  const out: Record<string, string | number | boolean> = {};
  const raw = attribute ?? {};
  for (const code of Object.keys(raw)) {
    if (!questions.some((q) => q.key === code)) throw bad(lang, `该服务没有属性 ${code}`, `attribute[${code}] is not an attribute of service ${category.code}`);
  }
  for (const q of questions) {
    const v = raw[q.key];
    if (Array.isArray(v)) throw bad(lang, `属性 ${q.key} 只能有一个值`, `attribute[${q.key}] takes a single value`);
    const s = given(v as string | number | undefined);
    if (s === undefined && typeof v !== 'boolean') {
      if (q.required) throw bad(lang, `缺少必填属性 ${q.key}（${q.label.zh}）`, `Required attribute ${q.key} (${q.label.en}) is missing`);
      continue;
    }
    const value = typeof v === 'boolean' ? String(v) : s!;
    if (q.type === 'number') {
      const n = Number(value);
      if (!Number.isFinite(n)) throw bad(lang, `属性 ${q.key} 须为数字`, `attribute[${q.key}] must be a number`);
      out[q.key] = n;
    } else if (q.type === 'boolean') {
      const lower = value.toLowerCase();
      if (!TRUE.has(lower) && !FALSE.has(lower)) throw bad(lang, `属性 ${q.key} 须为 true 或 false`, `attribute[${q.key}] must be true or false`);
      out[q.key] = TRUE.has(lower);
    } else if (q.type === 'choice') {
      if (!(q.choices ?? []).some((c) => c.key === value)) throw bad(lang, `属性 ${q.key} 的取值无效：${value}`, `attribute[${q.key}] has no value ${value}`);
      out[q.key] = value;
    } else {
      if (value.length > 500) throw bad(lang, `属性 ${q.key} 不能超过 500 字`, `attribute[${q.key}] is longer than 500 characters`);
      out[q.key] = value;
    }
  }
  return out;
}

const PHONE = /^[0-9+\- ]{5,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks everything but the service code and api_key (the caller resolves those first, for the spec's statuses). */
export function submitInput(body: GeoReportPostBody, lang: Lang): SubmitInput {
  const lat = coordinate(body.lat, -90, 90);
  const long = coordinate(body.long, -180, 180);
  if (lat === null || long === null) throw bad(lang, 'lat/long 不是有效的 WGS84 坐标', 'lat/long is not a WGS84 coordinate');
  if ((lat === undefined) !== (long === undefined)) throw bad(lang, 'lat 和 long 须同时提供', 'lat and long must be sent together');
  const addressId = given(body.address_id);
  const addressString = given(body.address_string);
  let location: Location;
  if (addressId) location = { kind: 'address_id', addressId };
  else if (addressString) location = { kind: 'address_string', text: addressString };
  else if (lat !== undefined) location = { kind: 'point' };
  else throw bad(lang, '缺少位置：请提供 lat 与 long、address_string 或 address_id', 'A location is required: lat & long, address_string or address_id');

  const phoneText = given(body.phone)?.replace(/[().]/g, ' ').replace(/\s+/g, ' ');
  if (phoneText && !PHONE.test(phoneText)) throw bad(lang, 'phone 不是电话号码', 'phone is not a phone number');
  const email = given(body.email) ?? null;
  if (email && !EMAIL.test(email)) throw bad(lang, 'email 不是电子邮件地址', 'email is not an email address');
  const mediaUrl = given(body.media_url) ?? null;
  if (mediaUrl && !isHttpUrl(mediaUrl)) throw bad(lang, 'media_url 须为 http(s) 链接', 'media_url must be an http(s) URL');

  const name = [given(body.first_name), given(body.last_name)].filter(Boolean).join(' ');
  const callerName = name || email || (phoneText ? text(lang, 'Open311 反映人', 'Open311 submitter') : '');
  return {
    location,
    lat: lat ?? null,
    long: long ?? null,
    addressString: addressString ?? null,
    answers: {},
    description: given(body.description) ?? null,
    caller: callerName ? { name: callerName.slice(0, 100), ...(phoneText ? { phone: phoneText } : {}) } : null,
    email,
    deviceId: given(body.device_id) ?? null,
    accountId: given(body.account_id) ?? null,
    mediaUrl,
  };
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

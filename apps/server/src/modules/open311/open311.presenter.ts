import { APPEAL_LEVEL_LABELS, APPEAL_STATUS_LABELS, DEPARTMENT_LABELS, TERMINAL_STATUSES, type AppealLevel, type AppealStatus, type CategoryQuestion, type Department, type GeoReportRequest, type Lang } from '@shuren/core';
import { presentPublic } from '../appeals/appeals.presenter.js';
import { w3 } from './open311.format.js';
import type { CategoryRow, EventRow, RegionRow, RequestRecord } from './open311.repository.js';

export const text = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);
const nameOf = (c: Pick<CategoryRow, 'nameZh' | 'nameEn'>, lang: Lang) => (lang === 'zh' ? c.nameZh : c.nameEn);

export function questionsOf(category: CategoryRow): CategoryQuestion[] {
  return (category.questions as CategoryQuestion[] | null) ?? [];
}

/** GET services: one entry per category; the parent category is the group, root categories group themselves. */
export function presentService(c: CategoryRow, byCode: Map<string, CategoryRow>, lang: Lang) {
  const parent = c.parentCode ? byCode.get(c.parentCode) : undefined;
  const group = parent ?? c;
  return {
    service_code: c.code,
    service_name: nameOf(c, lang),
    description: text(lang, `${c.nameZh}（${parent ? `${parent.nameZh} · ` : ''}${c.nameEn}）`, `${c.nameEn}${parent ? ` (${parent.nameEn})` : ''}`),
    metadata: questionsOf(c).length > 0,
    type: 'realtime' as const,
    keywords: [...new Set([c.nameZh, c.nameEn, parent?.nameZh, parent?.nameEn, c.code].filter(Boolean))].join(', '),
    group: nameOf(group, lang),
  };
}

const YES_NO = (lang: Lang) => [
  { key: 'true', name: text(lang, '是', 'Yes') },
  { key: 'false', name: text(lang, '否', 'No') },
];

/** GET services/{code}: the category's typed questions as GeoReport attributes. */
export function presentDefinition(c: CategoryRow, lang: Lang) {
  return {
    service_code: c.code,
    attributes: questionsOf(c).map((q, i) => {
      const list = q.type === 'choice' || q.type === 'boolean';
      return {
        variable: true,
        code: q.key,
        datatype: list ? ('singlevaluelist' as const) : q.type === 'number' ? ('number' as const) : ('string' as const),
        required: q.required,
        datatype_description: q.type === 'number' ? text(lang, '填写数字', 'A number') : q.type === 'text' ? text(lang, '不超过500字', 'Up to 500 characters') : null,
        order: i + 1,
        description: text(lang, q.label.zh, q.label.en),
        values: q.type === 'boolean' ? YES_NO(lang) : (q.choices ?? []).map((ch) => ({ key: ch.key, name: text(lang, ch.zh, ch.en) })),
      };
    }),
  };
}

export interface RequestViewContext {
  categories: Map<string, CategoryRow>;
  regions: Map<string, RegionRow>;
  events: Map<string, EventRow[]>;
  lang: Lang;
}

/** Who holds it: a functional department, or the unit's region at its ladder level (街道运行中心, 社区…). */
export function agencyOf(row: RequestRecord['appeal'], regions: Map<string, RegionRow>, lang: Lang): string | null {
  if (row.department) {
    const dep = DEPARTMENT_LABELS[row.department as Department];
    return dep ? text(lang, dep.zh, dep.en) : row.department;
  }
  const level = APPEAL_LEVEL_LABELS[row.level as AppealLevel];
  const unit = row.unitRegionId ? regions.get(row.unitRegionId) : undefined;
  if (!level) return unit?.name ?? null;
  return unit ? `${unit.name} · ${text(lang, level.zh, level.en)}` : text(lang, level.zh, level.en);
}

export function serviceNotice(agency: string | null, expected: Date | null, lang: Lang): string | null {
  if (!agency) return null;
  const by = w3(expected);
  return text(lang, `已转交${agency}办理${by ? `，预计${by.slice(0, 16).replace('T', ' ')}前办结` : ''}。`, `Routed to ${agency}${by ? `; expected to be resolved by ${by}` : ''}.`);
}

/** The place from the most specific node to the subdistrict, after what the submitter typed (never a household). */
function addressOf(row: RequestRecord['appeal'], regions: Map<string, RegionRow>): string | null {
  const names = row.regionPath
    .split('/')
    .filter(Boolean)
    .reverse()
    .map((id) => regions.get(id)?.name)
    .filter((n): n is string => Boolean(n));
  const parts = [row.locationText, ...names].filter((p): p is string => Boolean(p));
  return parts.length ? parts.join(', ') : null;
}

/** Region ids a page of requests needs names for: the place's path and the unit. */
export function regionIdsOf(records: RequestRecord[]): string[] {
  return records.flatMap((r) => [...r.appeal.regionPath.split('/').filter(Boolean), r.appeal.unitRegionId ?? '']);
}

/**
 * One service request: open while work is owed or awaits verification, closed once closed, rejected or merged.
 * `notes` is the public timeline (the appeals module's resident view): no internal notes, staff by role.
 */
export function presentRequest(rec: RequestRecord, c: RequestViewContext): GeoReportRequest {
  const row = rec.appeal;
  const category = c.categories.get(row.categoryId)!;
  const events = c.events.get(row.id) ?? [];
  const timeline = presentPublic(row, category, events, '', []).timeline;
  const lastNote = [...timeline].reverse().find((e) => e.note)?.note ?? null;
  const status = row.status as AppealStatus;
  const closed = (TERMINAL_STATUSES as readonly string[]).includes(status);
  const label = APPEAL_STATUS_LABELS[status];
  const agency = agencyOf(row, c.regions, c.lang);
  const place = c.regions.get(row.placeRegionId);
  return {
    service_request_id: row.trackingCode,
    status: closed ? 'closed' : 'open',
    status_notes: lastNote ?? (label ? text(c.lang, label.zh, label.en) : null),
    service_name: nameOf(category, c.lang),
    service_code: category.code,
    description: row.description,
    agency_responsible: agency,
    service_notice: closed ? null : serviceNotice(agency, row.resolutionDueAt, c.lang),
    requested_datetime: w3(row.submittedAt)!,
    updated_datetime: w3(closed ? (row.closedAt ?? row.updatedAt) : row.updatedAt)!,
    expected_datetime: w3(row.resolutionDueAt),
    address: addressOf(row, c.regions),
    address_id: place?.code ?? null,
    zipcode: null,
    lat: rec.o311?.lat ?? null,
    long: rec.o311?.long ?? null,
    media_url: rec.o311?.mediaUrl ?? null,
    notes: timeline.map((e) => ({
      type: e.type,
      datetime: w3(new Date(e.at))!,
      author: text(c.lang, e.actorRole.zh, e.actorRole.en),
      level: text(c.lang, APPEAL_LEVEL_LABELS[e.level].zh, APPEAL_LEVEL_LABELS[e.level].en),
      description: e.note,
    })),
  };
}

/** XML shape of a request: lists become wrapper elements (`<notes><note>…</note></notes>`). */
export function requestXml(r: GeoReportRequest): Record<string, unknown> {
  return { ...r, notes: r.notes.length ? { note: r.notes } : '' };
}

import type { HolidayYear } from './working-calendar.js';

/**
 * A year of the working calendar as admins keep it: every day off named (春节, 国庆节 …) and the weekend days
 * worked instead (调休上班). The calendar itself takes ranges; `rangesFromDays` turns one into the other.
 */
export interface HolidayDay {
  date: string;
  name: string;
}

export interface HolidayYearDays {
  holidays: HolidayDay[];
  makeupWorkdays: string[];
}

export interface HolidayYearIssue {
  /** JSON pointer below the body: `/holidays/3/date`, `/makeupWorkdays/0`. */
  field: string;
  code: 'invalid_date' | 'outside_year' | 'duplicate_date' | 'both_holiday_and_workday' | 'not_weekend';
  zh: string;
  en: string;
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** A real calendar day written YYYY-MM-DD (2025-02-29 is not one). */
export function isIsoDay(s: string): boolean {
  const m = DAY_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** Everything that makes a year unusable for SLA clocks; empty means it may be saved. */
export function checkHolidayYear(year: number, y: HolidayYearDays): HolidayYearIssue[] {
  const issues: HolidayYearIssue[] = [];
  const prefix = `${String(year).padStart(4, '0')}-`;
  const dayIssue = (field: string, day: string): HolidayYearIssue | null => {
    if (!isIsoDay(day)) return { field, code: 'invalid_date', zh: '日期无效，应为 YYYY-MM-DD', en: 'Not a valid date (YYYY-MM-DD)' };
    if (!day.startsWith(prefix)) return { field, code: 'outside_year', zh: `日期不在 ${year} 年内`, en: `The date is not in ${year}` };
    return null;
  };
  const off = new Set<string>();
  y.holidays.forEach((h, i) => {
    const field = `/holidays/${i}/date`;
    const bad = dayIssue(field, h.date);
    if (bad) issues.push(bad);
    else if (off.has(h.date)) issues.push({ field, code: 'duplicate_date', zh: '该日期已列为假日', en: 'This date is listed twice' });
    off.add(h.date);
  });
  const worked = new Set<string>();
  y.makeupWorkdays.forEach((day, i) => {
    const field = `/makeupWorkdays/${i}`;
    const bad = dayIssue(field, day);
    if (bad) issues.push(bad);
    else if (worked.has(day)) issues.push({ field, code: 'duplicate_date', zh: '该日期已列为调休上班日', en: 'This date is listed twice' });
    else if (off.has(day)) issues.push({ field, code: 'both_holiday_and_workday', zh: '同一天不能既放假又上班', en: 'A day cannot be both a holiday and a make-up workday' });
    else if (weekdayOf(day) !== 0 && weekdayOf(day) !== 6) issues.push({ field, code: 'not_weekend', zh: '调休上班日应为周六或周日', en: 'A make-up workday falls on a Saturday or Sunday' });
    worked.add(day);
  });
  return issues;
}

/** Sorted by date, holidays and workdays each once (what is stored after a valid save). */
export function normaliseHolidayYear(y: HolidayYearDays): HolidayYearDays {
  const holidays = [...new Map(y.holidays.map((h) => [h.date, { date: h.date, name: h.name.trim() }])).values()].sort((a, b) => a.date.localeCompare(b.date));
  return { holidays, makeupWorkdays: [...new Set(y.makeupWorkdays)].sort() };
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** Consecutive days with the same name become one range (the calendar's form). */
export function rangesFromDays(y: HolidayYearDays): HolidayYear {
  const holidays: HolidayYear['holidays'] = [];
  for (const h of normaliseHolidayYear(y).holidays) {
    const last = holidays[holidays.length - 1];
    if (last && last.name === h.name && nextDay(last.to) === h.date) last.to = h.date;
    else holidays.push({ name: h.name, from: h.date, to: h.date });
  }
  return { holidays, makeupWorkdays: [...new Set(y.makeupWorkdays)].sort() };
}

/** Ranges (the shipped notices) → one entry per day. */
export function daysFromRanges(y: HolidayYear): HolidayYearDays {
  const holidays: HolidayDay[] = [];
  for (const r of y.holidays) for (let d = r.from; d <= r.to; d = nextDay(d)) holidays.push({ date: d, name: r.name });
  return normaliseHolidayYear({ holidays, makeupWorkdays: y.makeupWorkdays });
}

const ITEM_RE = /(?:^|\n|\s)[一二三四五六七八九十]+、\s*([^：:\n]+)[：:]/g;
const RANGE_RE = /(\d{1,2})月(\d{1,2})日(?:\s*[至到-]\s*(?:(\d{1,2})月)?(\d{1,2})日)?[^。]*?放假/;
const DATE_RE = /(\d{1,2})月(\d{1,2})日/g;

/**
 * Reads the State Council's yearly notice (国务院办公厅关于 … 部分节假日安排的通知) as published:
 * "二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。"
 * Items it cannot read come back in `unread` for the admin to enter by hand. The result still goes through
 * `checkHolidayYear` before it is saved (a range running into January of the next year is reported there).
 */
export function parseHolidayNotice(text: string, year: number): { days: HolidayYearDays; unread: string[] } {
  const clean = text.replace(/（[^）]*）|\([^)]*\)/g, '').replace(/\r/g, '');
  const heads = [...clean.matchAll(ITEM_RE)];
  const holidays: HolidayDay[] = [];
  const makeup: string[] = [];
  const unread: string[] = [];
  const day = (y: number, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  heads.forEach((h, i) => {
    const name = h[1].trim();
    const body = clean.slice(h.index! + h[0].length, i + 1 < heads.length ? heads[i + 1].index : undefined);
    const range = RANGE_RE.exec(body);
    if (!range) {
      unread.push(`${name}：${body.trim()}`);
      return;
    }
    const fromMonth = Number(range[1]);
    const toMonth = range[4] ? Number(range[3] ?? range[1]) : fromMonth;
    const from = day(year, range[1], range[2]);
    const to = range[4] ? day(toMonth < fromMonth ? year + 1 : year, String(toMonth), range[4]) : from;
    for (let d = from; d <= to && holidays.length < 400; d = nextDay(d)) holidays.push({ date: d, name });
    for (const sentence of body.slice(range.index + range[0].length).split('。')) {
      if (!sentence.includes('上班')) continue;
      for (const m of sentence.matchAll(DATE_RE)) makeup.push(day(Number(m[1]) < fromMonth - 6 ? year + 1 : Number(m[1]) > fromMonth + 6 ? year - 1 : year, m[1], m[2]));
    }
  });
  return { days: normaliseHolidayYear({ holidays, makeupWorkdays: makeup }), unread };
}

/**
 * Working-time arithmetic for SLA clocks (pure, no I/O). Chinese public holidays and make-up workdays
 * (调休上班) are data, loaded per year; an admin can add a year at runtime with `addYear`.
 * Instants are epoch milliseconds; calendar days are counted in a fixed UTC offset (Asia/Shanghai: +08:00).
 */

export interface HolidayRange {
  name: string;
  /** First day off, YYYY-MM-DD (inclusive). */
  from: string;
  /** Last day off, YYYY-MM-DD (inclusive). */
  to: string;
}

export interface HolidayYear {
  holidays: HolidayRange[];
  /** Weekend days that are working days (调休上班). */
  makeupWorkdays: string[];
}

export interface HolidayData {
  source?: string;
  years: Record<string, HolidayYear>;
}

export interface WorkingPeriod {
  /** 'HH:MM' local time, inclusive start. */
  start: string;
  /** 'HH:MM' local time, end (the instant itself still counts as inside). */
  end: string;
}

export interface WorkingHoursConfig {
  periods: WorkingPeriod[];
  /** Offset of local time from UTC, minutes (Asia/Shanghai: 480, no daylight saving). */
  utcOffsetMinutes: number;
}

export const DEFAULT_WORKING_HOURS: WorkingHoursConfig = {
  periods: [
    { start: '09:00', end: '12:00' },
    { start: '13:30', end: '18:00' },
  ],
  utcOffsetMinutes: 480,
};

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Guard against runaway loops (e.g. a calendar with no working day at all): ~20 years of days. */
const MAX_DAYS_SCANNED = 366 * 20;
/** Days whose workday answer a calendar remembers at most (a few years of deadlines; then it starts again). */
const MAX_REMEMBERED_DAYS = 4096;

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

function minutesOf(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new Error(`working period time must be HH:MM, got "${hhmm}"`);
  const v = Number(m[1]) * 60 + Number(m[2]);
  if (v > 24 * 60) throw new Error(`working period time out of range: ${hhmm}`);
  return v;
}

function dayString(dayIndex: number): string {
  return new Date(dayIndex * DAY_MS).toISOString().slice(0, 10);
}

function eachDay(from: string, to: string): string[] {
  if (!DAY_RE.test(from) || !DAY_RE.test(to)) throw new Error(`holiday dates must be YYYY-MM-DD: ${from}..${to}`);
  const out: string[] = [];
  const a = Date.parse(`${from}T00:00:00Z`) / DAY_MS;
  const b = Date.parse(`${to}T00:00:00Z`) / DAY_MS;
  if (b < a) throw new Error(`holiday range ends before it starts: ${from}..${to}`);
  for (let d = a; d <= b; d++) out.push(dayString(d));
  return out;
}

export class WorkingCalendar {
  private readonly off = new Map<string, string>();
  private readonly makeup = new Set<string>();
  private readonly yearsLoaded = new Set<string>();
  /**
   * Workday answers by day number (days since the epoch, local): the SLA clocks ask about the same few days for
   * every report, and naming a day (a Date and its ISO text) costs more than the answer. Emptied by `addYear`.
   */
  private readonly workdayByIndex = new Map<number, boolean>();
  /** Periods as [startMs, endMs] offsets from local midnight, sorted, non-overlapping. */
  private readonly periods: [number, number][];
  private readonly offsetMs: number;
  /** Working milliseconds in one working day. */
  readonly dayMs: number;

  constructor(data: HolidayData = { years: {} }, hours: WorkingHoursConfig = DEFAULT_WORKING_HOURS) {
    this.offsetMs = hours.utcOffsetMinutes * 60_000;
    this.periods = hours.periods.map((p) => [minutesOf(p.start) * 60_000, minutesOf(p.end) * 60_000] as [number, number]).sort((x, y) => x[0] - y[0]);
    for (let i = 0; i < this.periods.length; i++) {
      const [s, e] = this.periods[i];
      if (e <= s) throw new Error('each working period must end after it starts');
      if (i > 0 && s < this.periods[i - 1][1]) throw new Error('working periods must not overlap');
    }
    if (this.periods.length === 0) throw new Error('at least one working period is needed');
    this.dayMs = this.periods.reduce((sum, [s, e]) => sum + (e - s), 0);
    for (const [year, y] of Object.entries(data.years)) this.addYear(year, y);
  }

  /** Adds (or replaces) one year's holidays and make-up workdays. */
  addYear(year: string | number, data: HolidayYear): void {
    const y = String(year);
    if (!/^\d{4}$/.test(y)) throw new Error(`year must be four digits, got "${y}"`);
    for (const day of [...this.off.keys()]) if (day.startsWith(`${y}-`)) this.off.delete(day);
    for (const day of [...this.makeup]) if (day.startsWith(`${y}-`)) this.makeup.delete(day);
    for (const h of data.holidays) for (const d of eachDay(h.from, h.to)) this.off.set(d, h.name);
    for (const d of data.makeupWorkdays) {
      if (!DAY_RE.test(d)) throw new Error(`make-up workday must be YYYY-MM-DD: ${d}`);
      this.makeup.add(d);
    }
    this.yearsLoaded.add(y);
    this.workdayByIndex.clear();
  }

  hasYear(year: string | number): boolean {
    return this.yearsLoaded.has(String(year));
  }

  get years(): string[] {
    return [...this.yearsLoaded].sort();
  }

  /** Is this local calendar day (YYYY-MM-DD) a working day? Years without data: Monday–Friday. */
  isWorkday(day: string): boolean {
    if (this.makeup.has(day)) return true;
    if (this.off.has(day)) return false;
    const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
    return wd !== 0 && wd !== 6;
  }

  holidayName(day: string): string | null {
    return this.off.get(day) ?? null;
  }

  /** `isWorkday` of the local day with this number, remembered. */
  private isWorkdayAt(dayIndex: number): boolean {
    let known = this.workdayByIndex.get(dayIndex);
    if (known === undefined) {
      known = this.isWorkday(dayString(dayIndex));
      if (this.workdayByIndex.size >= MAX_REMEMBERED_DAYS) this.workdayByIndex.clear();
      this.workdayByIndex.set(dayIndex, known);
    }
    return known;
  }

  /** Local calendar day of an instant. */
  dayOf(at: number): string {
    return dayString(Math.floor((at + this.offsetMs) / DAY_MS));
  }

  /** Is the instant inside working time (a working day and inside a period, ends inclusive)? */
  isWorkingInstant(at: number): boolean {
    const local = at + this.offsetMs;
    const dayIndex = Math.floor(local / DAY_MS);
    if (!this.isWorkdayAt(dayIndex)) return false;
    const t = local - dayIndex * DAY_MS;
    return this.periods.some(([s, e]) => t >= s && t <= e);
  }

  /** The instant `ms` of working time after `from`; 0 returns `from` unchanged. Lands inside working time. */
  addWorkingMs(from: number, ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new Error('working time to add must be a non-negative number');
    if (ms === 0) return from;
    let remaining = ms;
    const local = from + this.offsetMs;
    let dayIndex = Math.floor(local / DAY_MS);
    let cursor = local;
    for (let scanned = 0; scanned < MAX_DAYS_SCANNED; scanned++, dayIndex++) {
      const dayStart = dayIndex * DAY_MS;
      if (this.isWorkdayAt(dayIndex)) {
        for (const [s, e] of this.periods) {
          const ps = dayStart + s;
          const pe = dayStart + e;
          if (cursor >= pe) continue;
          const begin = Math.max(cursor, ps);
          const available = pe - begin;
          if (remaining <= available) return begin + remaining - this.offsetMs;
          remaining -= available;
          cursor = pe;
        }
      }
      cursor = dayStart + DAY_MS;
    }
    throw new Error('no working time found within 20 years');
  }

  addWorkingHours(from: number, hours: number): number {
    return this.addWorkingMs(from, Math.round(hours * HOUR_MS));
  }

  /** A working day is one day's worth of working time (7.5 h by default), so days and hours measure alike. */
  addWorkingDays(from: number, days: number): number {
    return this.addWorkingMs(from, Math.round(days * this.dayMs));
  }

  /**
   * Working milliseconds in [a, b), minus any pause intervals (which may overlap each other).
   * Returns 0 when b ≤ a.
   */
  workingMsBetween(a: number, b: number, pauses: readonly (readonly [number, number])[] = []): number {
    if (b <= a) return 0;
    let total = this.rawBetween(a, b);
    for (const [ps, pe] of mergeIntervals(pauses.map(([s, e]) => [Math.max(s, a), Math.min(e, b)] as [number, number]).filter(([s, e]) => e > s))) {
      total -= this.rawBetween(ps, pe);
    }
    return total;
  }

  workingHoursBetween(a: number, b: number, pauses: readonly (readonly [number, number])[] = []): number {
    return this.workingMsBetween(a, b, pauses) / HOUR_MS;
  }

  private rawBetween(a: number, b: number): number {
    const la = a + this.offsetMs;
    const lb = b + this.offsetMs;
    let total = 0;
    const first = Math.floor(la / DAY_MS);
    const last = Math.floor(lb / DAY_MS);
    if (last - first > MAX_DAYS_SCANNED) throw new Error('interval too long to measure');
    for (let d = first; d <= last; d++) {
      if (!this.isWorkdayAt(d)) continue;
      const dayStart = d * DAY_MS;
      for (const [s, e] of this.periods) {
        const lo = Math.max(la, dayStart + s);
        const hi = Math.min(lb, dayStart + e);
        if (hi > lo) total += hi - lo;
      }
    }
    return total;
  }
}

function mergeIntervals(list: [number, number][]): [number, number][] {
  const sorted = [...list].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const lastIv = out[out.length - 1];
    if (lastIv && s <= lastIv[1]) lastIv[1] = Math.max(lastIv[1], e);
    else out.push([s, e]);
  }
  return out;
}

export const WORKING_HOUR_MS = HOUR_MS;

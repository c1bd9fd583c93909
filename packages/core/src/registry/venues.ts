import { isoWeekday, shanghaiClock } from '../calendar/shanghai.js';

export const VENUE_KINDS = ['party_venue', 'acquaintance_station', 'service_centre', 'service_station', 'notable_tea_room'] as const;
export type VenueKind = (typeof VENUE_KINDS)[number];

export const VENUE_KIND_LABELS: Record<VenueKind, { zh: string; en: string }> = {
  party_venue: { zh: '党建阵地', en: 'Party venue' },
  acquaintance_station: { zh: '创熟加油站', en: 'Creating-acquaintance station' },
  service_centre: { zh: '党群服务中心', en: 'Party-and-mass service centre' },
  service_station: { zh: '党群服务站', en: 'Party-and-mass service station' },
  notable_tea_room: { zh: '新乡贤茶话厅', en: 'Rural notables tea room' },
};

/** Opening hours: weekday 1 (Mon) .. 7 (Sun), times HH:MM in Asia/Shanghai; `closes` may be 24:00 (midnight). */
export interface OpeningHours {
  weekday: number;
  opens: string;
  closes: string;
}

export const OPENS_PATTERN = '^([01]\\d|2[0-3]):[0-5]\\d$';
export const CLOSES_PATTERN = '^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$';
const OPENS_RE = new RegExp(OPENS_PATTERN);
const CLOSES_RE = new RegExp(CLOSES_PATTERN);

/** Minutes since midnight of "HH:MM". */
export function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

export function validOpeningHours(h: OpeningHours): boolean {
  return Number.isInteger(h.weekday) && h.weekday >= 1 && h.weekday <= 7 && OPENS_RE.test(h.opens) && CLOSES_RE.test(h.closes) && minutesOf(h.opens) < minutesOf(h.closes);
}

export interface OpeningHoursIssue {
  /** Index into the submitted array. */
  index: number;
  field: 'weekday' | 'opens' | 'closes';
  code: 'invalid' | 'not_after_opens' | 'overlap';
}

/**
 * Everything wrong with a week of opening hours, each pinned to one entry and field: malformed entries,
 * an interval that closes at or before it opens, and intervals of one weekday that overlap (touching is fine:
 * 08:00–12:00 and 12:00–18:00 may both be listed).
 */
export function openingHoursIssues(hours: readonly OpeningHours[]): OpeningHoursIssue[] {
  const issues: OpeningHoursIssue[] = [];
  const valid: { index: number; weekday: number; from: number; to: number }[] = [];
  hours.forEach((h, index) => {
    if (!Number.isInteger(h.weekday) || h.weekday < 1 || h.weekday > 7) issues.push({ index, field: 'weekday', code: 'invalid' });
    else if (!OPENS_RE.test(h.opens)) issues.push({ index, field: 'opens', code: 'invalid' });
    else if (!CLOSES_RE.test(h.closes)) issues.push({ index, field: 'closes', code: 'invalid' });
    else if (minutesOf(h.opens) >= minutesOf(h.closes)) issues.push({ index, field: 'closes', code: 'not_after_opens' });
    else valid.push({ index, weekday: h.weekday, from: minutesOf(h.opens), to: minutesOf(h.closes) });
  });
  valid.sort((a, b) => a.weekday - b.weekday || a.from - b.from || a.index - b.index);
  // Sweep each weekday in opening order; `reach` is the latest closing time seen so far that day.
  let day = 0;
  let reach = 0;
  for (const cur of valid) {
    if (cur.weekday !== day) {
      day = cur.weekday;
      reach = 0;
    }
    if (cur.from < reach) issues.push({ index: cur.index, field: 'opens', code: 'overlap' });
    reach = Math.max(reach, cur.to);
  }
  return issues.sort((a, b) => a.index - b.index);
}

/** Sorted copy (weekday, then opening time): the stored and presented order. */
export function sortOpeningHours<T extends OpeningHours>(hours: readonly T[]): T[] {
  return [...hours].sort((a, b) => a.weekday - b.weekday || minutesOf(a.opens) - minutesOf(b.opens));
}

/** Weekday (1 = Monday .. 7 = Sunday) and minute of the day of an instant in Asia/Shanghai (UTC+8, no DST). */
export function shanghaiWeekdayMinute(at: Date): { weekday: number; minute: number } {
  const local = shanghaiClock(at.getTime());
  return { weekday: isoWeekday(local.slice(0, 10)), minute: Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16)) };
}

/** Open at `at` when an interval of that Shanghai weekday contains the minute: opens ≤ t < closes. */
export function isOpenAt(hours: readonly OpeningHours[], at: Date): boolean {
  const { weekday, minute } = shanghaiWeekdayMinute(at);
  return hours.some((h) => h.weekday === weekday && minutesOf(h.opens) <= minute && minute < minutesOf(h.closes));
}

import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { AppealLevel } from './model.js';

/** An amount of working time: hours (7.5 h working day) or working days. */
export interface WorkingDuration {
  amount: number;
  unit: 'hours' | 'days';
}

/** Response: someone takes it up (受理/响应). Resolution: it is handled (办结 pending verification). */
export interface SlaTarget {
  response: WorkingDuration;
  resolution: WorkingDuration;
}

export type SlaTable = Partial<Record<AppealLevel, SlaTarget>>;

const h = (amount: number): WorkingDuration => ({ amount, unit: 'hours' });
const d = (amount: number): WorkingDuration => ({ amount, unit: 'days' });

/** Defaults per level when a category does not say: the lower the level, the smaller and faster the matter. */
export const DEFAULT_SLA: Record<AppealLevel, SlaTarget> = {
  grid: { response: h(2), resolution: d(2) },
  compound: { response: h(4), resolution: d(3) },
  community: { response: h(4), resolution: d(5) },
  subdistrict: { response: h(8), resolution: d(10) },
  department: { response: h(8), resolution: d(15) },
};

export function slaFor(table: SlaTable | undefined, level: AppealLevel): SlaTarget {
  return table?.[level] ?? DEFAULT_SLA[level];
}

export function durationMs(calendar: WorkingCalendar, dur: WorkingDuration): number {
  return Math.round(dur.unit === 'days' ? dur.amount * calendar.dayMs : dur.amount * 3_600_000);
}

/** The instant a clock started at `from` runs out. */
export function deadlineAfter(calendar: WorkingCalendar, from: number, dur: WorkingDuration): number {
  return calendar.addWorkingMs(from, durationMs(calendar, dur));
}

/**
 * The "nearing deadline" horizon in working time: a deadline at or before the returned instant has at most
 * `minutes` of working time left at `now` (a Friday-evening look-ahead reaches into Monday morning, not Saturday).
 */
export function nearingHorizon(calendar: WorkingCalendar, now: number, minutes: number): number {
  return calendar.addWorkingMs(now, Math.max(0, minutes) * 60_000);
}

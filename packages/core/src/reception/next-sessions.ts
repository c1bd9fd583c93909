/**
 * 楼长接待日 arithmetic (pure, no I/O): which sessions come next, from weekly slots and one-off sessions,
 * minus cancelled dates. Days and clock times are Asia/Shanghai (UTC+8 all year, no daylight saving).
 */

import { isoWeekday, shanghaiDate, shanghaiInstant } from '../calendar/shanghai.js';

const DAY_MS = 86_400_000;
/** Look this far ahead for a weekly slot's next sessions, so a run of cancellations cannot loop forever. */
const HORIZON_DAYS = 366;

export const TIME_OF_DAY_PATTERN = '^([01]\\d|2[0-3]):[0-5]\\d$';

export interface SessionSlot {
  id: string;
  kind: 'weekly' | 'once';
  /** ISO weekday 1 = Monday … 7 = Sunday (weekly slots). */
  weekday: number | null;
  /** YYYY-MM-DD (one-off sessions). */
  date: string | null;
  /** HH:MM Asia/Shanghai. */
  startTime: string;
  endTime: string;
}

export interface SessionCancellation {
  slotId: string;
  date: string;
}

export interface UpcomingSession {
  slotId: string;
  date: string;
  weekday: number;
  startTime: string;
  endTime: string;
  /** UTC instants, ISO 8601. */
  startsAt: string;
  endsAt: string;
}




function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

function session(slot: SessionSlot, date: string): UpcomingSession {
  return {
    slotId: slot.id,
    date,
    weekday: isoWeekday(date),
    startTime: slot.startTime,
    endTime: slot.endTime,
    startsAt: new Date(shanghaiInstant(date, slot.startTime)).toISOString(),
    endsAt: new Date(shanghaiInstant(date, slot.endTime)).toISOString(),
  };
}

/**
 * The next `count` sessions that have not finished at `now` (a session under way still counts: a resident can
 * still walk over), earliest first (ties by slot id), skipping cancelled dates.
 */
export function nextReceptionSessions(slots: readonly SessionSlot[], cancelled: readonly SessionCancellation[], now: number, count = 4): UpcomingSession[] {
  if (count <= 0) return [];
  const off = new Set(cancelled.map((c) => `${c.slotId}|${c.date}`));
  const today = shanghaiDate(now);
  const out: UpcomingSession[] = [];
  const keep = (slot: SessionSlot, date: string) => !off.has(`${slot.id}|${date}`) && shanghaiInstant(date, slot.endTime) > now;
  for (const slot of slots) {
    if (slot.kind === 'once') {
      if (slot.date && keep(slot, slot.date)) out.push(session(slot, slot.date));
      continue;
    }
    if (slot.weekday === null || slot.weekday < 1 || slot.weekday > 7) continue;
    // First day on or after today with the slot's weekday, then every 7 days.
    let date = addDays(today, (slot.weekday - isoWeekday(today) + 7) % 7);
    let found = 0;
    for (let d = 0; d <= HORIZON_DAYS && found < count; d += 7, date = addDays(date, 7)) {
      if (keep(slot, date)) {
        out.push(session(slot, date));
        found += 1;
      }
    }
  }
  out.sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.slotId < b.slotId ? -1 : a.slotId > b.slotId ? 1 : 0));
  return out.slice(0, count);
}

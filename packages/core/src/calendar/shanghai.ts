/**
 * Days and weeks as Asia/Shanghai counts them. Instants are stored in UTC; China has been UTC+8 all year since 1991
 * (no daylight saving), so a fixed offset is exact.
 */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** Epoch ms of a Shanghai calendar day at a Shanghai clock time (HH:MM). */
export function shanghaiInstant(date: string, time: string): number {
  return Date.parse(`${date}T${time}:00+08:00`);
}

/** The Shanghai calendar day (YYYY-MM-DD) of an instant. */
export function shanghaiDate(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Shanghai wall-clock reading of an instant as `YYYY-MM-DDTHH:MM:SS.sss` (no offset; slice what you need). */
export function shanghaiClock(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 23);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a YYYY-MM-DD day. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The instant a Shanghai calendar day (YYYY-MM-DD) begins. */
export function shanghaiDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS);
}

/** The Monday (YYYY-MM-DD, Shanghai calendar) of the week an instant falls in. */
export function shanghaiWeekStart(at: Date | number): string {
  const day = Math.floor(((typeof at === 'number' ? at : at.getTime()) + SHANGHAI_OFFSET_MS) / DAY_MS);
  // 1970-01-01 was a Thursday: day 0 is weekday 3 counting Monday as 0.
  const sinceMonday = (((day + 3) % 7) + 7) % 7;
  return new Date((day - sinceMonday) * DAY_MS).toISOString().slice(0, 10);
}

/** The last `count` weeks (their Mondays, oldest first), ending with the week `now` falls in. */
export function lastWeeks(now: Date, count: number): string[] {
  const last = Date.parse(`${shanghaiWeekStart(now)}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(last - (count - 1 - i) * 7 * DAY_MS).toISOString().slice(0, 10));
}

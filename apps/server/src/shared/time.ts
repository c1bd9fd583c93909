/** Calendar day (YYYY-MM-DD) in Asia/Shanghai for an instant. Time is stored in UTC, days are counted in Shanghai. */
export function shanghaiDay(at: Date): string {
  // UTC+8 all year (no daylight saving since 1991).
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

import type { StatFigure } from '@shuren/core';

/** The appeals figures that are percentages (the stats API sends them as numbers 0–100, one decimal). */
export const RATE_KEYS = [
  'appeals.response_rate',
  'appeals.resolution_rate',
  'appeals.satisfaction_rate',
  'appeals.on_time_close_rate',
  'appeals.rework_rate',
  'appeals.settled_in_community',
  'appeals.settled_in_subdistrict',
] as const;

const isRate = (key: string) => (RATE_KEYS as readonly string[]).includes(key);

/** "87.5%" for a rate, "12.3" for hours, the plain number otherwise. */
export function formatFigure(f: Pick<StatFigure, 'key' | 'value'>): string {
  const v = Number.isInteger(f.value) ? String(f.value) : f.value.toFixed(1);
  return isRate(f.key) ? `${v}%` : v;
}

/** Part of a whole as a whole-number percentage (0 when there is no whole). */
export function shareOf(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

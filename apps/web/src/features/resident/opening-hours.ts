import type { OpeningHours } from '@shuren/core';
import { serverNow } from '../../shared/server-clock';

/**
 * Weekday (1 = Mon … 7 = Sun) and HH:MM of an instant on the Asia/Shanghai clock, whatever the phone's zone.
 * Whether a venue is open now comes from the server (`openNow`); this only picks today's line to show.
 */
export function shanghaiClock(now: Date): { weekday: number; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
  return { weekday, time: `${get('hour')}:${get('minute')}` };
}

/**
 * Today's opening slots (Shanghai day), sorted. "Today" is the server's, as the open/closed badge beside it (computed
 * by the server): a phone whose clock is a day off must not show "closed today" next to "open now".
 */
export function todaysHours(hours: readonly OpeningHours[], now: Date = new Date(serverNow())): OpeningHours[] {
  const { weekday } = shanghaiClock(now);
  return hours.filter((h) => h.weekday === weekday).sort((a, b) => a.opens.localeCompare(b.opens));
}

/**
 * Weekly hours folded into lines an elderly reader can scan: consecutive days with the same slots
 * share a line ("周一至周五 09:00–17:00").
 */
export function weeklyLines(hours: readonly OpeningHours[]): { from: number; to: number; slots: string }[] {
  const byDay = new Map<number, string>();
  for (let d = 1; d <= 7; d++) {
    const slots = hours
      .filter((h) => h.weekday === d)
      .sort((a, b) => a.opens.localeCompare(b.opens))
      .map((h) => `${h.opens}–${h.closes}`)
      .join(', ');
    byDay.set(d, slots);
  }
  const out: { from: number; to: number; slots: string }[] = [];
  for (let d = 1; d <= 7; d++) {
    const slots = byDay.get(d)!;
    if (!slots) continue;
    const last = out[out.length - 1];
    if (last && last.to === d - 1 && last.slots === slots) last.to = d;
    else out.push({ from: d, to: d, slots });
  }
  return out;
}

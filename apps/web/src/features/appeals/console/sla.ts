import { useEffect, useState } from 'react';
import { serverNow } from '../../../shared/server-clock';

/** What a queue row says about its clock: time left (or overdue by), which clock, and how urgent it looks. */
export interface SlaView {
  clock: 'response' | 'resolution' | null;
  /** Milliseconds left; negative when overdue; null when no clock runs (paused, awaiting the resident, finished). */
  leftMs: number | null;
  tone: 'overdue' | 'soon' | 'ok' | 'none';
}

const HOUR = 3_600_000;

/**
 * The next deadline of an appeal as the server computed it (`dueAt`, on the working calendar) against `now`, the
 * server's time as this device sees it (`useNow`). The server's `overdue` flag wins when they disagree.
 */
export function slaView(a: { dueAt: string | null; responseDueAt: string | null; overdue: boolean; paused: boolean }, now: number): SlaView {
  if (!a.dueAt || a.paused) return { clock: null, leftMs: null, tone: a.overdue ? 'overdue' : 'none' };
  const left = Date.parse(a.dueAt) - now;
  const clock = a.responseDueAt && a.responseDueAt === a.dueAt ? 'response' : 'resolution';
  const tone = a.overdue || left <= 0 ? 'overdue' : left < 2 * HOUR ? 'soon' : 'ok';
  return { clock, leftMs: a.overdue && left > 0 ? 0 : left, tone };
}

/** "2天3小时", "3小时12分", "45分" (or English): a duration as a dispatcher reads it at a glance. */
export function formatSpan(ms: number, lang: 'zh' | 'en'): string {
  const total = Math.max(0, Math.floor(Math.abs(ms) / 60_000));
  const d = Math.floor(total / 1440);
  const h = Math.floor((total % 1440) / 60);
  const m = total % 60;
  if (lang === 'zh') {
    if (d > 0) return `${d}天${h ? `${h}小时` : ''}`;
    if (h > 0) return `${h}小时${m ? `${m}分` : ''}`;
    return `${m}分`;
  }
  if (d > 0) return `${d}d${h ? ` ${h}h` : ''}`;
  if (h > 0) return `${h}h${m ? ` ${m}m` : ''}`;
  return `${m}m`;
}

/** The server's current time (shared/server-clock.ts), ticking every `everyMs` so countdowns move without refetching. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => serverNow());
  useEffect(() => {
    const id = setInterval(() => setNow(serverNow()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

import type { ZhEn } from '../../../shared/i18n';
import { slaView } from '../console/sla';

/** A whole number of the largest unit, as a 楼长 says it: "3 小时", "1 天", "20 分钟" (never "2天3小时12分"). */
export function plainSpan(ms: number): ZhEn {
  const minutes = Math.max(1, Math.floor(Math.abs(ms) / 60_000));
  if (minutes >= 1440) {
    const d = Math.floor(minutes / 1440);
    return { zh: `${d} 天`, en: `${d} day${d === 1 ? '' : 's'}` };
  }
  if (minutes >= 60) {
    const h = Math.floor(minutes / 60);
    return { zh: `${h} 小时`, en: `${h} hour${h === 1 ? '' : 's'}` };
  }
  return { zh: `${minutes} 分钟`, en: `${minutes} minute${minutes === 1 ? '' : 's'}` };
}

export interface PlainCountdown {
  tone: 'overdue' | 'soon' | 'ok' | 'none';
  /** "还剩 3 小时" / "已超时 1 天"; null when no clock runs (paused, awaiting the resident, finished). */
  text: ZhEn | null;
}

/** The next deadline in plain words, from the server's `dueAt`/`overdue` (the same reading as the console's countdown). */
export function plainCountdown(a: { dueAt: string | null; responseDueAt: string | null; overdue: boolean; paused: boolean }, now: number): PlainCountdown {
  const v = slaView(a, now);
  if (v.leftMs === null) return { tone: v.tone, text: null };
  const span = plainSpan(v.leftMs);
  if (v.tone === 'overdue') return { tone: 'overdue', text: { zh: `已超时 ${span.zh}`, en: `${span.en} overdue` } };
  return { tone: v.tone, text: { zh: `还剩 ${span.zh}`, en: `${span.en} left` } };
}

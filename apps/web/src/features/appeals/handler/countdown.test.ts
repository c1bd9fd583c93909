import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { plainCountdown, plainSpan } from './countdown';

const HOUR = 3_600_000;
const at = (now: number, ms: number) => new Date(now + ms).toISOString();

describe('the 楼长’s plain countdown', () => {
  const now = Date.parse('2026-03-02T02:00:00Z');

  it('says how long is left or how late it is in one whole unit', () => {
    expect(plainCountdown({ dueAt: at(now, 3 * HOUR + 20 * 60_000), responseDueAt: null, overdue: false, paused: false }, now)).toEqual({ tone: 'ok', text: { zh: '还剩 3 小时', en: '3 hours left' } });
    expect(plainCountdown({ dueAt: at(now, -26 * HOUR), responseDueAt: null, overdue: true, paused: false }, now)).toEqual({ tone: 'overdue', text: { zh: '已超时 1 天', en: '1 day overdue' } });
    expect(plainCountdown({ dueAt: at(now, 45 * 60_000), responseDueAt: null, overdue: false, paused: false }, now).text?.zh).toBe('还剩 45 分钟');
  });

  it('says nothing about a clock that does not run (paused, awaiting the resident)', () => {
    expect(plainCountdown({ dueAt: null, responseDueAt: null, overdue: false, paused: false }, now)).toEqual({ tone: 'none', text: null });
    expect(plainCountdown({ dueAt: at(now, HOUR), responseDueAt: null, overdue: false, paused: true }, now).text).toBeNull();
  });

  it('trusts the server’s overdue flag over a slow phone clock', () => {
    expect(plainCountdown({ dueAt: at(now, 10 * 60_000), responseDueAt: null, overdue: true, paused: false }, now).tone).toBe('overdue');
  });

  it('never shows zero or a fraction, and the unit grows with the span', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400 * 24 * HOUR, max: 400 * 24 * HOUR }), (ms) => {
        const s = plainSpan(ms).zh;
        expect(s).toMatch(/^[1-9]\d* (分钟|小时|天)$/);
        const n = Number(s.split(' ')[0]);
        if (Math.abs(ms) >= 24 * HOUR) expect(s.endsWith('天') && n === Math.floor(Math.abs(ms) / (24 * HOUR))).toBe(true);
        else if (Math.abs(ms) >= HOUR) expect(s.endsWith('小时') && n < 24).toBe(true);
        else expect(s.endsWith('分钟') && n < 60).toBe(true);
      }),
    );
  });
});

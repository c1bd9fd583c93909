import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { noteServerTime } from '../../shared/server-clock';
import { shanghaiClock, todaysHours, weeklyLines } from './opening-hours';

const weekdays = (from: number, to: number, opens: string, closes: string) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ weekday: from + i, opens, closes }));

describe('venue opening hours on the Shanghai clock', () => {
  afterEach(() => vi.useRealTimers());

  it('reads the Shanghai weekday and time whatever the instant', () => {
    // 2026-11-02 is a Monday; 01:30 UTC is 09:30 in Shanghai.
    expect(shanghaiClock(new Date('2026-11-02T01:30:00Z'))).toEqual({ weekday: 1, time: '09:30' });
    // Sunday 20:00 UTC is Monday 04:00 in Shanghai.
    expect(shanghaiClock(new Date('2026-11-01T20:00:00Z'))).toEqual({ weekday: 1, time: '04:00' });
  });

  it('lists only today’s slots, in order', () => {
    const hours = [
      { weekday: 1, opens: '14:00', closes: '18:00' },
      { weekday: 1, opens: '08:30', closes: '12:00' },
      { weekday: 2, opens: '08:30', closes: '12:00' },
    ];
    expect(todaysHours(hours, new Date('2026-11-02T04:00:00Z')).map((h) => h.opens)).toEqual(['08:30', '14:00']);
  });

  it('takes “today” from the server’s clock, not the phone’s', () => {
    vi.useFakeTimers();
    // The phone thinks it is Monday 2026-11-02, 10:00 in Shanghai; the server says Tuesday 10:00.
    vi.setSystemTime(Date.parse('2026-11-02T02:00:00Z'));
    noteServerTime(String(Date.parse('2026-11-03T02:00:00Z')), Date.now(), Date.now());
    const hours = [
      { weekday: 1, opens: '08:30', closes: '12:00' },
      { weekday: 2, opens: '14:00', closes: '18:00' },
    ];
    expect(todaysHours(hours).map((h) => h.weekday)).toEqual([2]);
    noteServerTime(String(Date.now()), Date.now(), Date.now());
    expect(todaysHours(hours).map((h) => h.weekday)).toEqual([1]);
  });

  it('folds consecutive days with equal hours into one line', () => {
    const hours = [...weekdays(1, 5, '09:00', '17:00'), { weekday: 6, opens: '09:00', closes: '12:00' }];
    expect(weeklyLines(hours)).toEqual([
      { from: 1, to: 5, slots: '09:00–17:00' },
      { from: 6, to: 6, slots: '09:00–12:00' },
    ]);
  });

  it('every open day appears in exactly one folded line', () => {
    const slot = fc.record({ weekday: fc.integer({ min: 1, max: 7 }), opens: fc.constantFrom('08:00', '09:00', '14:00'), closes: fc.constantFrom('12:00', '17:00', '20:00') });
    fc.assert(
      fc.property(fc.array(slot, { maxLength: 12 }), (hours) => {
        const lines = weeklyLines(hours);
        const covered = lines.flatMap((l) => Array.from({ length: l.to - l.from + 1 }, (_, i) => l.from + i));
        expect(covered).toEqual([...new Set(hours.map((h) => h.weekday))].sort());
      }),
    );
  });
});

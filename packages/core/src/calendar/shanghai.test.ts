import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastWeeks, shanghaiDate, shanghaiDayStart, shanghaiWeekStart } from './shanghai.js';

const DAY = 86_400_000;
// Instants from 2000 to 2100.
const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) });

describe('Shanghai weeks (appeal trends)', () => {
  it('an instant falls in the Monday-start Shanghai week its bucket names', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const monday = shanghaiWeekStart(t);
        expect(monday).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(new Date(`${monday}T00:00:00Z`).getUTCDay()).toBe(1);
        const start = shanghaiDayStart(monday).getTime();
        expect(t).toBeGreaterThanOrEqual(start);
        expect(t).toBeLessThan(start + 7 * DAY);
        // The Shanghai calendar day of the instant is within the same 7 days.
        const day = shanghaiDate(t);
        expect(day >= monday).toBe(true);
        expect(Date.parse(`${day}T00:00:00Z`) - Date.parse(`${monday}T00:00:00Z`)).toBeLessThan(7 * DAY);
      }),
      { numRuns: 2000 },
    );
  });

  it('midnight boundaries: Sunday 23:59:59.999 and Monday 00:00 in Shanghai are in different weeks', () => {
    // 2026-11-16 is a Monday; 00:00 in Shanghai is 16:00 UTC the day before.
    const mondayStart = Date.parse('2026-11-15T16:00:00Z');
    expect(shanghaiWeekStart(mondayStart)).toBe('2026-11-16');
    expect(shanghaiWeekStart(mondayStart - 1)).toBe('2026-11-09');
    expect(shanghaiWeekStart(Date.parse('1970-01-01T00:00:00Z'))).toBe('1969-12-29');
  });

  it('lastWeeks: `count` consecutive Mondays, the last one the current week', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 4, max: 104 }), (t, n) => {
        const weeks = lastWeeks(new Date(t), n);
        expect(weeks).toHaveLength(n);
        expect(weeks[n - 1]).toBe(shanghaiWeekStart(t));
        for (let i = 1; i < n; i++) expect(Date.parse(weeks[i]) - Date.parse(weeks[i - 1])).toBe(7 * DAY);
      }),
    );
  });
});


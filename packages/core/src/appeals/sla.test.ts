import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chinaWorkingCalendar } from '../calendar/index.js';
import { nearingHorizon } from './sla.js';

const cal = chinaWorkingCalendar();
const at = (iso: string) => Date.parse(iso);
const instant = fc.integer({ min: at('2025-01-01T00:00:00+08:00') / 60_000, max: at('2026-11-01T00:00:00+08:00') / 60_000 }).map((m) => m * 60_000);

describe('nearing-deadline horizon in working time', () => {
  it('looks over a weekend and a holiday instead of counting clock hours', () => {
    // Friday 2026-11-20 17:30 with a 2-hour warning: 30 min left on Friday, then 1.5 h on Monday (09:00–10:30).
    expect(new Date(nearingHorizon(cal, at('2026-11-20T17:30:00+08:00'), 120)).toISOString()).toBe('2026-11-23T02:30:00.000Z');
    // Thursday 2026-09-24 17:30, before the Mid-Autumn days off (25th–27th): the rest falls on Monday the 28th.
    expect(new Date(nearingHorizon(cal, at('2026-09-24T17:30:00+08:00'), 120)).toISOString()).toBe('2026-09-28T02:30:00.000Z');
    // Before the National Day holiday (2026-10-01..07): the horizon lands on the next working day after it.
    expect(cal.dayOf(nearingHorizon(cal, at('2026-09-30T17:00:00+08:00'), 120))).toBe('2026-10-08');
  });

  it('warns exactly when the working time left is within the window (deadlines are working instants)', () => {
    fc.assert(
      fc.property(instant, instant, fc.integer({ min: 1, max: 60 * 60 }), fc.integer({ min: 1, max: 24 * 60 }), (a, b, dueIn, minutes) => {
        const now = Math.min(a, b);
        const due = cal.addWorkingMs(Math.max(a, b), dueIn * 60_000);
        const left = cal.workingMsBetween(now, due);
        return (due <= nearingHorizon(cal, now, minutes)) === (left <= minutes * 60_000);
      }),
    );
  });
});

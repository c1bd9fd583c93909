import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chinaWorkingCalendar, WorkingCalendar } from './index.js';

const cal = chinaWorkingCalendar();
const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);
// Instants across 2025–2026 (the years with holiday data), minute resolution.
const instant = fc.integer({ min: at('2025-01-01T00:00:00+08:00') / 60_000, max: at('2026-12-01T00:00:00+08:00') / 60_000 }).map((m) => m * 60_000);
const workMs = fc.integer({ min: 1, max: 200 * 60 }).map((m) => m * 60_000);

describe('working-time calendar', () => {
  it('counts a make-up Saturday (2026-02-14) as a workday and the Spring Festival as off', () => {
    expect(cal.isWorkday('2026-02-14')).toBe(true);
    expect(cal.isWorkday('2026-02-16')).toBe(false);
    expect(cal.isWorkday('2026-02-21')).toBe(false);
    expect(cal.holidayName('2026-02-17')).toBe('春节');
    // Friday 2026-02-13 17:00 + 2 h: one hour on Friday, then the make-up Saturday from 09:00.
    expect(new Date(cal.addWorkingHours(at('2026-02-13T17:00:00+08:00'), 2)).toISOString()).toBe('2026-02-14T02:00:00.000Z');
    // Saturday 17:00 + 2 h jumps over the whole holiday to Tuesday 2026-02-24 (the 23rd is the last day off).
    expect(new Date(cal.addWorkingHours(at('2026-02-14T17:00:00+08:00'), 2)).toISOString()).toBe('2026-02-24T02:00:00.000Z');
  });

  it('skips the lunch break and counts 7.5 hours a day', () => {
    expect(cal.dayMs).toBe(7.5 * HOUR);
    expect(new Date(cal.addWorkingHours(at('2026-11-20T11:00:00+08:00'), 2)).toISOString()).toBe('2026-11-20T06:30:00.000Z');
    expect(cal.workingHoursBetween(at('2026-11-20T00:00:00+08:00'), at('2026-11-21T00:00:00+08:00'))).toBe(7.5);
    expect(new Date(cal.addWorkingDays(at('2026-11-20T10:00:00+08:00'), 1)).toISOString()).toBe('2026-11-23T02:00:00.000Z');
  });

  it('lets an admin add a year at runtime', () => {
    const c = chinaWorkingCalendar();
    expect(c.hasYear(2027)).toBe(false);
    expect(c.isWorkday('2027-01-01')).toBe(true);
    c.addYear(2027, { holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }], makeupWorkdays: ['2027-01-09'] });
    expect(c.hasYear(2027)).toBe(true);
    expect(c.isWorkday('2027-01-01')).toBe(false);
    expect(c.isWorkday('2027-01-09')).toBe(true);
  });

  it('forgets what it knew about a year when the year is replaced (deadlines as a calendar built afresh)', () => {
    const changed = { holidays: [{ name: '临时休假', from: '2026-03-02', to: '2026-03-06' }], makeupWorkdays: ['2026-03-07'] };
    const fresh = chinaWorkingCalendar();
    fresh.addYear(2026, changed);
    const march = fc.integer({ min: at('2026-02-23T00:00:00+08:00') / 60_000, max: at('2026-03-09T00:00:00+08:00') / 60_000 }).map((m) => m * 60_000);
    fc.assert(
      fc.property(march, workMs, (t, n) => {
        const used = chinaWorkingCalendar();
        const before = used.addWorkingMs(t, n); // remembers the days it walked over
        used.addYear(2026, changed);
        expect(used.addWorkingMs(t, n)).toBe(fresh.addWorkingMs(t, n));
        expect(used.workingMsBetween(t, before)).toBe(fresh.workingMsBetween(t, before));
        expect(used.isWorkingInstant(t)).toBe(fresh.isWorkingInstant(t));
      }),
      { numRuns: 60 },
    );
  });

  it('honours configured working hours and refuses overlapping periods', () => {
    const c = new WorkingCalendar({ years: {} }, { periods: [{ start: '08:00', end: '16:00' }], utcOffsetMinutes: 480 });
    expect(c.dayMs).toBe(8 * HOUR);
    expect(() => new WorkingCalendar({ years: {} }, { periods: [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '13:00' }], utcOffsetMinutes: 480 })).toThrow();
  });

  it('round-trips: the working time between t and t + n is n', () => {
    fc.assert(fc.property(instant, workMs, (t, n) => cal.workingMsBetween(t, cal.addWorkingMs(t, n)) === n));
  });

  it('never lands on a holiday or outside working hours', () => {
    fc.assert(fc.property(instant, workMs, (t, n) => cal.isWorkingInstant(cal.addWorkingMs(t, n))));
  });

  it('is monotonic in the start and in the amount', () => {
    fc.assert(
      fc.property(instant, instant, workMs, workMs, (a, b, n, m) => {
        const [t1, t2] = a <= b ? [a, b] : [b, a];
        const [n1, n2] = n <= m ? [n, m] : [m, n];
        return cal.addWorkingMs(t1, n1) <= cal.addWorkingMs(t2, n1) && cal.addWorkingMs(t1, n1) <= cal.addWorkingMs(t1, n2);
      }),
    );
  });

  it('measures additively and excludes pauses', () => {
    fc.assert(
      fc.property(fc.array(instant, { minLength: 4, maxLength: 4 }), (xs) => {
        const [a, p1, p2, b] = [...xs].sort((x, y) => x - y);
        const whole = cal.workingMsBetween(a, b);
        const split = cal.workingMsBetween(a, p1) + cal.workingMsBetween(p1, b);
        const paused = cal.workingMsBetween(a, b, [[p1, p2]]);
        return whole === split && paused === whole - cal.workingMsBetween(p1, p2);
      }),
    );
  });
});

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOpenAt, openingHoursIssues, shanghaiWeekdayMinute, type OpeningHours } from '@shuren/core';
import { createTestApp, type TestApp } from '../../../test/helpers.js';

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Times on a half-hour grid, so generated periods often touch, overlap or coincide. */
const slot = fc.integer({ min: 0, max: 48 }).map((i) => i * 30);
const entry = fc.record({ weekday: fc.integer({ min: 1, max: 7 }), from: slot, to: slot }).map(({ weekday, from, to }) => ({ weekday, opens: hhmm(Math.min(from, 1410)), closes: hhmm(to) }));
const week = fc.array(entry, { maxLength: 10 });
/** Weeks that satisfy the rules by construction: per weekday, sorted distinct times paired into periods. */
const validWeek = fc
  .uniqueArray(fc.record({ weekday: fc.integer({ min: 1, max: 7 }), points: fc.uniqueArray(slot, { minLength: 2, maxLength: 6 }) }), { selector: (d) => d.weekday, maxLength: 7 })
  .map((days) =>
    days.flatMap(({ weekday, points }) => {
      const sorted = [...points].sort((a, b) => a - b);
      const out: OpeningHours[] = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) out.push({ weekday, opens: hhmm(sorted[i]), closes: hhmm(sorted[i + 1]) });
      return out;
    }),
  );
/** Instants across a few years, any minute. */
const instant = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2028, 0, 1) }).map((ms) => new Date(ms - (ms % 60_000)));

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));

/** Independent oracle: the Shanghai weekday and minute from the platform's time-zone database. */
function shanghaiByIntl(at: Date): { weekday: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return { weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1, minute: Number(get('hour')) * 60 + Number(get('minute')) };
}

/** Brute force: valid when every period closes after it opens and no two periods of a day share a minute. */
function validByBruteForce(hours: OpeningHours[]): boolean {
  if (hours.some((h) => minutes(h.opens) >= minutes(h.closes))) return false;
  for (let i = 0; i < hours.length; i++)
    for (let j = i + 1; j < hours.length; j++) {
      const a = hours[i];
      const b = hours[j];
      if (a.weekday === b.weekday && minutes(a.opens) < minutes(b.closes) && minutes(b.opens) < minutes(a.closes)) return false;
    }
  return true;
}

const openByBruteForce = (hours: OpeningHours[], at: Date) => {
  const { weekday, minute } = shanghaiByIntl(at);
  return hours.some((h) => h.weekday === weekday && minutes(h.opens) <= minute && minute < minutes(h.closes));
};

describe('opening hours rules (properties)', () => {
  it('accepts every week built to the rules', () => {
    fc.assert(
      fc.property(validWeek, (hours) => {
        expect(openingHoursIssues(hours)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('reports no issue exactly when every period is well-formed and no two periods of a day overlap', () => {
    fc.assert(
      fc.property(week, (hours) => {
        const issues = openingHoursIssues(hours);
        expect(issues.length === 0).toBe(validByBruteForce(hours));
        for (const i of issues) expect(i.index).toBeLessThan(hours.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the Shanghai weekday and minute as the time-zone database does', () => {
    fc.assert(fc.property(instant, (at) => {
        expect(shanghaiWeekdayMinute(at)).toEqual(shanghaiByIntl(at));
      }), { numRuns: 2000 });
  });

  it('is open at an instant exactly when that instant lies inside one of the periods', () => {
    fc.assert(
      fc.property(week, instant, (hours, at) => {
        expect(isOpenAt(hours, at)).toBe(openByBruteForce(hours, at));
      }),
      { numRuns: 2000 },
    );
  });

  it('is open at every minute inside a period and closed at its closing minute when nothing follows', () => {
    fc.assert(
      fc.property(entry, instant, fc.integer({ min: 0, max: 1439 }), (h, day, offset) => {
        fc.pre(minutes(h.opens) < minutes(h.closes));
        // The instant on the period's weekday at opens + offset (Shanghai), found from any starting day.
        const base = new Date(day.getTime() - shanghaiByIntl(day).minute * 60_000);
        const shift = ((h.weekday - shanghaiByIntl(base).weekday + 7) % 7) * 1440;
        const m = minutes(h.opens) + (offset % (minutes(h.closes) - minutes(h.opens)));
        expect(isOpenAt([h], new Date(base.getTime() + (shift + m) * 60_000))).toBe(true);
        if (minutes(h.closes) < 1440) expect(isOpenAt([h], new Date(base.getTime() + (shift + minutes(h.closes)) * 60_000))).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('PUT /venues/:id/opening-hours and openNow (property, through the API)', () => {
  let t: TestApp;
  let admin: string;
  let venueId: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    const [root] = (await t.app.inject({ method: 'GET', url: '/api/v1/regions?level=subdistrict', headers: { cookie: admin } })).json().items;
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/venues', headers: { cookie: admin }, payload: { kind: 'service_station', name: '性质测试站', regionId: root.id } });
    venueId = res.json().id;
  });
  afterAll(async () => t?.close());

  it('accepts a week exactly when the rules do, and then reports openNow as the brute force does', async () => {
    const start = t.clock.now().getTime();
    await fc.assert(
      fc.asyncProperty(fc.oneof(week, validWeek), fc.integer({ min: 0, max: 11 * 60 }), async (hours, minutesLater) => {
        // Within the session's lifetime, so one sign-in serves every run.
        t.clock.current = new Date(start + minutesLater * 60_000);
        const put = await t.app.inject({ method: 'PUT', url: `/api/v1/venues/${venueId}/opening-hours`, headers: { cookie: admin }, payload: { hours } });
        const valid = validByBruteForce(hours);
        expect(put.statusCode).toBe(valid ? 200 : 400);
        if (!valid) {
          for (const e of put.json().errors) expect(e.field).toMatch(/^\/body\/hours\/\d+\/(weekday|opens|closes)$/);
          return;
        }
        expect(put.json().openNow).toBe(openByBruteForce(hours, t.clock.now()));
      }),
      { numRuns: 40 },
    );
  });
});

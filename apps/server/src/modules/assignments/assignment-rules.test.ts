import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assignmentActive } from '@shuren/core';
import { rangesOverlap, roleFitsRegion } from './assignment-rules.js';

const DAY = 86_400_000;
const base = Date.UTC(2020, 0, 1);
const dayArb = fc.integer({ min: 0, max: 3000 });
const iso = (n: number) => new Date(base + n * DAY).toISOString().slice(0, 10);

describe('assignment periods', () => {
  it('assignmentActive holds exactly on the days from start to end inclusive (open end = forever)', () => {
    fc.assert(
      fc.property(dayArb, fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }), dayArb, (start, len, day) => {
        const end = len === null ? null : start + len;
        const expected = day >= start && (end === null || day <= end);
        expect(assignmentActive({ startDate: iso(start), endDate: end === null ? null : iso(end) }, iso(day))).toBe(expected);
      }),
    );
  });

  it('two periods overlap exactly when some day is active in both', () => {
    const period = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }));
    fc.assert(
      fc.property(period, period, ([s1, l1], [s2, l2]) => {
        const a = { startDate: iso(s1), endDate: l1 === null ? null : iso(s1 + l1) };
        const b = { startDate: iso(s2), endDate: l2 === null ? null : iso(s2 + l2) };
        let shared = false;
        for (let d = 0; d <= 200 && !shared; d++) shared = assignmentActive(a, iso(d)) && assignmentActive(b, iso(d));
        expect(rangesOverlap(a, b)).toBe(shared);
      }),
    );
  });

  it('places 三长 and staff on their levels only', () => {
    expect(roleFitsRegion('building_head', { level: 'grid3', kind: 'building' })).toBe(true);
    expect(roleFitsRegion('building_head', { level: 'grid3', kind: 'lane' })).toBe(false);
    expect(roleFitsRegion('lane_head', { level: 'grid3', kind: 'lane' })).toBe(true);
    expect(roleFitsRegion('street_head', { level: 'community', kind: 'urban_community' })).toBe(false);
    expect(roleFitsRegion('auditor', { level: 'subdistrict', kind: 'subdistrict' })).toBe(true);
    expect(roleFitsRegion('volunteer', { level: 'grid3', kind: 'lane' })).toBe(true);
  });
});

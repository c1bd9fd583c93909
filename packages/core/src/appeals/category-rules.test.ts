import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkCategorySettings, durationHours } from './category-rules.js';
import { DEFAULT_CATEGORIES } from './categories.js';
import { APPEAL_LEVELS } from './model.js';
import type { WorkingDuration } from './sla.js';

const duration = fc.record({ amount: fc.integer({ min: 1, max: 2000 }).map((n) => n / 2), unit: fc.constantFrom<'hours' | 'days'>('hours', 'days') }) as fc.Arbitrary<WorkingDuration>;

describe('category settings', () => {
  it('every seeded category passes', () => {
    for (const c of DEFAULT_CATEGORIES) expect(checkCategorySettings({ defaultLevel: c.defaultLevel, department: c.department, sla: c.sla ?? {}, questions: c.questions ?? [] })).toEqual([]);
  });

  it('a level’s targets are refused exactly when the response comes after the resolution (days of 7.5 h)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...APPEAL_LEVELS), duration, duration, (level, response, resolution) => {
        const issues = checkCategorySettings({ defaultLevel: 'community', sla: { [level]: { response, resolution } }, questions: [] });
        const late = durationHours(response) > durationHours(resolution);
        expect(issues).toEqual(late ? [expect.objectContaining({ field: `/sla/${level}/response`, code: 'sla_order' })] : []);
      }),
    );
    expect(durationHours({ amount: 1, unit: 'days' })).toBe(7.5);
  });

  it('questions: keys once each, options only on choice questions and at least two of them', () => {
    const q = (key: string, type: 'text' | 'choice', choices?: string[]) => ({ key, label: { zh: key, en: key }, type, required: false, choices: choices?.map((k) => ({ key: k, zh: k, en: k })) });
    const issues = checkCategorySettings({
      defaultLevel: 'grid',
      sla: {},
      questions: [q('a', 'text'), q('a', 'text'), q('b', 'choice', ['x']), q('c', 'text', ['x', 'y']), q('d', 'choice', ['x', 'x'])],
    });
    expect(issues.map((i) => `${i.field} ${i.code}`)).toEqual(['/questions/1/key duplicate_key', '/questions/2/choices choices_required', '/questions/3/choices choices_not_allowed', '/questions/4/choices/1/key duplicate_key']);
  });

  it('a category that starts at a functional department names one', () => {
    expect(checkCategorySettings({ defaultLevel: 'department', department: null, sla: {}, questions: [] })[0].code).toBe('department_required');
    expect(checkCategorySettings({ defaultLevel: 'department', department: 'housing', sla: {}, questions: [] })).toEqual([]);
  });
});

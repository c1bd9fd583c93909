import { describe, expect, it } from 'vitest';
import { dispatchLevels, suggestedUnit } from './suggest';

describe('suggested unit for dispatch', () => {
  it('goes one rung down toward the place', () => {
    expect(suggestedUnit('subdistrict', { defaultLevel: 'subdistrict', department: 'fire_safety' })).toEqual({ level: 'community' });
    expect(suggestedUnit('community')).toEqual({ level: 'compound' });
    expect(suggestedUnit('compound')).toEqual({ level: 'grid' });
    expect(suggestedUnit('grid')).toBeNull();
  });

  it('sends a department category from the operations centre to its department', () => {
    expect(suggestedUnit('subdistrict', { defaultLevel: 'department', department: 'fire_safety' })).toEqual({ level: 'department', department: 'fire_safety' });
  });

  it('offers every rung below, and departments only from the subdistrict', () => {
    expect(dispatchLevels('subdistrict')).toEqual(['grid', 'compound', 'community', 'department']);
    expect(dispatchLevels('community')).toEqual(['grid', 'compound']);
    expect(dispatchLevels('grid')).toEqual([]);
  });
});

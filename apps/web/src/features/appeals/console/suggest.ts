import { APPEAL_LEVELS, type AppealLevel, type Department } from '@shuren/core';

/**
 * Where a dispatcher would most likely send an appeal next: one rung down the ladder toward the place
 * (subdistrict → community → compound → grid), the place itself fixing which community/compound/grid.
 * A category the subdistrict hands to a department by default (defaultLevel = department) goes there.
 */
export function suggestedUnit(current: AppealLevel, category?: { defaultLevel: AppealLevel; department: string | null }): { level: AppealLevel; department?: Department } | null {
  if ((current === 'subdistrict' || current === 'department') && category?.defaultLevel === 'department' && category.department) {
    return current === 'department' ? null : { level: 'department', department: category.department as Department };
  }
  const lower = dispatchLevels(current).filter((l) => l !== 'department');
  return lower.length ? { level: lower[lower.length - 1] } : null;
}

/** Levels an appeal held at `current` may be dispatched to: any rung below it, and departments from the subdistrict. */
export function dispatchLevels(current: AppealLevel): AppealLevel[] {
  const rank = APPEAL_LEVELS.indexOf(current);
  const below = APPEAL_LEVELS.filter((l, i) => l !== 'department' && i < rank);
  return current === 'subdistrict' ? [...below, 'department'] : below;
}

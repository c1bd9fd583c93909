import { scopesFor } from '@shuren/core';
import type { Actor } from '../../shared/actor.js';
import type { CategoryRow } from './appeals.repository.js';

/**
 * The category tree is one for the whole product: editing it is for whoever holds `appeal_category.manage`
 * (subdistrict admins, granted at the subdistrict node). Deny by default.
 */
export function canManageCategories(actor: Actor): boolean {
  return scopesFor(actor.grants, 'appeal_category.manage').length > 0;
}

/** Where the change is filed in the audit trail: the admin's own subdistrict, so its auditors see it. */
export function categoryAuditPath(actor: Actor): string | null {
  return scopesFor(actor.grants, 'appeal_category.manage')[0] ?? null;
}

/** What the caller may do to the category now (the console shows exactly these buttons). */
export function categoryActions(actor: Actor, row: CategoryRow, parent: CategoryRow | undefined): string[] {
  if (!canManageCategories(actor)) return [];
  if (!row.active) return parent && !parent.active ? [] : ['activate'];
  return ['edit', 'deactivate', ...(row.parentCode === null ? ['add_child'] : [])];
}

export function categoryListActions(actor: Actor): string[] {
  return canManageCategories(actor) ? ['create'] : [];
}

import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../shared/errors.js';
import { isAllowed } from '../../shared/scope.js';

type HouseholdScope = { id: string; regionPath: string };

/**
 * household.read over the household's grid (a 楼长 holds it over their building only, a worker over their
 * community), or membership: a resident reads their own household. Deny otherwise.
 */
export function canReadHousehold(actor: Actor, h: HouseholdScope): boolean {
  return actor.householdId === h.id || isAllowed(actor, 'household.read', h.regionPath);
}

export function requireReadHousehold(actor: Actor, h: HouseholdScope): void {
  if (!canReadHousehold(actor, h)) throw new AppError('forbidden');
}

export function householdActions(actor: Actor, h: HouseholdScope): string[] {
  return isAllowed(actor, 'household.manage', h.regionPath) ? ['edit', 'addMember', 'removeMember'] : [];
}

import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../shared/errors.js';
import { isAllowed } from '../../shared/scope.js';

type OrgScope = { regionPath: string; dissolvedOn: string | null };

/**
 * Organisations are read with org.read and kept with org.manage over their home region's subtree; nothing
 * else grants anything (deny by default). A dissolved organisation is a closed record: it can still be
 * corrected, but takes no new members and cannot be dissolved again.
 */
export function canReadOrg(actor: Actor, org: Pick<OrgScope, 'regionPath'>): boolean {
  return isAllowed(actor, 'org.read', org.regionPath);
}

export function requireReadOrg(actor: Actor, org: Pick<OrgScope, 'regionPath'>): void {
  if (!canReadOrg(actor, org)) throw new AppError('forbidden');
}

export function canManageOrg(actor: Actor, org: Pick<OrgScope, 'regionPath'>): boolean {
  return isAllowed(actor, 'org.manage', org.regionPath);
}

export function requireManageOrg(actor: Actor, org: Pick<OrgScope, 'regionPath'>): void {
  if (!canManageOrg(actor, org)) throw new AppError('forbidden');
}

export function orgActions(actor: Actor, org: OrgScope): string[] {
  if (!canManageOrg(actor, org)) return [];
  return org.dissolvedOn ? ['update'] : ['update', 'dissolve', 'addMember'];
}

export function memberActions(actor: Actor, org: OrgScope, member: { leftOn: string | null }): string[] {
  return canManageOrg(actor, org) && !member.leftOn ? ['leave'] : [];
}

/** Adding someone to an organisation discloses them to its keepers: the caller must be able to read that person. */
export function requireReadPerson(actor: Actor, person: { id: string; homePath: string }): void {
  if (actor.personId !== person.id && !isAllowed(actor, 'person.read', person.homePath)) throw new AppError('forbidden');
}

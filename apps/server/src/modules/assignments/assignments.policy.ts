import type { Role } from '@shuren/core';
import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../shared/errors.js';
import { isAllowed } from '../../shared/scope.js';
import { SUBDISTRICT_ROLES } from './assignment-rules.js';

/** Assignments are part of the people registry: whoever may read people over a region sees the roles held there. */
export function canReadAssignment(actor: Actor, a: { regionPath: string; personId: string }): boolean {
  return actor.personId === a.personId || isAllowed(actor, 'person.read', a.regionPath);
}

/**
 * Assigning or ending a role needs assignment.manage over the role's region node; roles with subdistrict-wide
 * powers (admin, staff, auditor) also need account.manage, so a community cannot mint subdistrict staff.
 */
export function canManageAssignment(actor: Actor, a: { regionPath: string; role: string }): boolean {
  if (!isAllowed(actor, 'assignment.manage', a.regionPath)) return false;
  return !SUBDISTRICT_ROLES.includes(a.role as Role) || isAllowed(actor, 'account.manage', a.regionPath);
}

export function requireManageAssignment(actor: Actor, a: { regionPath: string; role: string }): void {
  if (!canManageAssignment(actor, a)) throw new AppError('forbidden');
}

export function assignmentActions(actor: Actor, a: { regionPath: string; role: string; endDate: string | null }, today: string): string[] {
  // An end date that has arrived fixes the assignment; a later planned end may still be brought forward.
  const ended = a.endDate !== null && a.endDate <= today;
  return !ended && canManageAssignment(actor, a) ? ['end'] : [];
}

import { allowedCommands, appealActorRoles, appealScopes, hasAppealCapability, type AppealActor, type AppealActorRole, type AppealCommandName } from '@shuren/core';
import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../shared/errors.js';
import type { AppealRow, CategoryRow } from './appeals.repository.js';
import { machineEnv, stateOf } from './appeals.setup.js';
import { communityPrefix } from './appeals.routing.js';

/** Is the person the reporter, or the resident it was reported for? */
export function isReporter(actor: Actor, row: Pick<AppealRow, 'reporterPersonId' | 'onBehalfOfPersonId'>): boolean {
  return row.reporterPersonId === actor.personId || row.onBehalfOfPersonId === actor.personId;
}

/** The parts this person plays toward the appeal, for the machine. */
export function actorRoles(actor: Actor, row: AppealRow): AppealActorRole[] {
  return appealActorRoles(actor.assignments, { unitPath: row.unitPath, placePath: row.regionPath }, isReporter(actor, row));
}

export function machineActor(actor: Actor, row: AppealRow): AppealActor {
  return { id: actor.personId, roles: actorRoles(actor, row) };
}

/** Staff may read an appeal placed in, or sitting with a unit in, their area. */
export function canReadAsStaff(actor: Actor, row: Pick<AppealRow, 'regionPath' | 'unitPath'>): boolean {
  return hasAppealCapability(actor.assignments, 'read', row.regionPath) || hasAppealCapability(actor.assignments, 'read', row.unitPath);
}

export function requireStaffRead(actor: Actor, row: AppealRow): void {
  // Not found rather than forbidden: an appeal outside the caller's area does not exist for them.
  if (!canReadAsStaff(actor, row)) throw new AppError('not_found');
}

/** Residents can +1 open appeals in their own community; staff anything they can read. */
export function canFollow(actor: Actor, row: AppealRow): boolean {
  if (!['submitted', 'accepted', 'returned', 'dispatched', 'in_progress', 'handled', 'verified'].includes(row.status)) return false;
  if (isReporter(actor, row)) return false;
  if (canReadAsStaff(actor, row)) return true;
  const own = communityPrefix(actor.homePath);
  return own !== null && row.regionPath.startsWith(own);
}

/** What this caller may do to the appeal now (sent as `allowedActions`). */
export function appealActions(actor: Actor, row: AppealRow, category: Pick<CategoryRow, 'sla'>, now: Date, opts: { following?: boolean } = {}): string[] {
  const actions: string[] = allowedCommands(stateOf(row), machineActor(actor, row), now.getTime(), machineEnv(category));
  if (!opts.following && canFollow(actor, row)) actions.push('follow');
  return actions;
}

/** Intake scopes: where this person may log a report for someone else (hotline, reception day). */
export function intakeScopes(actor: Actor): string[] {
  return appealScopes(actor.assignments, 'intake');
}

/** Queue scopes: where this person dispatches or handles. */
export function queueScopes(actor: Actor): string[] {
  const all = [...appealScopes(actor.assignments, 'dispatch'), ...appealScopes(actor.assignments, 'handle')].sort((a, b) => a.length - b.length);
  const roots: string[] = [];
  for (const p of all) if (!roots.some((r) => p.startsWith(r))) roots.push(p);
  return roots;
}

export function readScopes(actor: Actor): string[] {
  return appealScopes(actor.assignments, 'read');
}

export type { AppealCommandName };

import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../shared/errors.js';
import { isAllowed } from '../../shared/scope.js';
import { HEAD_ROLES } from './reception.repository.js';

/** The actor holds a 楼长/巷长/街长 assignment in force today over exactly this node. */
export function headsRegion(actor: Actor, regionId: string): boolean {
  return actor.assignments.some((a) => a.regionId === regionId && (HEAD_ROLES as readonly string[]).includes(a.role));
}

/**
 * Who may read a grid's reception days: anyone who may read the region, and residents of the grid (the node
 * lies on the path of their home: residents need to know when their 楼长 receives). Everyone else: no.
 */
export function canReadSchedule(actor: Actor, region: { path: string }): boolean {
  return isAllowed(actor, 'region.read', region.path) || actor.homePath.startsWith(region.path);
}

/** Scheduling, ending or cancelling: the head of that node themselves, or staff who manage assignments over it. */
export function canManageSchedule(actor: Actor, region: { id: string; path: string }): boolean {
  return headsRegion(actor, region.id) || isAllowed(actor, 'assignment.manage', region.path);
}

export function requireManageSchedule(actor: Actor, region: { id: string; path: string }): void {
  if (!canManageSchedule(actor, region)) throw new AppError('forbidden');
}

/**
 * A head manages slots they hold over their own node; staff with assignment.manage manage every slot there.
 * (A 楼长 does not end a co-楼长's slot.)
 */
export function canManageSlot(actor: Actor, slot: { regionId: string; regionPath: string; holderPersonId: string }): boolean {
  if (isAllowed(actor, 'assignment.manage', slot.regionPath)) return true;
  return slot.holderPersonId === actor.personId && headsRegion(actor, slot.regionId);
}

export function slotActions(actor: Actor, slot: { regionId: string; regionPath: string; holderPersonId: string; endedAt: Date | null }): string[] {
  if (slot.endedAt !== null || !canManageSlot(actor, slot)) return [];
  return ['end', 'cancelSession'];
}

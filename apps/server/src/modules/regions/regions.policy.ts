import type { Actor } from '../../shared/actor.js';
import { isAllowed } from '../../shared/scope.js';
import type { RegionRow } from './regions.repository.js';

/** What the actor may do to a region node now (sent with the node as `allowedActions`). */
export function regionActions(actor: Actor, region: Pick<RegionRow, 'path' | 'level' | 'parentId'>): string[] {
  const actions: string[] = [];
  if (!isAllowed(actor, 'region.manage', region.path)) return actions;
  actions.push('rename');
  if (region.level !== 'grid3') actions.push('createChild');
  // Moving needs manage rights over the node's current parent too; the root never moves.
  if (region.parentId) actions.push('move');
  return actions;
}

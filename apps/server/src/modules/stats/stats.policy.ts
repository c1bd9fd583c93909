import type { Actor } from '../../shared/actor.js';
import { requireAllowed } from '../../shared/scope.js';

/**
 * Figures of a region are readable by whoever holds stats.read over it: the subdistrict everywhere, a
 * community worker in their community, a 楼长 for their building only. Residents hold no stats.read.
 */
export function authorizeStatsRead(actor: Actor, regionPath: string): void {
  requireAllowed(actor, 'stats.read', regionPath);
}

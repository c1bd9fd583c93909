import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../shared/errors.js';
import { isAllowed } from '../../shared/scope.js';

type VenueScope = { regionPath: string };

/**
 * Venues are read with venue.read and kept with venue.manage over their region's subtree (deny by default).
 * Residents hold neither: they see the venues near home only through GET /me/nearby.
 */
export function requireReadVenue(actor: Actor, venue: VenueScope): void {
  if (!isAllowed(actor, 'venue.read', venue.regionPath)) throw new AppError('forbidden');
}

export function canManageVenue(actor: Actor, venue: VenueScope): boolean {
  return isAllowed(actor, 'venue.manage', venue.regionPath);
}

export function requireManageVenue(actor: Actor, venue: VenueScope): void {
  if (!canManageVenue(actor, venue)) throw new AppError('forbidden');
}

export function venueActions(actor: Actor, venue: VenueScope): string[] {
  return canManageVenue(actor, venue) ? ['update', 'setOpeningHours', 'addRoom'] : [];
}

export function roomActions(actor: Actor, venue: VenueScope): string[] {
  return canManageVenue(actor, venue) ? ['update'] : [];
}

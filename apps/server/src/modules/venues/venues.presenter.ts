import { ORG_KIND_LABELS, VENUE_KIND_LABELS, isOpenAt, sortOpeningHours, type OrgKind, type Venue, type VenueDetail, type VenueKind, type VenueRoom } from '@shuren/core';
import type { Actor } from '../../shared/actor.js';
import { roomActions, venueActions } from './venues.policy.js';
import type { RoomRow, VenueListRow } from './venues.repository.js';

/** `now` is the app clock's reading for this request; openNow is worked out on the Asia/Shanghai clock. */
export function presentVenue(row: VenueListRow, actor: Actor, now: Date): Venue {
  const kind = row.kind as VenueKind;
  const hours = sortOpeningHours(row.openingHours ?? []).map((h) => ({ weekday: h.weekday, opens: h.opens, closes: h.closes }));
  return {
    id: row.id,
    kind,
    kindLabel: VENUE_KIND_LABELS[kind] ?? { zh: row.kind, en: row.kind },
    name: row.name,
    regionId: row.regionId,
    regionName: row.regionName,
    address: row.address,
    phone: row.phone,
    openingHours: hours,
    openNow: isOpenAt(hours, now),
    roomCount: Number(row.roomCount),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    allowedActions: venueActions(actor, row),
  };
}

export function presentRoom(room: RoomRow, venue: VenueListRow, actor: Actor): VenueRoom {
  return {
    id: room.id,
    venueId: room.venueId,
    name: room.name,
    capacity: room.capacity,
    description: room.description,
    createdAt: room.createdAt.toISOString(),
    allowedActions: roomActions(actor, venue),
  };
}

export function presentVenueDetail(row: VenueListRow, rooms: RoomRow[], actor: Actor, now: Date): VenueDetail {
  return { ...presentVenue(row, actor, now), rooms: rooms.filter((r) => r.venueId === row.id).map((r) => presentRoom(r, row, actor)) };
}

export function presentNearbyOrg(o: { id: string; kind: string; name: string; memberCount: number }) {
  const kind = o.kind as OrgKind;
  return { id: o.id, kind, kindLabel: ORG_KIND_LABELS[kind] ?? { zh: o.kind, en: o.kind }, name: o.name, memberCount: o.memberCount };
}

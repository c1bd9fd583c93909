import { and, asc, eq, getTableColumns, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { OpeningHours } from '@shuren/core';
import type { DbOrTx } from '../../db/client.js';
import { organisations, regions, venueRooms, venues } from '../../db/schema/index.js';
import { afterCursor, likeContains, subtreeOf } from '../../shared/paging.js';

export type VenueRow = Omit<typeof venues.$inferSelect, 'openingHours'> & { openingHours: OpeningHours[] };
export type VenueListRow = VenueRow & { regionName: string; roomCount: number };
export type RoomRow = typeof venueRooms.$inferSelect;

// Qualified by hand: Drizzle leaves columns unqualified in single-table selects, which would bind to the subquery's table.
const roomCount = sql<number>`(select count(*)::int from venue_rooms r where r.venue_id = venues.id)`;
const listColumns = { ...getTableColumns(venues), regionName: regions.name, roomCount };

/** jsonb comes back as parsed JSON; the column is only ever written from validated opening hours. */
const typed = <T extends { openingHours: unknown }>(row: T) => row as T & { openingHours: OpeningHours[] };

export async function findVenueById(db: DbOrTx, id: string): Promise<VenueListRow | undefined> {
  const [row] = await db.select(listColumns).from(venues).innerJoin(regions, eq(regions.id, venues.regionId)).where(eq(venues.id, id)).limit(1);
  return row && typed(row);
}

/** Locks the venue row so changes to one venue (hours, rooms) run one at a time. */
export async function lockVenue(db: DbOrTx, id: string): Promise<VenueRow | undefined> {
  const [row] = await db.select().from(venues).where(eq(venues.id, id)).for('update').limit(1);
  return row && typed(row);
}

export interface VenueFilter {
  scopes: string[];
  kind?: string;
  q?: string;
  cursor?: string;
  limit: number;
}

export async function listVenues(db: DbOrTx, f: VenueFilter): Promise<VenueListRow[]> {
  const where: (SQL | undefined)[] = [subtreeOf(venues.regionPath, f.scopes)];
  if (f.kind) where.push(eq(venues.kind, f.kind));
  if (f.q) where.push(or(ilike(venues.name, likeContains(f.q)), ilike(venues.address, likeContains(f.q))));
  where.push(afterCursor(f.cursor, venues.id));
  const rows = await db
    .select(listColumns)
    .from(venues)
    .innerJoin(regions, eq(regions.id, venues.regionId))
    .where(and(...where))
    .orderBy(asc(venues.id))
    .limit(f.limit + 1);
  return rows.map(typed);
}

export async function insertVenue(db: DbOrTx, row: typeof venues.$inferInsert): Promise<VenueRow> {
  const [created] = await db.insert(venues).values(row).returning();
  return typed(created);
}

export async function updateVenue(db: DbOrTx, id: string, set: Partial<typeof venues.$inferInsert>): Promise<VenueRow> {
  const [row] = await db.update(venues).set(set).where(eq(venues.id, id)).returning();
  return typed(row);
}

export async function listRooms(db: DbOrTx, venueIds: string[]): Promise<RoomRow[]> {
  if (venueIds.length === 0) return [];
  return db.select().from(venueRooms).where(inArray(venueRooms.venueId, venueIds)).orderBy(asc(venueRooms.id));
}

export async function findRoom(db: DbOrTx, venueId: string, roomId: string): Promise<RoomRow | undefined> {
  const [row] = await db.select().from(venueRooms).where(and(eq(venueRooms.id, roomId), eq(venueRooms.venueId, venueId))).limit(1);
  return row;
}

export async function findRoomByName(db: DbOrTx, venueId: string, name: string): Promise<RoomRow | undefined> {
  const [row] = await db.select().from(venueRooms).where(and(eq(venueRooms.venueId, venueId), eq(venueRooms.name, name))).limit(1);
  return row;
}

export async function insertRoom(db: DbOrTx, row: typeof venueRooms.$inferInsert): Promise<RoomRow> {
  const [created] = await db.insert(venueRooms).values(row).returning();
  return created;
}

export async function updateRoom(db: DbOrTx, id: string, set: Partial<typeof venueRooms.$inferInsert>): Promise<RoomRow> {
  const [row] = await db.update(venueRooms).set(set).where(eq(venueRooms.id, id)).returning();
  return row;
}

/** One region by id (the regions module's lookup). */
export { findRegionById as findRegion } from '../regions/regions.repository.js';

export async function countByKind(db: DbOrTx, path: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ kind: venues.kind, n: sql<number>`count(*)::int` })
    .from(venues)
    .where(sql`${venues.regionPath} like ${path + '%'}`)
    .groupBy(venues.kind);
  return new Map(rows.map((r) => [r.kind, Number(r.n)]));
}

/** Venues of a community's subtree plus those held at the subdistrict node itself (the service centre). */
export async function listNearbyVenues(db: DbOrTx, subdistrictPath: string, communityPath: string | null, limit: number): Promise<VenueListRow[]> {
  const near = communityPath ? or(eq(venues.regionPath, subdistrictPath), sql`${venues.regionPath} like ${communityPath + '%'}`) : eq(venues.regionPath, subdistrictPath);
  const rows = await db
    .select(listColumns)
    .from(venues)
    .innerJoin(regions, eq(regions.id, venues.regionId))
    .where(near)
    .orderBy(sql`length(${venues.regionPath})`, asc(venues.kind), asc(venues.name), asc(venues.id))
    .limit(limit);
  return rows.map(typed);
}

/** Current organisations of a community: names, kinds and head counts only, never members. */
export async function listNearbyOrganisations(db: DbOrTx, communityPath: string, limit: number) {
  const rows = await db
    .select({
      id: organisations.id,
      kind: organisations.kind,
      name: organisations.name,
      memberCount: sql<number>`(select count(*)::int from organisation_members m where m.organisation_id = organisations.id and m.left_on is null)`,
    })
    .from(organisations)
    .where(and(sql`${organisations.regionPath} like ${communityPath + '%'}`, isNull(organisations.dissolvedOn)))
    .orderBy(asc(organisations.kind), asc(organisations.name), asc(organisations.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, memberCount: Number(r.memberCount) }));
}

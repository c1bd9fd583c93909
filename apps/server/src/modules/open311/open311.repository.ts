import { and, asc, desc, eq, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { TERMINAL_STATUSES } from '@shuren/core';
import type { DbOrTx } from '../../db/client.js';
import { appealCategories, appealEvents, appeals, households, open311Clients, open311Requests, people, regions } from '../../db/schema/index.js';
import { subtreeOf } from '../../shared/paging.js';

export type ClientRow = typeof open311Clients.$inferSelect;
export type RequestRow = typeof open311Requests.$inferSelect;
export type AppealRow = typeof appeals.$inferSelect;
export type CategoryRow = typeof appealCategories.$inferSelect;
export type RegionRow = typeof regions.$inferSelect;
export type EventRow = typeof appealEvents.$inferSelect;

export async function insertPerson(db: DbOrTx, row: typeof people.$inferInsert): Promise<void> {
  await db.insert(people).values(row);
}

export async function insertClient(db: DbOrTx, row: typeof open311Clients.$inferInsert): Promise<ClientRow> {
  const [created] = await db.insert(open311Clients).values(row).returning();
  return created;
}

export async function updateClient(db: DbOrTx, id: string, set: Partial<typeof open311Clients.$inferInsert>): Promise<ClientRow> {
  const [row] = await db.update(open311Clients).set(set).where(eq(open311Clients.id, id)).returning();
  return row;
}

export async function findClient(db: DbOrTx, id: string): Promise<ClientRow | undefined> {
  const [row] = await db.select().from(open311Clients).where(eq(open311Clients.id, id)).limit(1);
  return row;
}

export async function lockClient(db: DbOrTx, id: string): Promise<ClientRow | undefined> {
  const [row] = await db.select().from(open311Clients).where(eq(open311Clients.id, id)).for('update').limit(1);
  return row;
}

/** The active client holding a key (by its hash); revoked keys find nothing. */
export async function findActiveClientByKeyHash(db: DbOrTx, keyHash: string): Promise<ClientRow | undefined> {
  const [row] = await db.select().from(open311Clients).where(and(eq(open311Clients.keyHash, keyHash), isNull(open311Clients.revokedAt))).limit(1);
  return row;
}

/** Clients whose region lies in the given subtrees, newest first (keyset on id). */
export async function listClients(db: DbOrTx, scopes: string[], cursor: string | undefined, limit: number): Promise<ClientRow[]> {
  const where: (SQL | undefined)[] = [subtreeOf(open311Clients.regionPath, scopes)];
  if (cursor) where.push(lt(open311Clients.id, cursor));
  return db.select().from(open311Clients).where(and(...where)).orderBy(desc(open311Clients.id)).limit(limit + 1);
}

/** One region by id (the regions module's lookup). */
export { findRegionById as findRegion } from '../regions/regions.repository.js';

export async function findRegionByCode(db: DbOrTx, code: string): Promise<RegionRow | undefined> {
  const [row] = await db.select().from(regions).where(eq(regions.code, code)).limit(1);
  return row;
}

/** A region inside a subtree whose exact name is the given text (an address_string naming a building or compound). */
export async function findRegionsByName(db: DbOrTx, name: string, prefix: string): Promise<RegionRow[]> {
  return db
    .select()
    .from(regions)
    .where(and(eq(regions.name, name), sql`${regions.path} like ${prefix + '%'}`))
    .limit(2);
}

/**
 * The building or lane (else any node) with a point nearest to `point` inside the subtree, within `metres`: where a
 * bare lat/long lands. A box on lat/lng narrows the candidates; the tree has a few thousand nodes.
 */
export async function nearestPlaceWithPoint(db: DbOrTx, prefix: string, point: { lat: number; lng: number }, box: { latMin: number; latMax: number; lngMin: number; lngMax: number }): Promise<RegionRow | undefined> {
  const [row] = await db
    .select()
    .from(regions)
    .where(and(sql`${regions.path} like ${prefix + '%'}`, sql`${regions.lat} between ${box.latMin} and ${box.latMax}`, sql`${regions.lng} between ${box.lngMin} and ${box.lngMax}`))
    .orderBy(sql`case when ${regions.level} = 'grid3' then 0 else 1 end`, sql`power(${regions.lat} - ${point.lat}, 2) + power((${regions.lng} - ${point.lng}) * cos(radians(${point.lat})), 2)`)
    .limit(1);
  return row;
}

export async function subdistricts(db: DbOrTx): Promise<RegionRow[]> {
  return db.select().from(regions).where(eq(regions.level, 'subdistrict')).orderBy(asc(regions.code));
}

export async function regionsByIds(db: DbOrTx, ids: string[]): Promise<Map<string, RegionRow>> {
  const unique = [...new Set(ids.filter(Boolean))];
  if (unique.length === 0) return new Map();
  const rows = await db.select().from(regions).where(inArray(regions.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function findHousehold(db: DbOrTx, id: string) {
  const [row] = await db.select({ id: households.id, regionId: households.regionId, regionPath: households.regionPath }).from(households).where(eq(households.id, id)).limit(1);
  return row;
}

/** Every category, including retired ones (old requests still name them). */
export async function allCategories(db: DbOrTx): Promise<CategoryRow[]> {
  return db.select().from(appealCategories).orderBy(asc(appealCategories.sortOrder), asc(appealCategories.code));
}

/** The newest change to the service list or definitions: the discovery changeset. */
export async function categoriesChangedAt(db: DbOrTx): Promise<Date | null> {
  const [r] = await db.select({ at: sql<string | null>`max(${appealCategories.updatedAt})` }).from(appealCategories);
  return r?.at ? new Date(r.at) : null;
}

export async function insertRequest(db: DbOrTx, row: typeof open311Requests.$inferInsert): Promise<void> {
  await db.insert(open311Requests).values(row);
}

export async function findRequestByToken(db: DbOrTx, token: string): Promise<{ request: RequestRow; trackingCode: string } | undefined> {
  const [row] = await db
    .select({ request: open311Requests, trackingCode: appeals.trackingCode })
    .from(open311Requests)
    .innerJoin(appeals, eq(appeals.id, open311Requests.appealId))
    .where(eq(open311Requests.token, token))
    .limit(1);
  return row;
}

/** Who may be read: one client's own submissions, or everything placed in a region subtree. */
export type ReadScope = { clientId: string } | { regionPath: string };

export interface RequestFilter {
  scope: ReadScope;
  /** Tracking codes; when given, the other filters are ignored (the spec: "this overrides all other arguments"). */
  ids?: string[];
  serviceCodes?: string[];
  from?: Date;
  to?: Date;
  statuses?: ('open' | 'closed')[];
  limit: number;
  offset: number;
}

export interface RequestRecord {
  appeal: AppealRow;
  o311: RequestRow | null;
}

const CLOSED = sql`(${sql.join(
  TERMINAL_STATUSES.map((s) => sql`${s}`),
  sql`, `,
)})`;

/** A page of appeals (with what Open311 carried, if anything), newest first. */
export async function listRequests(db: DbOrTx, f: RequestFilter): Promise<RequestRecord[]> {
  const where: (SQL | undefined)[] = ['clientId' in f.scope ? eq(open311Requests.clientId, f.scope.clientId) : sql`${appeals.regionPath} like ${f.scope.regionPath + '%'}`];
  if (f.ids) where.push(inArray(appeals.trackingCode, f.ids));
  else {
    if (f.serviceCodes?.length) where.push(inArray(appeals.categoryCode, f.serviceCodes));
    if (f.from) where.push(gte(appeals.submittedAt, f.from));
    if (f.to) where.push(sql`${appeals.submittedAt} <= ${f.to.toISOString()}::timestamptz`);
    if (f.statuses?.length === 1) where.push(f.statuses[0] === 'closed' ? sql`${appeals.status} in ${CLOSED}` : sql`${appeals.status} not in ${CLOSED}`);
  }
  const base = db.select({ appeal: appeals, o311: open311Requests }).from(appeals);
  const joined = 'clientId' in f.scope ? base.innerJoin(open311Requests, eq(open311Requests.appealId, appeals.id)) : base.leftJoin(open311Requests, eq(open311Requests.appealId, appeals.id));
  return joined
    .where(and(...where))
    .orderBy(desc(appeals.submittedAt), desc(appeals.id))
    .limit(f.limit)
    .offset(f.offset);
}

/** The public timelines of several appeals in one query, grouped by appeal. */
export async function eventsOf(db: DbOrTx, appealIds: string[]): Promise<Map<string, EventRow[]>> {
  const out = new Map<string, EventRow[]>();
  if (appealIds.length === 0) return out;
  const rows = await db.select().from(appealEvents).where(inArray(appealEvents.appealId, appealIds)).orderBy(asc(appealEvents.appealId), asc(appealEvents.seq));
  for (const r of rows) {
    const list = out.get(r.appealId) ?? [];
    list.push(r);
    out.set(r.appealId, list);
  }
  return out;
}

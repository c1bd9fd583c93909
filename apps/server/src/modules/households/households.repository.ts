import { and, asc, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { households, people, regions, roleAssignments } from '../../db/schema/index.js';
import { afterCursor, likeContains, subtreeOf } from '../../shared/paging.js';
import { firstByRegionNodeSql, readsNodeByNode } from '../../shared/region-nodes.js';

export type HouseholdRow = typeof households.$inferSelect;
export type HouseholdView = HouseholdRow & { regionName: string; memberCount: number };

const viewColumns = {
  h: households,
  regionName: regions.name,
  memberCount: sql<number>`(select count(*)::int from ${people} m where m.household_id = ${households.id})`,
};
const flat = (r: { h: HouseholdRow; regionName: string; memberCount: number }): HouseholdView => ({ ...r.h, regionName: r.regionName, memberCount: Number(r.memberCount) });

export async function findHousehold(db: DbOrTx, id: string): Promise<HouseholdView | undefined> {
  const [row] = await db.select(viewColumns).from(households).innerJoin(regions, eq(regions.id, households.regionId)).where(eq(households.id, id)).limit(1);
  return row ? flat(row) : undefined;
}

/** Locks the household: member changes and edits of one household serialise on it. */
export async function findHouseholdForUpdate(db: DbOrTx, id: string): Promise<HouseholdRow | undefined> {
  const [row] = await db.select().from(households).where(eq(households.id, id)).for('update').limit(1);
  return row;
}

export async function roomTaken(db: DbOrTx, regionId: string, room: string, exceptId?: string): Promise<boolean> {
  const where = [eq(households.regionId, regionId), eq(households.room, room)];
  if (exceptId) where.push(ne(households.id, exceptId));
  const [row] = await db.select({ id: households.id }).from(households).where(and(...where)).limit(1);
  return Boolean(row);
}

export async function insertHousehold(db: DbOrTx, row: typeof households.$inferInsert): Promise<void> {
  await db.insert(households).values(row);
}

export async function updateHousehold(db: DbOrTx, id: string, patch: Partial<typeof households.$inferInsert>): Promise<HouseholdRow> {
  const [row] = await db.update(households).set(patch).where(eq(households.id, id)).returning();
  return row;
}

export interface HouseholdFilter {
  scopes: string[];
  q?: string;
  cursor?: string;
  limit: number;
}

/**
 * In id order. A community's page (or a smaller area's) is found building by building in one statement
 * (shared/region-nodes.ts): a building holds at most a few hundred households, so however the planner reads one, it
 * stays small — unlike the plain query, which for a community late in id order walked the whole id index (61 ms
 * at 250,000 households).
 */
export async function listHouseholds(db: DbOrTx, f: HouseholdFilter): Promise<HouseholdView[]> {
  const conditions: (SQL | undefined)[] = [];
  if (f.q) conditions.push(or(ilike(households.address, likeContains(f.q)), ilike(households.room, likeContains(f.q))));
  conditions.push(afterCursor(f.cursor, households.id));
  const page = { table: households, path: households.regionPath, scopes: f.scopes, where: conditions, order: [households.id], select: sql`${households.id}`, limit: f.limit + 1 };
  const where = readsNodeByNode(f.scopes) ? [sql`${households.id} in (${firstByRegionNodeSql(page)})`] : [subtreeOf(households.regionPath, f.scopes), ...conditions];
  const rows = await db
    .select(viewColumns)
    .from(households)
    .innerJoin(regions, eq(regions.id, households.regionId))
    .where(and(...where))
    .orderBy(asc(households.id))
    .limit(f.limit + 1);
  return rows.map(flat);
}

export async function listMembers(db: DbOrTx, householdId: string) {
  return db
    .select({ id: people.id, name: people.name, phone: people.phone, relation: people.householdRelation })
    .from(people)
    .where(eq(people.householdId, householdId))
    .orderBy(asc(people.id));
}

export async function headOf(db: DbOrTx, householdId: string): Promise<string | undefined> {
  const [row] = await db.select({ id: people.id }).from(people).where(and(eq(people.householdId, householdId), eq(people.householdRelation, 'head'))).limit(1);
  return row?.id;
}

export async function regionsByIds(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: regions.id, level: regions.level, kind: regions.kind, name: regions.name, code: regions.code, path: regions.path }).from(regions).where(inArray(regions.id, ids));
}

/** Active assignments of the given roles held over any of the given region nodes, with the holder's contact. */
export async function servingPeople(db: DbOrTx, regionIds: string[], roles: readonly string[], today: string) {
  if (regionIds.length === 0) return [];
  return db
    .select({ personId: people.id, name: people.name, phone: people.phone, role: roleAssignments.role, regionId: regions.id, regionName: regions.name, regionPath: regions.path })
    .from(roleAssignments)
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .innerJoin(regions, eq(regions.id, roleAssignments.regionId))
    .where(
      and(
        inArray(roleAssignments.regionId, regionIds),
        inArray(roleAssignments.role, [...roles]),
        sql`${roleAssignments.startDate} <= ${today}`,
        sql`(${roleAssignments.endDate} is null or ${roleAssignments.endDate} >= ${today})`,
      ),
    )
    .orderBy(asc(people.name), asc(people.id));
}

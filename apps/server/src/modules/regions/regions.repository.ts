import { and, asc, eq, getTableColumns, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { regionHistory, regions } from '../../db/schema/index.js';
import { afterCursor, likeContains, subtreeOf } from '../../shared/paging.js';

export type RegionRow = typeof regions.$inferSelect;

export async function findRegionById(db: DbOrTx, id: string): Promise<RegionRow | undefined> {
  const [row] = await db.select().from(regions).where(eq(regions.id, id)).limit(1);
  return row;
}

export async function findRegionByCode(db: DbOrTx, code: string): Promise<RegionRow | undefined> {
  const [row] = await db.select().from(regions).where(eq(regions.code, code)).limit(1);
  return row;
}

export async function findRegionForUpdate(db: DbOrTx, id: string): Promise<RegionRow | undefined> {
  const [row] = await db.select().from(regions).where(eq(regions.id, id)).for('update').limit(1);
  return row;
}

export interface RegionFilter {
  scopes: string[];
  parentId?: string;
  level?: string;
  kind?: string;
  q?: string;
  cursor?: string;
  limit: number;
}

export async function listRegions(db: DbOrTx, f: RegionFilter): Promise<(RegionRow & { childCount: number })[]> {
  const where: (SQL | undefined)[] = [subtreeOf(regions.path, f.scopes)];
  if (f.parentId) where.push(eq(regions.parentId, f.parentId));
  if (f.level) where.push(eq(regions.level, f.level));
  if (f.kind) where.push(eq(regions.kind, f.kind));
  if (f.q) where.push(or(ilike(regions.name, likeContains(f.q)), ilike(regions.code, likeContains(f.q))));
  where.push(afterCursor(f.cursor, regions.id));
  return db
    .select({
      ...getTableColumns(regions),
      // Qualified by hand: drizzle leaves columns unqualified in single-table selects, which the subquery would capture.
      childCount: sql<number>`(select count(*)::int from regions c where c.parent_id = "regions"."id")`,
    })
    .from(regions)
    .where(and(...where))
    .orderBy(asc(regions.id))
    .limit(f.limit + 1);
}

export async function insertRegion(db: DbOrTx, row: typeof regions.$inferInsert): Promise<RegionRow> {
  const [created] = await db.insert(regions).values(row).returning();
  return created;
}

export async function insertHistory(db: DbOrTx, row: typeof regionHistory.$inferInsert): Promise<void> {
  await db.insert(regionHistory).values(row);
}

/** Closes the open history entry of a node (validTo = at). */
export async function closeOpenHistory(db: DbOrTx, regionId: string, at: Date): Promise<void> {
  await db.update(regionHistory).set({ validTo: at }).where(and(eq(regionHistory.regionId, regionId), sql`${regionHistory.validTo} is null`));
}

export async function listHistory(db: DbOrTx, regionId: string) {
  return db.select().from(regionHistory).where(eq(regionHistory.regionId, regionId)).orderBy(asc(regionHistory.validFrom), asc(regionHistory.id));
}

export async function renameRegion(db: DbOrTx, id: string, name: string, at: Date): Promise<RegionRow> {
  const [row] = await db.update(regions).set({ name, updatedAt: at }).where(eq(regions.id, id)).returning();
  return row;
}

/**
 * Rewrites the materialized path of a subtree and of every table that copies it (the scope keys),
 * in the caller's transaction. An appeal's place and unit paths move too, so it stays in its unit's queue and in
 * the area it now belongs to; the rollup triggers move its figures (appeal_rollups, appeal_trends) with it.
 * The timeline and the audit log keep the path as it was when they were written: they are history, append-only.
 */
export async function movePaths(db: DbOrTx, oldPrefix: string, newPrefix: string): Promise<void> {
  // One statement per table: an appeal's place and unit paths move in the same row version, so the rollup triggers
  // see one change, not two.
  const tables: [string, string[]][] = [
    ['regions', ['path']],
    ['households', ['region_path']],
    ['people', ['home_path']],
    ['role_assignments', ['region_path']],
    ['organisations', ['region_path']],
    ['venues', ['region_path']],
    ['reception_slots', ['region_path']],
    ['appeals', ['region_path', 'unit_path']],
    ['notifications', ['region_path']],
    ['appeal_photos', ['region_path']],
    ['outbound_deliveries', ['region_path']],
    ['open311_clients', ['region_path']],
    ['open311_requests', ['region_path']],
  ];
  const under = (column: string) => sql`${sql.identifier(column)} like ${oldPrefix + '%'}`;
  const moved = (column: string) => sql`${sql.identifier(column)} = case when ${under(column)} then ${newPrefix} || substr(${sql.identifier(column)}, ${oldPrefix.length + 1}) else ${sql.identifier(column)} end`;
  for (const [table, columns] of tables) {
    await db.execute(sql`update ${sql.identifier(table)} set ${sql.join(columns.map(moved), sql`, `)} where ${sql.join(columns.map(under), sql` or `)}`);
  }
}

export async function setParent(db: DbOrTx, id: string, parentId: string, at: Date): Promise<RegionRow> {
  const [row] = await db.update(regions).set({ parentId, updatedAt: at }).where(eq(regions.id, id)).returning();
  return row;
}

import { and, asc, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { TERMINAL_STATUSES } from '@shuren/core';
import type { DbOrTx } from '../../db/client.js';
import { appealCategories, appealEvents, appealFollowers, appeals, households, people, regions, roleAssignments } from '../../db/schema/index.js';
import { decodeCursor, subtreeOf } from '../../shared/paging.js';
import { rowOf } from '../../shared/raw-sql.js';
import { firstByRegionNodeSql, readsNodeByNode, withoutBitmapScans } from '../../shared/region-nodes.js';

export type AppealRow = typeof appeals.$inferSelect;
export type CategoryRow = typeof appealCategories.$inferSelect;
export type EventRow = typeof appealEvents.$inferSelect;
export type RegionRow = typeof regions.$inferSelect;

export async function findCategoryById(db: DbOrTx, id: string): Promise<CategoryRow | undefined> {
  const [row] = await db.select().from(appealCategories).where(eq(appealCategories.id, id)).limit(1);
  return row;
}

/** Categories by id (a page of appeals names a handful), active or not: one query. */
export async function categoriesByIds(db: DbOrTx, ids: string[]): Promise<Map<string, CategoryRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select().from(appealCategories).where(inArray(appealCategories.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function listCategories(db: DbOrTx): Promise<CategoryRow[]> {
  return db.select().from(appealCategories).where(eq(appealCategories.active, true)).orderBy(asc(appealCategories.sortOrder), asc(appealCategories.code));
}

export async function insertCategories(db: DbOrTx, rows: (typeof appealCategories.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(appealCategories).values(rows).onConflictDoNothing({ target: appealCategories.code });
}

/** One region by id (the regions module's lookup). */
export { findRegionById as findRegion } from '../regions/regions.repository.js';

/** The nodes on a materialized path, root first. */
export async function regionsOnPath(db: DbOrTx, path: string): Promise<RegionRow[]> {
  const ids = path.split('/').filter(Boolean);
  if (ids.length === 0) return [];
  const rows = await db.select().from(regions).where(inArray(regions.id, ids));
  return ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is RegionRow => Boolean(r));
}

export async function regionNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter(Boolean))];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: regions.id, name: regions.name }).from(regions).where(inArray(regions.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findHousehold(db: DbOrTx, id: string) {
  const [row] = await db.select().from(households).where(eq(households.id, id)).limit(1);
  return row;
}

export async function findPerson(db: DbOrTx, id: string) {
  const [row] = await db.select({ id: people.id, name: people.name, homePath: people.homePath, householdId: people.householdId }).from(people).where(eq(people.id, id)).limit(1);
  return row;
}

export async function personNames(db: DbOrTx, ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findAppeal(db: DbOrTx, id: string): Promise<AppealRow | undefined> {
  const [row] = await db.select().from(appeals).where(eq(appeals.id, id)).limit(1);
  return row;
}

/** Row lock for a command: a second writer waits here, then sees the first one's result. */
export async function lockAppeal(db: DbOrTx, id: string): Promise<AppealRow | undefined> {
  const [row] = await db.select().from(appeals).where(eq(appeals.id, id)).for('update').limit(1);
  return row;
}

export async function findAppealByCode(db: DbOrTx, code: string): Promise<AppealRow | undefined> {
  const [row] = await db.select().from(appeals).where(eq(appeals.trackingCode, code)).limit(1);
  return row;
}

export async function insertAppeal(db: DbOrTx, row: typeof appeals.$inferInsert): Promise<AppealRow> {
  const [created] = await db.insert(appeals).values(row).returning();
  return created;
}

export async function updateAppeal(db: DbOrTx, id: string, set: Partial<typeof appeals.$inferInsert>): Promise<AppealRow> {
  const [row] = await db.update(appeals).set(set).where(eq(appeals.id, id)).returning();
  return row;
}

export async function lastSeq(db: DbOrTx, appealId: string): Promise<number> {
  const [r] = await db.select({ seq: sql<number>`coalesce(max(${appealEvents.seq}), 0)::int` }).from(appealEvents).where(eq(appealEvents.appealId, appealId));
  return r?.seq ?? 0;
}

export async function insertEvents(db: DbOrTx, rows: (typeof appealEvents.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(appealEvents).values(rows);
}

export async function listEvents(db: DbOrTx, appealId: string): Promise<EventRow[]> {
  return db.select().from(appealEvents).where(eq(appealEvents.appealId, appealId)).orderBy(asc(appealEvents.seq));
}

/** Adds a follower; returns false when they already follow. */
export async function addFollower(db: DbOrTx, row: typeof appealFollowers.$inferInsert): Promise<boolean> {
  const inserted = await db.insert(appealFollowers).values(row).onConflictDoNothing().returning({ personId: appealFollowers.personId });
  return inserted.length > 0;
}

export async function followerIds(db: DbOrTx, appealId: string): Promise<string[]> {
  const rows = await db.select({ personId: appealFollowers.personId }).from(appealFollowers).where(eq(appealFollowers.appealId, appealId));
  return rows.map((r) => r.personId);
}

export async function isFollower(db: DbOrTx, appealId: string, personId: string): Promise<boolean> {
  const rows = await db.select({ p: appealFollowers.personId }).from(appealFollowers).where(and(eq(appealFollowers.appealId, appealId), eq(appealFollowers.personId, personId))).limit(1);
  return rows.length > 0;
}

export interface QueueFilter {
  /** Subtree roots matched against the unit's path (queue) or the place's path (area). */
  scopes: string[];
  view: 'queue' | 'area';
  status?: string;
  categoryCode?: string;
  overdue?: boolean;
  includeFinished?: boolean;
  now: Date;
  cursor?: string;
  limit: number;
}

/** The page's conditions other than the scope. */
function pageConditions(f: QueueFilter): (SQL | undefined)[] {
  const where: (SQL | undefined)[] = [];
  if (f.status) where.push(eq(appeals.status, f.status));
  else if (!f.includeFinished) where.push(sql`${appeals.status} not in (${sql.join(TERMINAL_STATUSES.map((s) => sql`${s}`), sql`, `)})`);
  if (f.categoryCode) where.push(eq(appeals.categoryCode, f.categoryCode));
  if (f.overdue === true) where.push(sql`${appeals.dueAt} <= ${f.now.toISOString()}::timestamptz`);
  if (f.overdue === false) where.push(sql`${appeals.dueAt} > ${f.now.toISOString()}::timestamptz`);
  if (f.cursor) {
    const [due, id] = decodeCursor(f.cursor);
    where.push(sql`(${appeals.dueAt}, ${appeals.id}) > (${String(due)}::timestamptz, ${id}::uuid)`);
  }
  return where;
}

/** A queue page: overdue first (their deadlines are the earliest), then by deadline; keyset on (due_at, id). */
export async function listQueue(db: DbOrTx, f: QueueFilter): Promise<AppealRow[]> {
  return f.view === 'queue' && readsNodeByNode(f.scopes) ? queueByUnits(db, f) : queueBySubtree(db, f);
}

/** The plain query: every matching row under the scopes, in deadline order. */
export async function queueBySubtree(db: DbOrTx, f: QueueFilter): Promise<AppealRow[]> {
  const where = [subtreeOf(f.view === 'queue' ? appeals.unitPath : appeals.regionPath, f.scopes), ...pageConditions(f)];
  return db.select().from(appeals).where(and(...where)).orderBy(asc(appeals.dueAt), asc(appeals.id)).limit(f.limit + 1);
}

/**
 * The same page as `queueBySubtree`, read unit by unit (shared/region-nodes.ts): every unit is a region node, and
 * each node's own queue is one range of `appeals_open_queue_idx (unit_path, due_at, id)` already in deadline order.
 * A community flooded with thousands of open reports (a burst of 停水 reports) still reads at most a page per unit.
 * The operations centre's scope (the whole subdistrict) keeps the plain query, which walks `appeals_open_due_idx`
 * in deadline order and stops after one page.
 */
export async function queueByUnits(db: DbOrTx, f: QueueFilter): Promise<AppealRow[]> {
  if (f.view !== 'queue') throw new Error('queueByUnits: a unit queue is read by the unit path');
  // Each node gives only keys (an index-only range); the page's rows are read whole once the page is known. Sorting
  // every node's candidates with their full rows (machine state and all) took 8 ms where this takes 3 (a flooded
  // community of 32 units: 1,632 candidates for a page of 51).
  const page = firstByRegionNodeSql({ table: appeals, path: appeals.unitPath, scopes: f.scopes, where: pageConditions(f), order: [appeals.dueAt, appeals.id], select: sql`${appeals.id}, ${appeals.dueAt}`, limit: f.limit + 1 });
  const rows = await withoutBitmapScans(db, sql`select * from ${appeals} where ${appeals.id} in (select n.id from (${page}) n) order by ${appeals.dueAt}, ${appeals.id}`);
  return rows.map((raw) => rowOf<AppealRow>(appeals, raw));
}

/**
 * The "待我处理" badge: open appeals with a unit in `scopes` whose clock runs (work is owed: not paused, not awaiting
 * the resident's check), and how many of them are overdue at `now`. Reads the open-queue index, no rows.
 */
export async function countQueue(db: DbOrTx, scopes: string[], now: Date, noDeadline: Date): Promise<{ open: number; overdue: number }> {
  const [r] = await db
    .select({
      open: sql<number>`count(*) filter (where ${appeals.dueAt} < ${noDeadline.toISOString()}::timestamptz)::int`,
      overdue: sql<number>`count(*) filter (where ${appeals.dueAt} <= ${now.toISOString()}::timestamptz)::int`,
    })
    .from(appeals)
    .where(and(subtreeOf(appeals.unitPath, scopes), sql`${appeals.status} not in (${sql.join(TERMINAL_STATUSES.map((s) => sql`${s}`), sql`, `)})`));
  return { open: Number(r?.open ?? 0), overdue: Number(r?.overdue ?? 0) };
}

/** Appeals a person reported, was reported for, or follows; newest first. */
export async function listMine(db: DbOrTx, personId: string, cursor: string | undefined, limit: number): Promise<AppealRow[]> {
  const followed = db.select({ id: appealFollowers.appealId }).from(appealFollowers).where(eq(appealFollowers.personId, personId));
  const where: (SQL | undefined)[] = [or(eq(appeals.reporterPersonId, personId), eq(appeals.onBehalfOfPersonId, personId), inArray(appeals.id, followed))];
  if (cursor) where.push(lt(appeals.id, decodeCursor(cursor)[1]));
  return db.select().from(appeals).where(and(...where)).orderBy(desc(appeals.id)).limit(limit + 1);
}

/**
 * People who act for a unit: active assignments held exactly at the region node. The caller walks
 * up the path when a node has nobody.
 */
export async function assigneesAt(db: DbOrTx, regionId: string, roles: string[], day: string): Promise<string[]> {
  const rows = await db
    .select({ personId: roleAssignments.personId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.regionId, regionId), inArray(roleAssignments.role, roles), sql`${roleAssignments.startDate} <= ${day}`, or(isNull(roleAssignments.endDate), sql`${roleAssignments.endDate} >= ${day}`)));
  return [...new Set(rows.map((r) => r.personId))];
}

const WORKING = sql`${appeals.status} in ('submitted','accepted','returned','dispatched','in_progress')`;

/**
 * The sweeper's one indexed query (appeals_due_idx): open work whose clock has run out and that this sweep
 * has not acted on. SKIP LOCKED lets several instances sweep at once without waiting on or repeating each other.
 */
export async function lockOverdue(db: DbOrTx, now: Date, limit: number): Promise<AppealRow[]> {
  return db
    .select()
    .from(appeals)
    .where(and(WORKING, sql`${appeals.dueAt} <= ${now.toISOString()}::timestamptz`, sql`${appeals.sweptDueAt} is distinct from ${appeals.dueAt}`))
    .orderBy(asc(appeals.dueAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

/** Open work whose clock runs out within the warning window and has not been warned for this deadline. */
export async function lockNearing(db: DbOrTx, now: Date, until: Date, limit: number): Promise<AppealRow[]> {
  return db
    .select()
    .from(appeals)
    .where(and(WORKING, sql`${appeals.dueAt} > ${now.toISOString()}::timestamptz`, sql`${appeals.dueAt} <= ${until.toISOString()}::timestamptz`, sql`${appeals.warnedDueAt} is distinct from ${appeals.dueAt}`))
    .orderBy(asc(appeals.dueAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

/** Closed appeals whose "is it fixed?" check is due (appeals_fixed_check_idx holds only the owed ones). */
export async function lockFixedCheckDue(db: DbOrTx, now: Date, limit: number): Promise<AppealRow[]> {
  return db
    .select()
    .from(appeals)
    .where(sql`${appeals.fixedCheckDueAt} is not null and ${appeals.fixedCheckDueAt} <= ${now.toISOString()}::timestamptz`)
    .orderBy(asc(appeals.fixedCheckDueAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

/**
 * The nodes from the root down to a region, each with the people holding one of `roles` there on `day`, in one
 * query (intake needs both: the chain to route, the staff to notify).
 */
export async function chainWithStaff(db: DbOrTx, regionId: string, roles: readonly string[], day: string): Promise<{ region: RegionRow; staff: string[] }[]> {
  const list = sql.join(roles.map((r) => sql`${r}`), sql`, `);
  const rows = await db
    .select({
      region: regions,
      staff: sql<string[] | null>`(select json_agg(distinct ra.person_id) from ${roleAssignments} ra where ra.region_id = "regions"."id" and ra.role in (${list})
        and ra.start_date <= ${day} and (ra.end_date is null or ra.end_date >= ${day}))`,
    })
    .from(regions)
    .where(sql`${regions.id} = any(string_to_array(trim(both '/' from (select r0.path from ${regions} r0 where r0.id = ${regionId})), '/')::uuid[])`);
  return rows.map((r) => ({ region: r.region, staff: r.staff ?? [] })).sort((a, b) => a.region.path.length - b.region.path.length);
}



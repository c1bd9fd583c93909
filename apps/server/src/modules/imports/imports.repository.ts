import { and, eq, gte, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { auditLog, households, people, regions, roleAssignments } from '../../db/schema/index.js';
import { subtreeOf } from '../../shared/paging.js';

export type RegionRow = typeof regions.$inferSelect;
export type PersonRow = typeof people.$inferSelect;

/** Large IN lists and multi-row inserts go in slices, well under PostgreSQL's 65 535 parameters per statement. */
const CHUNK = 500;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function inChunks<K, R>(keys: K[], query: (slice: K[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (const slice of chunks([...new Set(keys)])) out.push(...(await query(slice)));
  return out;
}

export async function findRegionsByCodes(db: DbOrTx, codes: string[]): Promise<RegionRow[]> {
  return inChunks(codes, (slice) => db.select().from(regions).where(inArray(regions.code, slice)));
}

/** People with these phones whose home lies in the given subtrees (the caller's scope). */
export async function findPeopleByPhones(db: DbOrTx, phones: string[], scopes: string[]): Promise<PersonRow[]> {
  return inChunks(phones, (slice) => db.select().from(people).where(and(inArray(people.phone, slice), subtreeOf(people.homePath, scopes))));
}

/** ID numbers are unique across the whole registry, so this looks everywhere. */
export async function findPeopleByIdNumbers(db: DbOrTx, ids: string[]): Promise<PersonRow[]> {
  return inChunks(ids, (slice) => db.select().from(people).where(inArray(people.idNumber, slice)));
}

/** Assignments of these people still open on `day` (no end date, or ending on/after it). */
export async function findOpenAssignments(db: DbOrTx, personIds: string[], day: string) {
  return inChunks(personIds, (slice) =>
    db
      .select()
      .from(roleAssignments)
      .where(and(inArray(roleAssignments.personId, slice), or(isNull(roleAssignments.endDate), gte(roleAssignments.endDate, day)) as SQL)),
  );
}

export async function findHouseholdsInRegions(db: DbOrTx, regionIds: string[], rooms: string[]) {
  if (!rooms.length) return [];
  return inChunks(regionIds, (slice) =>
    db
      .select({ id: households.id, regionId: households.regionId, room: households.room })
      .from(households)
      .where(and(inArray(households.regionId, slice), inArray(households.room, [...new Set(rooms)]))),
  );
}

export async function insertPeople(db: DbOrTx, rows: (typeof people.$inferInsert)[]): Promise<void> {
  for (const slice of chunks(rows, 200)) await db.insert(people).values(slice);
}

export async function insertAssignments(db: DbOrTx, rows: (typeof roleAssignments.$inferInsert)[]): Promise<void> {
  for (const slice of chunks(rows, 200)) await db.insert(roleAssignments).values(slice);
}

export async function insertHouseholds(db: DbOrTx, rows: (typeof households.$inferInsert)[]): Promise<void> {
  for (const slice of chunks(rows, 200)) await db.insert(households).values(slice);
}

/** Makes an existing person the head of a new household; only when they belong to none (checked under lock). */
export async function linkHouseholdHead(db: DbOrTx, personId: string, householdId: string, at: Date): Promise<PersonRow | undefined> {
  const [row] = await db
    .update(people)
    .set({ householdId, householdRelation: 'head', updatedAt: at })
    .where(and(eq(people.id, personId), isNull(people.householdId)))
    .returning();
  return row;
}

export async function insertAuditRows(db: DbOrTx, rows: (typeof auditLog.$inferInsert)[]): Promise<void> {
  for (const slice of chunks(rows, 200)) await db.insert(auditLog).values(slice);
}

/**
 * Imports of one kind run one at a time (until the transaction ends): two uploads of the same roster in parallel
 * would otherwise both see "no such person" under READ COMMITTED and create the people twice.
 */
export async function lockImports(db: DbOrTx, kind: 'roster' | 'households'): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`shuren.import.${kind}`}))`);
}

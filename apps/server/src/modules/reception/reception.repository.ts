import { and, asc, eq, gte, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { people, receptionCancellations, receptionSlots, regions, roleAssignments } from '../../db/schema/index.js';
import { subtreeOf } from '../../shared/paging.js';

export type SlotRow = typeof receptionSlots.$inferSelect;
export type SlotView = SlotRow & { regionName: string; regionLevel: string; holderName: string; holderRole: string | null };

/** The roles that hold reception days (三长). */
export const HEAD_ROLES = ['building_head', 'lane_head', 'street_head'] as const;
const headRoleList = sql.join(HEAD_ROLES.map((r) => sql`${r}`), sql`, `);

const viewColumns = {
  slot: receptionSlots,
  regionName: regions.name,
  regionLevel: regions.level,
  holderName: people.name,
  // The holder's most recent head role over this node (for the label 楼长/巷长/街长), qualified by hand.
  holderRole: sql<string | null>`(select ra.role from role_assignments ra where ra.person_id = "reception_slots"."holder_person_id" and ra.region_id = "reception_slots"."region_id" and ra.role in (${headRoleList}) order by ra.start_date desc limit 1)`,
};

function flat(r: { slot: SlotRow; regionName: string; regionLevel: string; holderName: string; holderRole: string | null }): SlotView {
  return { ...r.slot, regionName: r.regionName, regionLevel: r.regionLevel, holderName: r.holderName, holderRole: r.holderRole };
}

function selectViews(db: DbOrTx, where: SQL | undefined, limit = 500) {
  return db
    .select(viewColumns)
    .from(receptionSlots)
    .innerJoin(regions, eq(regions.id, receptionSlots.regionId))
    .innerJoin(people, eq(people.id, receptionSlots.holderPersonId))
    .where(where)
    .orderBy(asc(receptionSlots.regionPath), asc(receptionSlots.id))
    .limit(limit);
}

export async function findSlot(db: DbOrTx, id: string): Promise<SlotView | undefined> {
  const [row] = await selectViews(db, eq(receptionSlots.id, id), 1);
  return row ? flat(row) : undefined;
}

/** Locks the slot row so an end and a cancellation cannot interleave. */
export async function lockSlot(db: DbOrTx, id: string): Promise<SlotRow | undefined> {
  const [row] = await db.select().from(receptionSlots).where(eq(receptionSlots.id, id)).for('update').limit(1);
  return row;
}

export interface SlotFilter {
  /** Slots over these exact nodes … */
  regionIds?: string[];
  /** … or anywhere in these subtrees. */
  subtrees?: string[];
  holderPersonId?: string;
  includeEnded?: boolean;
}

export async function listSlots(db: DbOrTx, f: SlotFilter): Promise<SlotView[]> {
  const where: (SQL | undefined)[] = [];
  if (f.regionIds) {
    if (f.regionIds.length === 0) return [];
    where.push(inArray(receptionSlots.regionId, f.regionIds));
  }
  if (f.subtrees) {
    if (f.subtrees.length === 0) return [];
    where.push(subtreeOf(receptionSlots.regionPath, f.subtrees));
  }
  if (f.holderPersonId) where.push(eq(receptionSlots.holderPersonId, f.holderPersonId));
  if (!f.includeEnded) where.push(isNull(receptionSlots.endedAt));
  const rows = await selectViews(db, and(...where));
  return rows.map(flat);
}

export async function cancellationsFrom(db: DbOrTx, slotIds: string[], fromDate: string): Promise<(typeof receptionCancellations.$inferSelect)[]> {
  if (slotIds.length === 0) return [];
  return db
    .select()
    .from(receptionCancellations)
    .where(and(inArray(receptionCancellations.slotId, slotIds), gte(receptionCancellations.date, fromDate)))
    .orderBy(asc(receptionCancellations.date));
}

export async function findCancellation(db: DbOrTx, slotId: string, date: string) {
  const [row] = await db.select().from(receptionCancellations).where(and(eq(receptionCancellations.slotId, slotId), eq(receptionCancellations.date, date))).limit(1);
  return row;
}

/** The head role (楼长/巷长/街长) the person holds over exactly this node today, if any. */
export async function activeHeadRole(db: DbOrTx, personId: string, regionId: string, today: string): Promise<string | undefined> {
  const [row] = await db
    .select({ role: roleAssignments.role })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.personId, personId),
        eq(roleAssignments.regionId, regionId),
        inArray(roleAssignments.role, [...HEAD_ROLES]),
        sql`${roleAssignments.startDate} <= ${today}`,
        sql`(${roleAssignments.endDate} is null or ${roleAssignments.endDate} >= ${today})`,
      ),
    )
    .limit(1);
  return row?.role;
}

export async function insertSlot(db: DbOrTx, row: typeof receptionSlots.$inferInsert): Promise<void> {
  await db.insert(receptionSlots).values(row);
}

export async function endSlot(db: DbOrTx, id: string, at: Date, reason: string | null): Promise<void> {
  await db.update(receptionSlots).set({ endedAt: at, endReason: reason, updatedAt: at }).where(eq(receptionSlots.id, id));
}

export async function insertCancellation(db: DbOrTx, row: typeof receptionCancellations.$inferInsert): Promise<void> {
  await db.insert(receptionCancellations).values(row);
}

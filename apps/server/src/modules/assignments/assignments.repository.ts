import { and, asc, eq, gte, ilike, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { people, regions, roleAssignments } from '../../db/schema/index.js';
import { afterCursor, likeContains, subtreeOf } from '../../shared/paging.js';

export type AssignmentRow = typeof roleAssignments.$inferSelect;
export type AssignmentView = AssignmentRow & { personName: string; regionName: string };

const viewColumns = { a: roleAssignments, personName: people.name, regionName: regions.name };

function flat(r: { a: AssignmentRow; personName: string; regionName: string }): AssignmentView {
  return { ...r.a, personName: r.personName, regionName: r.regionName };
}

export async function findAssignment(db: DbOrTx, id: string): Promise<AssignmentView | undefined> {
  const [row] = await db
    .select(viewColumns)
    .from(roleAssignments)
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .innerJoin(regions, eq(regions.id, roleAssignments.regionId))
    .where(eq(roleAssignments.id, id))
    .limit(1);
  return row ? flat(row) : undefined;
}

export async function findAssignmentForUpdate(db: DbOrTx, id: string): Promise<AssignmentRow | undefined> {
  const [row] = await db.select().from(roleAssignments).where(eq(roleAssignments.id, id)).for('update').limit(1);
  return row;
}

/** Assignments of one person, role and region node (to refuse overlapping duplicates). */
export async function findSamePlacement(db: DbOrTx, personId: string, role: string, regionId: string): Promise<AssignmentRow[]> {
  return db
    .select()
    .from(roleAssignments)
    .where(and(eq(roleAssignments.personId, personId), eq(roleAssignments.role, role), eq(roleAssignments.regionId, regionId)));
}

export async function insertAssignment(db: DbOrTx, row: typeof roleAssignments.$inferInsert): Promise<void> {
  await db.insert(roleAssignments).values(row);
}

export async function endAssignment(db: DbOrTx, id: string, endDate: string, endReason: string | null): Promise<AssignmentRow> {
  const [row] = await db.update(roleAssignments).set({ endDate, endReason }).where(eq(roleAssignments.id, id)).returning();
  return row;
}

export interface AssignmentFilter {
  scopes: string[];
  role?: string;
  personId?: string;
  activeOn?: string;
  q?: string;
  cursor?: string;
  limit: number;
}

export async function listAssignments(db: DbOrTx, f: AssignmentFilter): Promise<AssignmentView[]> {
  const where: (SQL | undefined)[] = [subtreeOf(roleAssignments.regionPath, f.scopes)];
  if (f.role) where.push(eq(roleAssignments.role, f.role));
  if (f.personId) where.push(eq(roleAssignments.personId, f.personId));
  if (f.activeOn) where.push(lte(roleAssignments.startDate, f.activeOn), or(isNull(roleAssignments.endDate), gte(roleAssignments.endDate, f.activeOn)));
  if (f.q) where.push(ilike(people.name, likeContains(f.q)));
  where.push(afterCursor(f.cursor, roleAssignments.id));
  const rows = await db
    .select(viewColumns)
    .from(roleAssignments)
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .innerJoin(regions, eq(regions.id, roleAssignments.regionId))
    .where(and(...where))
    .orderBy(asc(roleAssignments.id))
    .limit(f.limit + 1);
  return rows.map(flat);
}

import { and, asc, eq, gte, ilike, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { people, regions, roleAssignments } from '../../db/schema/index.js';
import { afterCursor, likeContains, subtreeOf } from '../../shared/paging.js';
import { firstByRegionNode, readsNodeByNode } from '../../shared/region-nodes.js';

export type PersonRow = typeof people.$inferSelect;
export type PersonInsert = typeof people.$inferInsert;
export type PersonWithRegion = PersonRow & { homeRegionName: string | null };

export async function findPersonById(db: DbOrTx, id: string): Promise<PersonWithRegion | undefined> {
  const [row] = await db
    .select({ person: people, homeRegionName: regions.name })
    .from(people)
    .leftJoin(regions, eq(regions.id, people.homeRegionId))
    .where(eq(people.id, id))
    .limit(1);
  return row ? { ...row.person, homeRegionName: row.homeRegionName } : undefined;
}

/** Locks the person row: commands that change a person (or their assignments) serialise on it. */
export async function findPersonForUpdate(db: DbOrTx, id: string): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(people).where(eq(people.id, id)).for('update').limit(1);
  return row;
}

export async function updatePerson(db: DbOrTx, id: string, patch: Partial<PersonInsert>): Promise<PersonRow> {
  const [row] = await db.update(people).set(patch).where(eq(people.id, id)).returning();
  return row;
}

export interface PeopleFilter {
  scopes: string[];
  q?: string;
  role?: string;
  partyMember?: boolean;
  /** Today in Asia/Shanghai, for the role filter (assignments in force). */
  today: string;
  cursor?: string;
  limit: number;
}

/** In id order. A community's page (or a smaller area's) is found region node by node (shared/region-nodes.ts). */
export async function listPeople(db: DbOrTx, f: PeopleFilter): Promise<PersonWithRegion[]> {
  const conditions: (SQL | undefined)[] = [];
  if (f.q) conditions.push(ilike(people.name, likeContains(f.q)));
  if (f.partyMember !== undefined) conditions.push(eq(people.partyMember, f.partyMember));
  if (f.role) {
    conditions.push(
      inArray(
        people.id,
        db
          .select({ id: roleAssignments.personId })
          .from(roleAssignments)
          .where(and(eq(roleAssignments.role, f.role), lte(roleAssignments.startDate, f.today), or(isNull(roleAssignments.endDate), gte(roleAssignments.endDate, f.today)))),
      ),
    );
  }
  conditions.push(afterCursor(f.cursor, people.id));
  let where: (SQL | undefined)[] = [subtreeOf(people.homePath, f.scopes), ...conditions];
  if (readsNodeByNode(f.scopes)) {
    const page = await firstByRegionNode(db, { table: people, path: people.homePath, scopes: f.scopes, where: conditions, order: [people.id], select: sql`${people.id}`, limit: f.limit + 1 });
    if (page.length === 0) return [];
    where = [inArray(people.id, page.map((r) => r.id as string))];
  }
  const rows = await db
    .select({ person: people, homeRegionName: regions.name })
    .from(people)
    .leftJoin(regions, eq(regions.id, people.homeRegionId))
    .where(and(...where))
    .orderBy(asc(people.id))
    .limit(f.limit + 1);
  return rows.map((r) => ({ ...r.person, homeRegionName: r.homeRegionName }));
}

import { and, asc, eq, gte, ilike, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { people, regions, roleAssignments } from '../../db/schema/index.js';
import { afterCursor, likeContains, subtreeOf } from '../../shared/paging.js';

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

export async function listPeople(db: DbOrTx, f: PeopleFilter): Promise<PersonWithRegion[]> {
  const where: (SQL | undefined)[] = [subtreeOf(people.homePath, f.scopes)];
  if (f.q) where.push(ilike(people.name, likeContains(f.q)));
  if (f.partyMember !== undefined) where.push(eq(people.partyMember, f.partyMember));
  if (f.role) {
    where.push(
      inArray(
        people.id,
        db
          .select({ id: roleAssignments.personId })
          .from(roleAssignments)
          .where(and(eq(roleAssignments.role, f.role), lte(roleAssignments.startDate, f.today), or(isNull(roleAssignments.endDate), gte(roleAssignments.endDate, f.today)))),
      ),
    );
  }
  where.push(afterCursor(f.cursor, people.id));
  const rows = await db
    .select({ person: people, homeRegionName: regions.name })
    .from(people)
    .leftJoin(regions, eq(regions.id, people.homeRegionId))
    .where(and(...where))
    .orderBy(asc(people.id))
    .limit(f.limit + 1);
  return rows.map((r) => ({ ...r.person, homeRegionName: r.homeRegionName }));
}

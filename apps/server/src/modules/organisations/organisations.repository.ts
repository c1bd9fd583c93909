import { and, asc, desc, eq, getTableColumns, ilike, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { organisationMembers, organisations, people, regions } from '../../db/schema/index.js';
import { afterCursor, likeContains, subtreeOf } from '../../shared/paging.js';

export type OrgRow = typeof organisations.$inferSelect;
export type OrgListRow = OrgRow & { regionName: string; memberCount: number };
export type MemberRow = typeof organisationMembers.$inferSelect;
export type MemberWithPerson = MemberRow & { personName: string; personPhone: string | null };

/** Current members only: a membership is current until it has a leaving date. */
// Qualified by hand: Drizzle leaves columns unqualified in single-table selects, which would bind to the subquery's table.
const memberCount = sql<number>`(select count(*)::int from organisation_members m where m.organisation_id = organisations.id and m.left_on is null)`;

const listColumns = { ...getTableColumns(organisations), regionName: regions.name, memberCount };

export async function findOrgById(db: DbOrTx, id: string): Promise<OrgListRow | undefined> {
  const [row] = await db.select(listColumns).from(organisations).innerJoin(regions, eq(regions.id, organisations.regionId)).where(eq(organisations.id, id)).limit(1);
  return row;
}

/** Locks the organisation row: member changes and dissolution of one organisation run one at a time. */
export async function lockOrg(db: DbOrTx, id: string): Promise<OrgRow | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id)).for('update').limit(1);
  return row;
}

export interface OrgFilter {
  scopes: string[];
  kind?: string;
  q?: string;
  includeDissolved?: boolean;
  cursor?: string;
  limit: number;
}

export async function listOrgs(db: DbOrTx, f: OrgFilter): Promise<OrgListRow[]> {
  const where: (SQL | undefined)[] = [subtreeOf(organisations.regionPath, f.scopes)];
  if (f.kind) where.push(eq(organisations.kind, f.kind));
  if (f.q) where.push(ilike(organisations.name, likeContains(f.q)));
  if (!f.includeDissolved) where.push(isNull(organisations.dissolvedOn));
  where.push(afterCursor(f.cursor, organisations.id));
  return db
    .select(listColumns)
    .from(organisations)
    .innerJoin(regions, eq(regions.id, organisations.regionId))
    .where(and(...where))
    .orderBy(asc(organisations.id))
    .limit(f.limit + 1);
}

export async function insertOrg(db: DbOrTx, row: typeof organisations.$inferInsert): Promise<OrgRow> {
  const [created] = await db.insert(organisations).values(row).returning();
  return created;
}

export async function updateOrg(db: DbOrTx, id: string, set: Partial<typeof organisations.$inferInsert>): Promise<OrgRow> {
  const [row] = await db.update(organisations).set(set).where(eq(organisations.id, id)).returning();
  return row;
}

/** Members with their names and phones; current ones first, then by joining date. */
export async function findMembers(db: DbOrTx, organisationId: string, limit: number): Promise<MemberWithPerson[]> {
  return db
    .select({ ...getTableColumns(organisationMembers), personName: people.name, personPhone: people.phone })
    .from(organisationMembers)
    .innerJoin(people, eq(people.id, organisationMembers.personId))
    .where(eq(organisationMembers.organisationId, organisationId))
    .orderBy(sql`${organisationMembers.leftOn} is not null`, desc(organisationMembers.joinedOn), asc(organisationMembers.id))
    .limit(limit);
}

export async function findMemberWithPerson(db: DbOrTx, memberId: string): Promise<MemberWithPerson | undefined> {
  const [row] = await db
    .select({ ...getTableColumns(organisationMembers), personName: people.name, personPhone: people.phone })
    .from(organisationMembers)
    .innerJoin(people, eq(people.id, organisationMembers.personId))
    .where(eq(organisationMembers.id, memberId))
    .limit(1);
  return row;
}

export async function findMember(db: DbOrTx, organisationId: string, memberId: string): Promise<MemberRow | undefined> {
  const [row] = await db
    .select()
    .from(organisationMembers)
    .where(and(eq(organisationMembers.id, memberId), eq(organisationMembers.organisationId, organisationId)))
    .limit(1);
  return row;
}

export async function findActiveMembership(db: DbOrTx, organisationId: string, personId: string): Promise<MemberRow | undefined> {
  const [row] = await db
    .select()
    .from(organisationMembers)
    .where(and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.personId, personId), isNull(organisationMembers.leftOn)))
    .limit(1);
  return row;
}

export async function insertMember(db: DbOrTx, row: typeof organisationMembers.$inferInsert): Promise<MemberRow> {
  const [created] = await db.insert(organisationMembers).values(row).returning();
  return created;
}

export async function setMemberLeft(db: DbOrTx, memberId: string, leftOn: string): Promise<MemberRow> {
  const [row] = await db.update(organisationMembers).set({ leftOn }).where(eq(organisationMembers.id, memberId)).returning();
  return row;
}

/** Ends every current membership on `date` (or on the joining day, for someone who joined later). */
export async function closeOpenMemberships(db: DbOrTx, organisationId: string, date: string): Promise<number> {
  const rows = await db
    .update(organisationMembers)
    .set({ leftOn: sql`greatest(${organisationMembers.joinedOn}, ${date}::date)` })
    .where(and(eq(organisationMembers.organisationId, organisationId), isNull(organisationMembers.leftOn)))
    .returning({ id: organisationMembers.id });
  return rows.length;
}

/** The person's scope key, read straight from the people table (the registry's own record). */
export async function findPersonScope(db: DbOrTx, personId: string): Promise<{ id: string; name: string; homePath: string } | undefined> {
  const [row] = await db.select({ id: people.id, name: people.name, homePath: people.homePath }).from(people).where(eq(people.id, personId)).limit(1);
  return row;
}

/** One region by id (the regions module's lookup). */
export { findRegionById as findRegion } from '../regions/regions.repository.js';

/** Organisations in a subtree by kind, dissolved ones left out. */
export async function countByKind(db: DbOrTx, path: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ kind: organisations.kind, n: sql<number>`count(*)::int` })
    .from(organisations)
    .where(and(sql`${organisations.regionPath} like ${path + '%'}`, isNull(organisations.dissolvedOn)))
    .groupBy(organisations.kind);
  return new Map(rows.map((r) => [r.kind, Number(r.n)]));
}

import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';

/**
 * Live counts for a region subtree. Every query filters on a materialized-path prefix (`path like '/…/%'`),
 * which the text_pattern_ops indexes answer as a range scan; assignments count when in force on `day`
 * (start ≤ day ≤ end, end inclusive, Asia/Shanghai calendar day).
 */
async function rows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  // node-postgres and PGlite both return { rows } from execute.
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

const active = (day: string, alias: string) => sql.raw(`${alias}.start_date <= '${day}' and (${alias}.end_date is null or ${alias}.end_date >= '${day}')`);

function checkDay(day: string): string {
  // `day` is inlined into SQL (it lets the planner see a constant); it only ever comes from shanghaiDay().
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`bad day ${day}`);
  return day;
}

/** Descendant regions (not the node itself) by level and kind. */
export async function countRegions(db: DbOrTx, path: string): Promise<{ level: string; kind: string; n: number }[]> {
  return rows(db, sql`select level, kind, count(*)::int as n from regions where path like ${path + '%'} and path <> ${path} group by level, kind`);
}

/** Active assignments in the subtree by role, for the given roles. */
export async function countAssignmentsByRole(db: DbOrTx, path: string, day: string, roles: readonly string[]): Promise<Map<string, number>> {
  const d = checkDay(day);
  const list = sql.join(roles.map((r) => sql`${r}`), sql`, `);
  const result = await rows<{ role: string; n: number }>(
    db,
    sql`select ra.role, count(*)::int as n from role_assignments ra where ra.region_path like ${path + '%'} and ra.role in (${list}) and ${active(d, 'ra')} group by ra.role`,
  );
  return new Map(result.map((r) => [r.role, r.n]));
}

/** Active assignments of `roles` in the subtree, per child of the node (key '' = held over the node itself). */
export async function countAssignmentsByChild(db: DbOrTx, path: string, day: string, roles: readonly string[]): Promise<Map<string, number>> {
  const d = checkDay(day);
  const list = sql.join(roles.map((r) => sql`${r}`), sql`, `);
  // The child's id is the path segment right after the node's own path (ids are 36-character UUIDs).
  const result = await rows<{ child: string; n: number }>(
    db,
    sql`select substr(ra.region_path, ${path.length + 1}, 36) as child, count(*)::int as n from role_assignments ra
        where ra.region_path like ${path + '%'} and ra.role in (${list}) and ${active(d, 'ra')} group by 1`,
  );
  return new Map(result.map((r) => [r.child, r.n]));
}

/** People holding an active 楼长 assignment in the subtree who are party members. */
export async function countPartyBuildingHeads(db: DbOrTx, path: string, day: string): Promise<number> {
  const d = checkDay(day);
  const [r] = await rows<{ n: number }>(
    db,
    sql`select count(distinct ra.person_id)::int as n from role_assignments ra join people p on p.id = ra.person_id
        where ra.role = 'building_head' and ra.region_path like ${path + '%'} and ${active(d, 'ra')} and p.party_member`,
  );
  return r?.n ?? 0;
}

/** Distinct volunteers in the subtree, and those of them holding an active (registered) party member assignment. */
export async function countVolunteers(db: DbOrTx, path: string, day: string): Promise<{ volunteers: number; party: number }> {
  const d = checkDay(day);
  const [r] = await rows<{ volunteers: number; party: number }>(
    db,
    // A left join (not IN/EXISTS in the select list) lets the planner use the person index for small subtrees
    // and a hash join for the whole subdistrict.
    sql`select count(distinct v.person_id)::int as volunteers, count(distinct pm.person_id)::int as party
        from role_assignments v
        left join role_assignments pm on pm.person_id = v.person_id and pm.role in ('party_member', 'registered_party_member') and ${active(d, 'pm')}
        where v.role = 'volunteer' and v.region_path like ${path + '%'} and ${active(d, 'v')}`,
  );
  return { volunteers: r?.volunteers ?? 0, party: r?.party ?? 0 };
}

export async function countHouseholds(db: DbOrTx, path: string): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`select count(*)::int as n from households where region_path like ${path + '%'}`);
  return r?.n ?? 0;
}

export async function countPeople(db: DbOrTx, path: string): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`select count(*)::int as n from people where home_path like ${path + '%'}`);
  return r?.n ?? 0;
}

export async function listChildren(db: DbOrTx, id: string): Promise<{ id: string; name: string; code: string }[]> {
  return rows(db, sql`select id::text as id, name, code from regions where parent_id = ${id} order by code, id`);
}

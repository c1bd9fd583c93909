import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/helpers.js';
import { caller } from '../modules/appeals/appeals.fixtures.js';
import { readsNodeByNode } from './region-nodes.js';

/**
 * A community worker's registry lists are read region node by node (shared/region-nodes.ts). Paged through with
 * the API, each list must give exactly the rows of the community's subtree, in id order, none twice, with the
 * same filters as before — checked against a plain SQL count of the same rows.
 */
describe('registry lists read node by node', () => {
  let t: TestApp;
  let worker: ReturnType<typeof caller>;
  let community: string;
  const ids = async (text: string) => ((await t.database.db.execute(sql.raw(text))) as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);

  beforeAll(async () => {
    t = await createTestApp();
    worker = caller(t, await t.login('worker'));
    const me = (await worker.get('/auth/me')).json();
    const assignment = me.assignments.find((a: any) => a.role === 'community_worker') ?? me.assignments[0];
    community = (await ids(`select path as id from regions where id = '${assignment.regionId}'`))[0];
    expect(readsNodeByNode([community])).toBe(true);
    expect(readsNodeByNode(['/' + community.split('/')[1] + '/'])).toBe(false);
  });
  afterAll(async () => t?.close());

  async function pageThrough(path: string, limit: number): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 500; guard++) {
      const res = await worker.get(`${path}${path.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.items.length).toBeLessThanOrEqual(limit);
      seen.push(...body.items.map((i: { id: string }) => i.id));
      cursor = body.nextCursor;
      if (!cursor) return seen;
    }
    throw new Error('paging did not end');
  }

  it('households: every one under the community, in id order, page after page, with and without a search', async () => {
    const all = await ids(`select id::text from households where region_path like '${community}%' order by id`);
    expect(all.length).toBeGreaterThan(10);
    expect(await pageThrough('/households', 7)).toEqual(all);
    const some = await ids(`select id::text from households where region_path like '${community}%' and (address ilike '%-2%' or room ilike '%-2%') order by id`);
    expect(some.length).toBeGreaterThan(0);
    expect(some.length).toBeLessThan(all.length);
    expect(await pageThrough('/households?q=-2', 4)).toEqual(some);
  });

  it('people: every one under the community, in id order, also filtered by role and party membership', async () => {
    const all = await ids(`select id::text from people where home_path like '${community}%' order by id`);
    expect(all.length).toBeGreaterThan(10);
    expect(await pageThrough('/people', 9)).toEqual(all);
    const heads = await ids(`select p.id::text from people p where p.home_path like '${community}%' and p.id in (select person_id from role_assignments where role = 'building_head' and start_date <= current_date and (end_date is null or end_date >= current_date)) order by p.id`);
    expect(heads.length).toBeGreaterThan(0);
    expect(await pageThrough('/people?role=building_head', 2)).toEqual(heads);
    const party = await ids(`select id::text from people where home_path like '${community}%' and party_member order by id`);
    expect(await pageThrough('/people?partyMember=true', 3)).toEqual(party);
  });
});

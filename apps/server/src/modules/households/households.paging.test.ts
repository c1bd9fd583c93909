import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { caller } from '../appeals/appeals.fixtures.js';
import { readsNodeByNode } from '../../shared/region-nodes.js';

/**
 * A community worker's households list is found building by building (shared/region-nodes.ts). Paged through with
 * the API it must give exactly the community's households, in id order, none twice, with and without a search —
 * checked against a plain query of the same rows.
 */
describe('the households list, building by building', () => {
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

  it('gives every household under the community, in id order, page after page, with and without a search', async () => {
    const all = await ids(`select id::text from households where region_path like '${community}%' order by id`);
    expect(all.length).toBeGreaterThan(10);
    expect(await pageThrough('/households', 7)).toEqual(all);
    const some = await ids(`select id::text from households where region_path like '${community}%' and (address ilike '%-2%' or room ilike '%-2%') order by id`);
    expect(some.length).toBeGreaterThan(0);
    expect(some.length).toBeLessThan(all.length);
    expect(await pageThrough('/households?q=-2', 4)).toEqual(some);
    // A building's own list: the same rows as the plain query of its subtree.
    const building = (await ids(`select r.path as id from regions r where r.path like '${community}%' and exists (select 1 from households h where h.region_path = r.path) order by r.path limit 1`))[0];
    const buildingId = building.split('/').filter(Boolean).at(-1);
    const inBuilding = await ids(`select id::text from households where region_path like '${building}%' order by id`);
    expect(await pageThrough(`/households?regionId=${buildingId}`, 5)).toEqual(inBuilding);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { APPEAL_STATUSES, idsOnPath } from '@shuren/core';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { generateAppeals } from '../../seed/appeals.js';
import { encodeCursor } from '../../shared/paging.js';
import { startOnWorkingMorning } from './appeals.fixtures.js';
import { readsNodeByNode } from '../../shared/region-nodes.js';
import { listQueue, queueBySubtree, queueByUnits, type AppealRow, type QueueFilter } from './appeals.repository.js';

/**
 * A unit's queue page is read unit by unit and merged (appeals.repository.ts `queueByUnits`) for a community or
 * anything below it. It must be exactly the page the plain query gives, for every scope, filter, page size and
 * cursor a worker can ask for, page after page.
 */
describe('a unit queue read unit by unit', () => {
  let t: TestApp;
  let scopes: string[];
  let categories: string[];

  beforeAll(async () => {
    t = await createTestApp();
    startOnWorkingMorning(t);
    await generateAppeals(t.database.db, { count: 300, now: t.clock.now(), spanDays: 30 });
    const rows = async (text: string) => ((await t.database.db.execute(sql.raw(text))) as unknown as { rows: Record<string, string>[] }).rows;
    // Communities, compounds and grids that hold work; the subdistrict is read by the plain query.
    scopes = (await rows(`select distinct r.path from regions r join appeals a on a.unit_path like r.path || '%' where array_length(string_to_array(trim(both '/' from r.path), '/'), 1) >= 2 order by r.path`)).map((r) => r.path);
    categories = (await rows(`select distinct category_code from appeals order by 1`)).map((r) => r.category_code);
    expect(scopes.length).toBeGreaterThan(5);
  });
  afterAll(async () => t?.close());

  async function everyPage(read: (f: QueueFilter) => Promise<AppealRow[]>, f: QueueFilter): Promise<string[][]> {
    const pages: string[][] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 400; guard++) {
      const rows = await read({ ...f, cursor });
      const page = rows.slice(0, f.limit);
      pages.push(rows.map((r) => r.id));
      if (rows.length <= f.limit) return pages;
      const last = page[page.length - 1];
      cursor = encodeCursor(last.dueAt.toISOString(), last.id);
    }
    throw new Error('paging did not end');
  }

  it('gives the plain query’s pages for any scope, filter, page size and cursor', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.nat({ max: scopes.length - 1 }), { minLength: 1, maxLength: 3 }),
        fc.record({
          status: fc.option(fc.constantFrom(...APPEAL_STATUSES), { nil: undefined }),
          includeFinished: fc.boolean(),
          category: fc.option(fc.nat({ max: categories.length - 1 }), { nil: undefined }),
          overdue: fc.constantFrom(true, false, undefined),
          limit: fc.integer({ min: 1, max: 40 }),
        }),
        async (picked, o) => {
          const f: QueueFilter = {
            scopes: picked.map((i) => scopes[i]),
            view: 'queue',
            status: o.status,
            includeFinished: o.includeFinished,
            categoryCode: o.category === undefined ? undefined : categories[o.category],
            overdue: o.overdue,
            now: t.clock.now(),
            limit: o.limit,
          };
          const merged = await everyPage((x) => queueByUnits(t.database.db, x), f);
          const plain = await everyPage((x) => queueBySubtree(t.database.db, x), f);
          expect(merged).toEqual(plain);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is what a community worker gets, and the whole subdistrict keeps the plain query', async () => {
    const community = scopes.find((s) => idsOnPath(s).length === 2)!;
    expect(readsNodeByNode([community])).toBe(true);
    const root = `/${idsOnPath(community)[0]}/`;
    expect(readsNodeByNode([root])).toBe(false);
    expect(readsNodeByNode([community, root])).toBe(false);
    const f: QueueFilter = { scopes: [community], view: 'queue', now: t.clock.now(), limit: 20 };
    const page = await listQueue(t.database.db, f);
    expect(page.length).toBeGreaterThan(0);
    expect(page.map((r) => r.id)).toEqual((await queueBySubtree(t.database.db, f)).map((r) => r.id));
    for (const r of page) expect(r.unitPath.startsWith(community)).toBe(true);
    // Deadline order, then id.
    const keys = page.map((r) => `${r.dueAt.toISOString()} ${r.id}`);
    expect(keys).toEqual([...keys].sort());
    await expect(queueByUnits(t.database.db, { ...f, view: 'area' })).rejects.toThrow(/unit path/);
  });
});

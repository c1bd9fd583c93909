import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { RegionStats } from '@shuren/core';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { regions } from '../../db/schema/index.js';

/** Figures that are plain sums over the tree: a node's value is the sum of its children's (nothing sits on inner nodes). */
const ADDITIVE = ['households', 'three_heads'];

describe('region statistics add up over the tree', () => {
  let t: TestApp;
  let admin: string;
  let nodes: { id: string; parentId: string | null; level: string }[];
  const cache = new Map<string, RegionStats>();
  const stats = async (id: string): Promise<RegionStats> => {
    if (!cache.has(id)) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/regions/${id}/stats`, headers: { cookie: admin } });
      expect(res.statusCode).toBe(200);
      cache.set(id, res.json());
    }
    return cache.get(id)!;
  };
  const value = (s: RegionStats, key: string) => s.figures.find((f) => f.key === key)!.value;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    nodes = await t.database.db.select({ id: regions.id, parentId: regions.parentId, level: regions.level }).from(regions);
  });
  afterAll(async () => t?.close());

  it('for any subtree, the 三长-by-child lines sum to the 三長 total, and each line equals that child’s own figure', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), async (pick, childPick) => {
        const node = nodes[pick % nodes.length];
        const s = await stats(node.id);
        const byChild = s.figures.find((f) => f.key === 'three_heads.by_child')!;
        expect(byChild.breakdown!.reduce((n, b) => n + b.value, 0)).toBe(value(s, 'three_heads'));
        expect(byChild.value).toBe(value(s, 'three_heads'));
        // Breakdowns by role add up too.
        for (const key of ['three_heads', 'party_members.in_grids']) {
          const f = s.figures.find((x) => x.key === key)!;
          expect(f.breakdown!.reduce((n, b) => n + b.value, 0)).toBe(f.value);
        }
        const children = nodes.filter((n) => n.parentId === node.id);
        if (!children.length) return;
        const child = children[childPick % children.length];
        const line = byChild.breakdown!.find((b) => b.listPath === `/api/v1/regions/${child.id}/stats`)!;
        expect(value(await stats(child.id), 'three_heads')).toBe(line.value);
        // Additive figures: the parent equals the sum over all its children.
        for (const key of ADDITIVE) {
          let total = 0;
          for (const c of children) total += value(await stats(c.id), key);
          expect(total).toBe(value(s, key));
        }
      }),
      { numRuns: 40 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { evolve, openAppeal, type AppealEvent, type AppealState, type AppealUnit } from '@shuren/core';
import { freshDatabase } from '../../test/helpers.js';
import type { Db } from '../db/client.js';
import { columnsOf, machineEnv } from '../modules/appeals/appeals.setup.js';
import { RECOUNT_SQL } from '../modules/appeals/appeals.stats.js';
import { generateAppeals } from './appeals.js';
import { ensureDemoData } from './demo.js';

const NOW = new Date('2026-03-02T10:00:00+08:00');
const N = 400;

async function q<T = Record<string, any>>(db: Db, text: string): Promise<T[]> {
  return ((await db.execute(sql.raw(text))) as unknown as { rows: T[] }).rows;
}

/** Everything generated, without the category ids (those are made when the module first seeds its categories). */
async function snapshot(db: Db) {
  return {
    appeals: await q(db, `select id::text, tracking_code, category_code, source, region_path, reporter_person_id::text, status, level, unit_path, state,
      submitted_at::text, due_at::text, closed_at::text, satisfaction, follower_count, merged_into_id::text from appeals order by id`),
    events: await q(db, 'select id::text, appeal_id::text, seq, type, at::text, actor_person_id::text, actor_role, level, unit_region_id::text, data from appeal_events order by id'),
    followers: await q(db, 'select appeal_id::text, person_id::text, created_at::text from appeal_followers order by appeal_id, person_id'),
    rollups: await q(db, 'select * from appeal_rollups where total <> 0 or accepted <> 0 order by region_path, category_code'),
  };
}

/** Turns a stored timeline row back into the machine's event (instants in data were written as ISO strings). */
function eventOf(row: { type: string; at: Date | string; data: Record<string, unknown> }): AppealEvent {
  const data: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row.data)) data[k] = /At$/.test(k) && typeof v === 'string' ? Date.parse(v) : v;
  return { ...data, type: row.type, at: new Date(row.at).getTime(), by: '' } as AppealEvent;
}

describe('bulk appeal generator', () => {
  it('gives the same appeals, timelines and rollups for the same tree, seed and instant, with or without bulk mode', { timeout: 240_000 }, async () => {
    const a = await freshDatabase();
    const b = await freshDatabase();
    try {
      await ensureDemoData(a.db, { scale: 'small' });
      await ensureDemoData(b.db, { scale: 'small' });
      const sa = await generateAppeals(a.db, { count: N, now: NOW, chunk: 150 });
      const sb = await generateAppeals(b.db, { count: N, now: NOW, chunk: 150, bulk: true });
      expect(sb).toEqual({ ...sa, ms: sb.ms });
      expect(sa.appeals).toBe(N);
      const [x, y] = [await snapshot(a.db), await snapshot(b.db)];
      expect(x.appeals).toHaveLength(N);
      expect(y).toEqual(x);
      // The rollups kept by the triggers (a) equal those recounted after the bulk load (b) and a fresh recount.
      const recount = await q(a.db, `select * from (${RECOUNT_SQL}) r(region_path, category_code, total, responded_on_time, accepted, closed, closed_on_time, rated, satisfied, handled, reworked, closed_ms, closed_grid, closed_compound, closed_community, closed_subdistrict, closed_department)
        where total <> 0 or accepted <> 0 order by region_path, category_code`);
      expect(x.rollups.map((r) => ({ ...r, closed_ms: Number(r.closed_ms) }))).toEqual(recount.map((r) => ({ ...r, closed_ms: Number(r.closed_ms) })));
      // A different seed gives different data.
      const c = await generateAppeals(a.db, { count: 20, now: NOW, seed: 7 });
      expect(c.appeals).toBe(20);
    } finally {
      await a.drop();
      await b.drop();
    }
  });

  it('stores states that replaying their own timelines through the machine gives back, with matching query columns', { timeout: 240_000 }, async () => {
    const d = await freshDatabase();
    try {
      await ensureDemoData(d.db, { scale: 'small' });
      const summary = await generateAppeals(d.db, { count: N, now: NOW, chunk: 100, spanDays: 60 });
      // A realistic mix: mostly finished, some open work in every stage, some rejected or merged.
      expect(summary.byStatus.closed).toBeGreaterThan(N / 2);
      expect(Object.keys(summary.byStatus).length).toBeGreaterThanOrEqual(5);
      const categories = new Map((await q<{ code: string; sla: any }>(d.db, 'select code, sla from appeal_categories')).map((c) => [c.code, c]));
      const appeals = await q(d.db, 'select * from appeals order by id');
      const events = await q(d.db, 'select appeal_id::text, seq, type, at, level, unit_region_id::text, data from appeal_events order by appeal_id, seq');
      const byAppeal = new Map<string, typeof events>();
      for (const e of events) byAppeal.set(e.appeal_id, [...(byAppeal.get(e.appeal_id) ?? []), e]);
      expect(events.length).toBe(summary.events);
      for (const row of appeals) {
        const timeline = byAppeal.get(row.id)!;
        expect(timeline.map((e) => e.seq)).toEqual(timeline.map((_, i) => i + 1));
        expect(timeline[0].type).toBe('submitted');
        const env = machineEnv(categories.get(row.category_code)!);
        const first = timeline[0].data as { unit: AppealUnit };
        let state: AppealState = openAppeal(first.unit, row.reporter_person_id ?? '', new Date(timeline[0].at).getTime(), env).state;
        for (const e of timeline.slice(1)) {
          state = evolve(state, eventOf(e as { type: string; at: string; data: Record<string, unknown> }));
          // Each timeline row records the unit holding the appeal after its step.
          expect([e.level, e.unit_region_id]).toEqual([state.unit.level, state.unit.regionId]);
        }
        expect(state).toEqual(row.state);
        const cols = columnsOf(state, row.unit_path);
        expect([row.status, row.level, row.unit_region_id, new Date(row.due_at).getTime(), row.due_clock, row.rework_count]).toEqual([cols.status, cols.level, cols.unitRegionId, cols.dueAt.getTime(), cols.dueClock, cols.reworkCount]);
        expect(new Date(row.submitted_at).getTime()).toBeLessThanOrEqual(NOW.getTime());
        if (row.status === 'merged') expect(appeals.some((s) => s.id === row.merged_into_id)).toBe(true);
      }
      // Follower counts match the follower rows (reporters of merged duplicates follow the survivor).
      const mismatched = await q(d.db, `select a.id from appeals a left join (select appeal_id, count(*)::int n from appeal_followers group by appeal_id) f on f.appeal_id = a.id
        where a.follower_count <> coalesce(f.n, 0)`);
      expect(mismatched).toEqual([]);
    } finally {
      await d.drop();
    }
  });
});

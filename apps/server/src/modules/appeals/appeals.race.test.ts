import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { sweepOverdue } from './index.js';
import { caller, regionId, startOnWorkingMorning, uploadPhotos } from './appeals.fixtures.js';
import { jpegWithGps } from './appeal-photos.fixtures.js';

// PGlite is one connection: transactions never overlap, so a race cannot happen there.
const onPostgres = Boolean(process.env.DATABASE_URL);
if (!onPostgres) console.log('[appeals.race] skipped on PGlite: it serialises transactions on one connection; run with DATABASE_URL for real parallel requests');

describe.skipIf(!onPostgres)('appeals: concurrency on PostgreSQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    startOnWorkingMorning(t);
  });
  afterAll(async () => t?.close());

  it('lets one of two simultaneous dispatches win; the other gets 409', async () => {
    const resident = caller(t, await t.login('13800000001'));
    const staffA = caller(t, await t.login('admin'));
    const staffB = caller(t, await t.login('admin'));
    for (let round = 0; round < 5; round++) {
      const id = (await resident.post('/appeals', { categoryCode: 'blocked_fire_exit', description: `消防通道堵塞 ${round}`, regionId: await regionId(t, 'GC-C01-G01-B01') })).json().id;
      await staffA.post(`/appeals/${id}/accept`);
      const results = await Promise.all([staffA.post(`/appeals/${id}/dispatch`, { level: 'community' }), staffB.post(`/appeals/${id}/dispatch`, { level: 'community' })]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const loser = results.find((r) => r.statusCode === 409)!.json();
      expect(loser.code).toBe('not_allowed_in_state');
      const detail = (await staffA.get(`/appeals/${id}`)).json();
      expect(detail.timeline.filter((e: any) => e.type === 'dispatched')).toHaveLength(1);
    }
  });

  it('escalates each overdue appeal once when several sweepers run at the same instant', async () => {
    const resident = caller(t, await t.login('13800000001'));
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await resident.post('/appeals', { categoryCode: 'hygiene', description: `垃圾 ${i}`, regionId: await regionId(t, 'GC-C01-G01-B01') })).json().id);
    t.clock.advance(8 * 3600_000);
    const now = t.clock.now();
    const runs = await Promise.all([0, 1, 2, 3].map(() => sweepOverdue(t.database.db, now)));
    expect(runs.reduce((s, r) => s + r.escalated, 0)).toBe(ids.length);
    const rows = await t.database.db.execute(`select appeal_id, count(*)::int as n from appeal_events where type = 'escalated' group by appeal_id`);
    expect(((rows as any).rows as { n: number }[]).every((r) => r.n === 1)).toBe(true);
  });

  it('lets one of two simultaneous reports with the same photo have it; the other is refused and leaves nothing behind', async () => {
    const cookie = await t.login('13800000001');
    const resident = caller(t, cookie);
    const b1 = await regionId(t, 'GC-C01-G01-B01');
    const small = await jpegWithGps({ width: 320, height: 240 });
    for (let round = 0; round < 3; round++) {
      const [photo] = (await uploadPhotos(t, cookie, [{ data: small }])).json().items;
      const body = { categoryCode: 'hygiene', description: `同一张照片 ${round}`, regionId: b1, photoRefs: [photo.id] };
      const results = await Promise.all([resident.post('/appeals', body), resident.post('/appeals', body)]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 400]);
      expect(results.find((r) => r.statusCode === 400)!.json().errors[0]).toMatchObject({ field: '/body/photoRefs/0', code: 'already_used' });
      const n = await t.database.db.execute(`select count(*)::int as n from appeals where description = '同一张照片 ${round}'`);
      expect((n as any).rows[0].n).toBe(1);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import type { StatFigure } from '../manifest.js';
import { caller, regionId, startOnWorkingMorning, uploadPhotos } from './appeals.fixtures.js';
import { jpegWithGps } from './appeal-photos.fixtures.js';

describe('appeals: a blocked fire exit from report to rated fix', () => {
  let t: TestApp;
  let resident: ReturnType<typeof caller>;
  let ops: ReturnType<typeof caller>;
  let community: ReturnType<typeof caller>;
  let grid: ReturnType<typeof caller>;
  const cookies: Record<string, string> = {};
  // Uploads one photo as that person and returns its id (what the phone page does before submitting).
  const photo = async (who: string) => (await uploadPhotos(t, cookies[who], [{ data: await jpegWithGps({ width: 800, height: 600 }) }])).json().items[0].id as string;
  beforeAll(async () => {
    t = await createTestApp();
    startOnWorkingMorning(t);
    for (const login of ['13800000001', 'admin', 'worker', 'gridworker']) cookies[login] = await t.login(login);
    resident = caller(t, cookies['13800000001']);
    ops = caller(t, cookies.admin);
    community = caller(t, cookies.worker);
    grid = caller(t, cookies.gridworker);
  });
  afterAll(async () => t?.close());

  // The dashboard's figures for the whole subdistrict, as the stats endpoint serves them.
  const stats = async (): Promise<Record<string, StatFigure>> => {
    const res = await ops.get(`/regions/${await regionId(t, 'GC')}/stats`);
    expect(res.statusCode).toBe(200);
    return Object.fromEntries(res.json().figures.map((f: StatFigure) => [f.key, f]));
  };

  it('goes resident → operations centre → community → compound → rework → fixed → rated, and the figures move', async () => {
    const before = await stats();
    const b1 = await regionId(t, 'GC-C01-G01-B01');
    const created = await resident.post('/appeals', { categoryCode: 'blocked_fire_exit', description: '1栋楼梯间消防通道被杂物和电动车堵住了', regionId: b1, photoRefs: [await photo('13800000001')] });
    expect(created.statusCode).toBe(201);
    const { id, trackingCode, level } = created.json();
    expect(level).toBe('subdistrict');
    expect(trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);

    // The operations centre sees it in its queue and takes it up.
    const queue = await ops.get('/appeals');
    expect(queue.json().items.map((a: any) => a.id)).toContain(id);
    expect(queue.json().items.find((a: any) => a.id === id).allowedActions).toEqual(expect.arrayContaining(['accept', 'dispatch', 'reject', 'merge']));
    expect((await ops.post(`/appeals/${id}/accept`, { note: '已受理' })).statusCode).toBe(200);
    const toCommunity = await ops.post(`/appeals/${id}/dispatch`, { level: 'community', internalNote: '请同德社区牵头处理' });
    expect(toCommunity.statusCode).toBe(200);
    expect(toCommunity.json().unit).toMatchObject({ level: 'community', regionName: '同德社区' });

    // The community hands it to the compound; the grid worker there is told.
    const toCompound = await community.post(`/appeals/${id}/dispatch`, { level: 'compound' });
    expect(toCompound.statusCode).toBe(200);
    const inbox = await grid.get('/me/notifications');
    expect(inbox.json().items.some((n: any) => n.kind === 'assigned' && n.appealId === id)).toBe(true);

    expect((await grid.post(`/appeals/${id}/start`)).statusCode).toBe(200);
    const handled = await grid.post(`/appeals/${id}/handle`, { note: '已清理杂物，电动车已移走', photoRefs: [await photo('gridworker')] });
    expect(handled.json().status).toBe('handled');

    // The resident looks: not fixed.
    const track = await resident.get(`/appeals/track/${trackingCode}`);
    expect(track.json().allowedActions).toEqual(expect.arrayContaining(['verify']));
    const notFixed = await resident.post(`/appeals/${id}/verify`, { fixed: false, note: '楼梯口还有两辆电动车' });
    expect(notFixed.statusCode).toBe(200);
    expect(notFixed.json()).toMatchObject({ status: 'in_progress', reworkCount: 1 });

    await grid.post(`/appeals/${id}/handle`, { note: '电动车已全部移走并张贴告示', photoRefs: [await photo('gridworker')] });
    expect((await resident.post(`/appeals/${id}/verify`, { fixed: true })).json().status).toBe('verified');
    const closed = await resident.post(`/appeals/${id}/close`, { satisfaction: 'satisfied', note: '谢谢' });
    expect(closed.json()).toMatchObject({ status: 'closed', satisfaction: 'satisfied' });

    // Public timeline: staff by role, no internal notes; the staff timeline keeps them.
    const pub = (await t.app.inject({ method: 'GET', url: `/api/v1/appeals/track/${trackingCode.toLowerCase()}` })).json();
    expect(pub.timeline.map((e: any) => e.type)).toEqual(['submitted', 'accepted', 'dispatched', 'dispatched', 'started', 'handled', 'rework', 'handled', 'verified', 'closed']);
    expect(JSON.stringify(pub)).not.toContain('请同德社区牵头处理');
    expect(JSON.stringify(pub)).not.toContain('网格员');
    expect(pub.timeline[5].actorRole.zh).toBe('小区 · 处置人员');
    // The report photo and both after-photos are on the public timeline.
    expect(pub.timeline.filter((e: any) => e.photoRefs.length === 1).map((e: any) => e.type)).toEqual(['submitted', 'handled', 'handled']);
    const detail = (await ops.get(`/appeals/${id}`)).json();
    expect(detail.timeline.find((e: any) => e.type === 'dispatched').internalNote).toBe('请同德社区牵头处理');
    expect(detail.timeline.find((e: any) => e.type === 'handled').actor.name).toBe('网格员');

    const after = await stats();
    expect(after['appeals.total'].value).toBe(before['appeals.total'].value + 1);
    expect(after['appeals.closed_by_level'].breakdown!.find((b) => b.key === 'compound')!.value).toBe(1);
    expect(after['appeals.satisfaction_rate'].value).toBe(100);
    expect(after['appeals.rework_rate'].value).toBe(100);
    expect(after['appeals.settled_in_community'].value).toBe(100);
    expect(after['appeals.total'].breakdown!.find((b) => b.key === 'blocked_fire_exit')!.value).toBe(1);

    // The resident sees it in "my reports".
    expect((await resident.get('/me/appeals')).json().items[0]).toMatchObject({ id, status: 'closed' });
  });

  it('lets a 楼长 report for a resident and a neighbour follow it instead of reporting again', async () => {
    const louzhang = caller(t, await t.login('louzhang'));
    const [{ personId }] = (await t.database.db.execute(`select person_id as "personId" from accounts where login = '13800000001'`) as any).rows;
    const b1 = await regionId(t, 'GC-C01-G01-B01');
    const created = await louzhang.post('/appeals', { categoryCode: 'noise', description: '楼上夜间装修噪音', regionId: b1, onBehalfOfPersonId: personId, answers: { time_of_day: 'night' } });
    expect(created.statusCode).toBe(201);
    const detail = (await community.get(`/appeals/${created.json().id}`)).json();
    expect(detail.source).toBe('reception_day');
    expect(detail.reporter).toMatchObject({ name: '楼长', onBehalfOfName: '居民' });
    // A second report of the same matter suggests the first.
    const dup = await resident.post('/appeals/duplicates', { categoryCode: 'noise', regionId: b1 });
    expect(dup.json().items.map((a: any) => a.id)).toContain(created.json().id);
    const follow = await grid.post(`/appeals/${created.json().id}/follow`);
    expect(follow.json()).toEqual({ following: true, followerCount: 1 });
    expect((await grid.post(`/appeals/${created.json().id}/follow`)).json().followerCount).toBe(1);
  });

  it('merges a duplicate: it closes as merged and its reporter follows the survivor', async () => {
    const b1 = await regionId(t, 'GC-C01-G01-B01');
    const first = (await resident.post('/appeals', { categoryCode: 'pets', description: '楼道有狗粪', regionId: b1 })).json();
    const second = (await grid.post('/appeals', { categoryCode: 'pets', description: '楼道狗粪没人清理', regionId: b1, source: 'patrol' })).json();
    const merged = await community.post(`/appeals/${second.id}/merge`, { survivorId: first.id });
    expect(merged.json()).toMatchObject({ status: 'merged', mergedIntoId: first.id });
    expect((await community.get(`/appeals/${first.id}`)).json().followerCount).toBe(1);
    expect((await grid.get('/me/appeals')).json().items.map((a: any) => a.id)).toContain(first.id);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { accounts, auditLog } from '../../db/schema/index.js';
import { hashPassword } from '../auth/passwords.js';
import { caller, regionId, startOnWorkingMorning, uploadPhotos } from './appeals.fixtures.js';
import { jpegWithGps } from './appeal-photos.fixtures.js';

/**
 * The 楼长's phone: grid-level matters of their building in "待我处理" with a badge count, worked through on the
 * phone; and the mediation offer of categories such as 噪音 (the resident's "yes" is kept and shown to everyone).
 */
describe('appeals: the 楼长 handles grid-level matters; residents may ask for mediation first', () => {
  let t: TestApp;
  let resident: ReturnType<typeof caller>;
  let louzhang: ReturnType<typeof caller>;
  let otherHead: ReturnType<typeof caller>;
  let b1: string;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    startOnWorkingMorning(t);
    for (const login of ['13800000001', 'louzhang', 'admin']) cookies[login] = await t.login(login);
    resident = caller(t, cookies['13800000001']);
    louzhang = caller(t, cookies.louzhang);
    b1 = await regionId(t, 'GC-C01-G01-B01');
    // The 楼长 of the next building, with an account of their own.
    const admin = caller(t, cookies.admin);
    const b2 = await regionId(t, 'GC-C01-G01-B02');
    const person = (await admin.post('/people', { name: '二栋楼长', homeRegionId: b2 })).json();
    expect((await admin.post('/assignments', { personId: person.id, role: 'building_head', regionId: b2, startDate: '2026-01-01' })).statusCode).toBe(201);
    await t.database.db.insert(accounts).values({ id: uuidv7(), personId: person.id, login: 'louzhang-b2', passwordHash: await hashPassword('shuren2026') });
    otherHead = caller(t, await t.login('louzhang-b2'));
  });
  afterAll(async () => t?.close());

  it('keeps the resident’s yes to mediation, shows it to staff and on the public timeline, and audits it', async () => {
    const created = await resident.post('/appeals', { categoryCode: 'noise', description: '楼上每晚十一点后还在跳绳', regionId: b1, mediation: true });
    expect(created.statusCode).toBe(201);
    const { id, trackingCode, level } = created.json();
    expect(level).toBe('grid');

    const detail = (await louzhang.get(`/appeals/${id}`)).json();
    expect(detail.mediation).toEqual({ offered: true, accepted: true });
    expect(detail.timeline.map((e: any) => e.type)).toEqual(['submitted', 'mediation_accepted']);
    expect(detail.timeline[1]).toMatchObject({ seq: 2, actor: { role: 'reporter' } });

    const track = (await resident.get(`/appeals/track/${trackingCode}`)).json();
    expect(track.timeline.map((e: any) => e.type)).toEqual(['submitted', 'mediation_accepted']);
    expect(track.timeline[1].actorRole).toEqual({ zh: '反映人', en: 'Reporter' });

    const [audit] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'appeal.submit')));
    expect(audit.after).toMatchObject({ mediationConsent: true });
  });

  it('records a no as a no (no timeline step) and leaves it unasked when the resident says nothing', async () => {
    const declined = (await resident.post('/appeals', { categoryCode: 'pets', description: '邻居的狗在楼道便溺', regionId: b1, mediation: false })).json();
    const silent = (await resident.post('/appeals', { categoryCode: 'pets', description: '楼道里有狗毛', regionId: b1 })).json();
    const d = (await louzhang.get(`/appeals/${declined.id}`)).json();
    expect(d.mediation).toEqual({ offered: true, accepted: false });
    expect(d.timeline.map((e: any) => e.type)).toEqual(['submitted']);
    expect((await louzhang.get(`/appeals/${silent.id}`)).json().mediation).toEqual({ offered: true, accepted: null });
  });

  it('refuses a mediation answer for a category that does not offer it, and a non-boolean one, with field errors', async () => {
    const res = await resident.post('/appeals', { categoryCode: 'ebike_indoor_charging', description: '有人把电动车推进家里充电', regionId: b1, mediation: true });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual([expect.objectContaining({ field: '/body/mediation', code: 'not_offered' })]);
    const typed = await resident.post('/appeals', { categoryCode: 'noise', description: '吵', regionId: b1, mediation: 'yes' });
    expect(typed.statusCode).toBe(400);
    expect(typed.json().errors[0].field).toBe('/body/mediation');
    const ebike = (await louzhang.get('/appeals?categoryCode=ebike_indoor_charging')).json();
    expect(ebike.items).toHaveLength(0);
  });

  it('puts a grid-level matter in the 楼长’s queue with its actions and a badge count, overdue once the clock runs out', async () => {
    const before = (await louzhang.get('/appeals/counts')).json();
    const created = (await resident.post('/appeals', { categoryCode: 'ebike_indoor_charging', description: '3楼有人把电动车推进家里充电', regionId: b1 })).json();
    const counts = await louzhang.get('/appeals/counts');
    expect(counts.statusCode).toBe(200);
    expect(counts.json()).toEqual({ open: before.open + 1, overdue: before.overdue });

    const row = (await louzhang.get('/appeals')).json().items.find((a: any) => a.id === created.id);
    expect(row).toMatchObject({ status: 'submitted', unit: { level: 'grid', regionId: b1 }, mediation: { offered: false, accepted: null } });
    expect(row.allowedActions).toEqual(expect.arrayContaining(['accept', 'start', 'escalate', 'pause']));
    expect(row.allowedActions).not.toContain('return');
    expect(row.allowedActions).not.toContain('dispatch');

    // The category answers within one working hour: past it, the badge says overdue and the queue puts it first.
    t.clock.advance(2 * 3_600_000);
    const late = (await louzhang.get('/appeals/counts')).json();
    expect(late.overdue).toBeGreaterThanOrEqual(1);
    const first = (await louzhang.get('/appeals?overdue=true')).json().items;
    expect(first.map((a: any) => a.id)).toContain(created.id);
    expect(first.every((a: any) => a.overdue)).toBe(true);
  });

  it('lets the 楼长 accept, start and handle with a note and an after-photo; the resident then confirms and rates', async () => {
    const { id, trackingCode } = (await resident.post('/appeals', { categoryCode: 'noise', description: '隔壁装修周末早上七点开工', regionId: b1, mediation: true })).json();
    expect((await louzhang.post(`/appeals/${id}/accept`, { note: '收到，今晚上门了解' })).json().allowedActions).toContain('start');
    const started = await louzhang.post(`/appeals/${id}/start`, {});
    expect(started.json().status).toBe('in_progress');
    expect(started.json().allowedActions).toEqual(expect.arrayContaining(['handle', 'pause', 'escalate', 'request_extension']));
    // Handling needs a note for the resident.
    const noNote = await louzhang.post(`/appeals/${id}/handle`, {});
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().errors[0].field).toBe('/body/note');
    const photo = (await uploadPhotos(t, cookies.louzhang, [{ data: await jpegWithGps({ width: 640, height: 480 }) }])).json().items[0].id;
    const handled = await louzhang.post(`/appeals/${id}/handle`, { note: '已和两家当面调解，约定周末九点后施工', photoRefs: [photo], internalNote: '装修队负责人电话已留' });
    expect(handled.statusCode).toBe(200);
    expect(handled.json().status).toBe('handled');
    // Handled work owes nothing on the clock: it leaves the badge count.
    const track = (await resident.get(`/appeals/track/${trackingCode}`)).json();
    expect(track.status).toBe('handled');
    const handledStep = track.timeline.find((e: any) => e.type === 'handled');
    expect(handledStep).toMatchObject({ note: '已和两家当面调解，约定周末九点后施工', photoRefs: [photo] });
    expect(JSON.stringify(track)).not.toContain('装修队负责人电话');
    expect(track.allowedActions).toEqual(expect.arrayContaining(['verify']));
    expect((await resident.post(`/appeals/${id}/verify`, { fixed: true })).statusCode).toBe(200);
    expect((await resident.post(`/appeals/${id}/close`, { satisfaction: 'satisfied' })).json().status).toBe('closed');
  });

  it('hides a building’s matters from the 楼长 of another building: not in their queue, not openable, not actionable', async () => {
    const { id } = (await resident.post('/appeals', { categoryCode: 'ebike_indoor_charging', description: '1栋楼道有电动车在充电', regionId: b1 })).json();
    expect((await otherHead.get('/appeals')).json().items.map((a: any) => a.id)).not.toContain(id);
    const open = await otherHead.get(`/appeals/${id}`);
    expect(open.statusCode).toBe(404);
    expect(open.headers['content-type']).toContain('application/problem+json');
    expect((await otherHead.post(`/appeals/${id}/accept`, {})).statusCode).toBe(404);
    expect((await otherHead.get('/appeals/counts')).json()).toEqual({ open: 0, overdue: 0 });
  });

  it('refuses the badge to someone with no queue (a resident) with 403', async () => {
    const res = await resident.get('/appeals/counts');
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

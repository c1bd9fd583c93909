import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { caller, regionId } from './appeals.fixtures.js';

describe('appeals: bad input and refusals', () => {
  let t: TestApp;
  let resident: ReturnType<typeof caller>;
  let admin: ReturnType<typeof caller>;
  let b1: string;
  beforeAll(async () => {
    t = await createTestApp();
    resident = caller(t, await t.login('13800000001'));
    admin = caller(t, await t.login('admin'));
    b1 = await regionId(t, 'GC-C01-G01-B01');
  });
  afterAll(async () => t?.close());

  it('refuses an unknown category with 400 on the field', async () => {
    const res = await resident.post('/appeals', { categoryCode: 'ufo_sighting', description: 'x', regionId: b1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('/body/categoryCode');
  });

  it('refuses a place outside the caller’s community with 400', async () => {
    const other = await regionId(t, 'GC-C02-G01-B01');
    const res = await resident.post('/appeals', { categoryCode: 'noise', description: '噪音', regionId: other });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: '/body/regionId', code: 'outside_scope' });
  });

  it('refuses a 100k-character description with 400', async () => {
    const res = await resident.post('/appeals', { categoryCode: 'noise', description: '吵'.repeat(100_000), regionId: b1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: '/body/description', code: 'maxLength' });
  });

  it('checks the category’s typed questions', async () => {
    const res = await resident.post('/appeals', { categoryCode: 'objects_from_height', description: '楼上扔下花盆', regionId: b1, answers: { injured: 'yes' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('/body/answers/injured');
  });

  it('stops a resident from posing as the hotline', async () => {
    const res = await resident.post('/appeals', { categoryCode: 'noise', description: '噪音', regionId: b1, source: 'hotline', caller: { name: '张三' } });
    expect(res.statusCode).toBe(403);
  });

  it('answers an action not allowed in the state with 409 and the allowed actions; a wrong role with 403', async () => {
    const id = (await resident.post('/appeals', { categoryCode: 'noise', description: '夜里噪音', regionId: b1 })).json().id;
    const res = await admin.post(`/appeals/${id}/handle`, { note: '已处理' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('not_allowed_in_state');
    expect(res.json().allowedActions).toEqual(expect.arrayContaining(['accept', 'start', 'dispatch']));
    expect((await resident.post(`/appeals/${id}/accept`)).statusCode).toBe(403);
    // A stale version is a conflict, not a silent overwrite.
    expect((await admin.post(`/appeals/${id}/accept`, { version: 7 })).statusCode).toBe(409);
    // Staff of another community do not see it at all.
    const c2 = await regionId(t, 'GC-C02');
    const [{ id: personId }] = (await t.database.db.execute(`select id from people where name = '社区工作者'`) as any).rows;
    await t.database.db.execute(`insert into role_assignments (id, person_id, role, region_id, region_path, start_date) select gen_random_uuid(), '${personId}', 'community_staff', id, path, '2024-01-01' from regions where id = '${c2}'`);
    await t.database.db.execute(`delete from role_assignments where person_id = '${personId}' and region_id <> '${c2}'`);
    const outsider = caller(t, await t.login('worker'));
    expect((await outsider.get(`/appeals/${id}`)).statusCode).toBe(404);
    expect((await outsider.post(`/appeals/${id}/accept`)).statusCode).toBe(404);
  });

  it('keeps the timeline append-only', async () => {
    await expect(t.database.db.execute('update appeal_events set public_note = \'x\'')).rejects.toThrow();
  });

  it('refuses unknown fields and bad tracking codes', async () => {
    expect((await resident.post('/appeals', { categoryCode: 'noise', description: 'x', regionId: b1, priority: 'urgent' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/appeals/track/NOPE0NOPE0' })).statusCode).toBe(404);
  });
});

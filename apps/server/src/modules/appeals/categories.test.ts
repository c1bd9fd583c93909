import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { caller, regionId } from './appeals.fixtures.js';
import { categoriesGeneration } from './appeals.categories-cache.js';
import { workingCalendar } from './appeals.setup.js';

/** Admins edit the category tree; residents and Open311 clients see the edits at once; nothing is ever deleted. */
let t: TestApp;
let admin: string;
let b1: string;
let resident: ReturnType<typeof caller>;

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, cookie = admin) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie, 'accept-language': 'en' }, ...(payload === undefined ? {} : { payload: payload as any }) });

async function rows(query: ReturnType<typeof sql>): Promise<any[]> {
  return ((await t.database.db.execute(query)) as unknown as { rows: any[] }).rows;
}
async function byCode(code: string) {
  return (await call('GET', '/appeal-categories')).json().items.find((c: any) => c.code === code);
}
const residentCodes = async () => (await resident.get('/appeals/categories')).json().items.map((c: any) => c.code) as string[];
const serviceCodes = async () => ((await t.app.inject({ url: '/open311/v2/services.json' })).json() as any[]).map((s) => s.service_code);

const question = { key: 'floor', label: { zh: '楼层', en: 'Floor' }, type: 'number', required: true };
const newCategory = { code: 'balcony_planters', parentCode: 'safety_hazard', name: { zh: '阳台花盆坠落隐患', en: 'Planters on balconies' }, defaultLevel: 'grid', sla: { grid: { response: { amount: 2, unit: 'hours' }, resolution: { amount: 2, unit: 'days' } } }, questions: [question], mediation: false, sortOrder: 84 };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  resident = caller(t, await t.login('13800000001'));
  b1 = await regionId(t, 'GC-C01-G01-B01');
});
afterAll(async () => t?.close());

describe('who may edit the tree', () => {
  it('lists every category with the admin’s actions; staff and residents get 403, strangers 401', async () => {
    const res = await call('GET', '/appeal-categories');
    expect(res.statusCode).toBe(200);
    expect(res.json().allowedActions).toEqual(['create']);
    const safety = res.json().items.find((c: any) => c.code === 'safety_hazard');
    expect(safety).toMatchObject({ active: true, allowedActions: ['edit', 'deactivate', 'add_child'] });
    expect(res.json().items.find((c: any) => c.code === 'blocked_fire_exit').allowedActions).toEqual(['edit', 'deactivate']);
    for (const login of ['worker', 'gridworker', 'auditor', '13800000001']) {
      const cookie = await t.login(login);
      expect((await call('GET', '/appeal-categories', undefined, cookie)).statusCode).toBe(403);
      expect((await call('POST', '/appeal-categories', { ...newCategory, code: 'x_by_staff' }, cookie)).statusCode).toBe(403);
      expect((await call('PATCH', `/appeal-categories/${safety.id}`, { mediation: true }, cookie)).statusCode).toBe(403);
      expect((await call('POST', `/appeal-categories/${safety.id}/deactivate`, undefined, cookie)).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/appeal-categories' })).statusCode).toBe(401);
  });
});

describe('adding a category', () => {
  it('a new kind under 安全隐患 reaches residents and Open311 (with its question as an attribute), audited', async () => {
    const before = categoriesGeneration();
    const res = await call('POST', '/appeal-categories', newCategory);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ code: 'balcony_planters', parentCode: 'safety_hazard', active: true, questions: [question] });
    expect(categoriesGeneration()).toBeGreaterThan(before);
    expect(await residentCodes()).toContain('balcony_planters');
    const services = (await t.app.inject({ url: '/open311/v2/services.json' })).json() as any[];
    expect(services.find((s) => s.service_code === 'balcony_planters')).toMatchObject({ group: '安全隐患', metadata: true });
    const def = (await t.app.inject({ url: '/open311/v2/services/balcony_planters.json' })).json();
    expect(def.attributes[0]).toMatchObject({ code: 'floor', datatype: 'number', required: true });
    const audit = await rows(sql`select action, region_path, after from audit_log where entity_type = 'appeal_category' and entity_id = ${res.json().id}`);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'appeal_category.create', after: { code: 'balcony_planters', questions: [question] } });
    expect(audit[0].region_path).toMatch(/^\/.+\/$/);
    // The new question is asked of residents.
    const noAnswer = await resident.post('/appeals', { categoryCode: 'balcony_planters', description: '花盆摇摇欲坠', regionId: b1 });
    expect(noAnswer.statusCode).toBe(400);
    expect(noAnswer.json().errors[0].field).toBe('/body/answers/floor');
    expect((await resident.post('/appeals', { categoryCode: 'balcony_planters', description: '花盆摇摇欲坠', regionId: b1, answers: { floor: 12 } })).statusCode).toBe(201);
  });

  it('a taken code is 409, retired categories included', async () => {
    const res = await call('POST', '/appeal-categories', { ...newCategory, code: 'noise', parentCode: null });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('duplicate');
  });

  it('refuses a bad tree position, SLA or questions with field errors', async () => {
    const bad = async (body: unknown, field: string, code: string) => {
      const res = await call('POST', '/appeal-categories', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors).toContainEqual(expect.objectContaining({ field, code }));
      expect(res.json().errors.find((e: any) => e.field === field).message).toBeTruthy();
    };
    const base = { ...newCategory, code: 'probe' };
    await bad({ ...base, parentCode: 'blocked_fire_exit' }, '/body/parentCode', 'too_deep');
    await bad({ ...base, parentCode: 'ufo' }, '/body/parentCode', 'not_found');
    await bad({ ...base, sla: { grid: { response: { amount: 3, unit: 'days' }, resolution: { amount: 20, unit: 'hours' } } } }, '/body/sla/grid/response', 'sla_order');
    await bad({ ...base, sla: { grid: { response: { amount: 0, unit: 'hours' }, resolution: { amount: 1, unit: 'days' } } } }, '/body/sla/grid/response/amount', 'exclusiveMinimum');
    await bad({ ...base, sla: { grid: { response: { amount: 1, unit: 'weeks' }, resolution: { amount: 1, unit: 'days' } } } }, '/body/sla/grid/response/unit', 'enum');
    await bad({ ...base, sla: { planet: { response: { amount: 1, unit: 'hours' }, resolution: { amount: 1, unit: 'days' } } } }, '/body/sla/planet', 'additionalProperties');
    await bad({ ...base, questions: [question, question] }, '/body/questions/1/key', 'duplicate_key');
    await bad({ ...base, questions: [{ ...question, type: 'choice' }] }, '/body/questions/0/choices', 'choices_required');
    await bad({ ...base, questions: [{ ...question, type: 'text', choices: [{ key: 'a', zh: 'a', en: 'a' }] }] }, '/body/questions/0/choices', 'choices_not_allowed');
    await bad({ ...base, questions: [{ ...question, key: 'Floor Number' }] }, '/body/questions/0/key', 'pattern');
    await bad({ ...base, questions: [{ ...question, type: 'date' }] }, '/body/questions/0/type', 'enum');
    await bad({ ...base, defaultLevel: 'department', department: null }, '/body/department', 'department_required');
    await bad({ ...base, code: 'Bad Code' }, '/body/code', 'pattern');
    expect(await byCode('probe')).toBeUndefined();
  });
});

describe('editing and retiring', () => {
  it('edits names, SLA, questions and mediation with the before and after in the audit trail', async () => {
    const noise = await byCode('noise');
    const choice = { key: 'source', label: { zh: '声源', en: 'Source' }, type: 'choice', required: true, choices: [{ key: 'neighbour', zh: '邻居', en: 'Neighbour' }, { key: 'shop', zh: '商铺', en: 'Shop' }] };
    const res = await call('PATCH', `/appeal-categories/${noise.id}`, { name: { zh: '噪音扰民', en: 'Noise nuisance' }, questions: [...noise.questions, choice], sla: { grid: { response: { amount: 1, unit: 'hours' }, resolution: { amount: 1, unit: 'days' } } }, mediation: false });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: { zh: '噪音扰民' }, mediation: false, sla: { grid: { response: { amount: 1, unit: 'hours' } } } });
    const listed = (await resident.get('/appeals/categories')).json().items.find((c: any) => c.code === 'noise');
    expect(listed.name.zh).toBe('噪音扰民');
    expect(listed.questions.map((q: any) => q.key)).toEqual(['time_of_day', 'source']);
    expect(((await t.app.inject({ url: '/open311/v2/services.json' })).json() as any[]).find((s) => s.service_code === 'noise').service_name).toBe('噪音扰民');
    const [audit] = await rows(sql`select before, after from audit_log where action = 'appeal_category.edit' and entity_id = ${noise.id}`);
    expect(audit.before).toMatchObject({ name: { zh: '噪音' }, mediation: true });
    expect(audit.after).toMatchObject({ name: { zh: '噪音扰民' }, mediation: false });
    // A wrong answer to the new choice question is refused on the field.
    const wrong = await resident.post('/appeals', { categoryCode: 'noise', description: '楼下KTV', regionId: b1, answers: { source: 'ktv' } });
    expect(wrong.json().errors[0]).toMatchObject({ field: '/body/answers/source', code: 'enum' });
    // The submission picks up the new SLA target: a grid-level appeal must be answered within one working hour.
    const created = await resident.post('/appeals', { categoryCode: 'noise', description: '楼下商铺音响', regionId: b1, answers: { source: 'shop' } });
    expect(created.statusCode).toBe(201);
    const detail = (await call('GET', `/appeals/${created.json().id}`)).json();
    expect(detail.unit.level).toBe('grid');
    expect(detail.responseDueAt).toBe(new Date(workingCalendar.addWorkingHours(Date.parse(detail.submittedAt), 1)).toISOString());
  });

  it('refuses an edit that breaks the settings, an empty edit, an unknown id', async () => {
    const noise = await byCode('noise');
    const res = await call('PATCH', `/appeal-categories/${noise.id}`, { sla: { community: { response: { amount: 2, unit: 'days' }, resolution: { amount: 1, unit: 'days' } } } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: '/body/sla/community/response', code: 'sla_order' });
    expect((await call('PATCH', `/appeal-categories/${noise.id}`, {})).statusCode).toBe(400);
    expect((await call('PATCH', `/appeal-categories/${noise.id}`, { code: 'renamed' })).json().errors[0]).toMatchObject({ field: '/body/code', code: 'additionalProperties' });
    expect((await call('PATCH', '/appeal-categories/0190a2a4-0000-7000-8000-000000000000', { mediation: true })).statusCode).toBe(404);
    expect((await call('PATCH', '/appeal-categories/not-a-uuid', { mediation: true })).statusCode).toBe(400);
  });

  it('retiring a group retires its kinds: gone for residents and Open311, old appeals keep their category', async () => {
    const old = await resident.post('/appeals', { categoryCode: 'blocked_fire_exit', description: '消防通道堆满杂物', regionId: b1 });
    expect(old.statusCode).toBe(201);
    const safety = await byCode('safety_hazard');
    const res = await call('POST', `/appeal-categories/${safety.id}/deactivate`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ active: false, allowedActions: ['activate'] });
    const all = (await call('GET', '/appeal-categories')).json().items;
    for (const code of ['objects_from_height', 'ebike_indoor_charging', 'blocked_fire_exit', 'balcony_planters']) expect(all.find((c: any) => c.code === code)).toMatchObject({ active: false, allowedActions: [] });
    expect(await residentCodes()).not.toContain('blocked_fire_exit');
    expect(await residentCodes()).not.toContain('safety_hazard');
    expect(await serviceCodes()).not.toContain('blocked_fire_exit');
    expect((await t.app.inject({ url: '/open311/v2/services/blocked_fire_exit.json' })).statusCode).toBe(404);
    const refused = await resident.post('/appeals', { categoryCode: 'blocked_fire_exit', description: '又堵了', regionId: b1 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('/body/categoryCode');
    // The old report still reads with its category, for the reporter and for staff.
    const mine = await resident.get(`/appeals/track/${old.json().trackingCode}`);
    expect(mine.statusCode).toBe(200);
    expect(JSON.stringify(mine.json())).toContain('消防通道堵塞');
    expect((await call('GET', `/appeals/${old.json().id}`)).json().category.code).toBe('blocked_fire_exit');
    const audited = await rows(sql`select count(*)::int as n from audit_log where action = 'appeal_category.deactivate'`);
    expect(audited[0].n).toBe(5);
    // Nothing was deleted.
    expect((await rows(sql`select count(*)::int as n from appeal_categories where code = 'blocked_fire_exit'`))[0].n).toBe(1);
  });

  it('a retired category is not edited; a kind comes back only after its group', async () => {
    const fire = await byCode('blocked_fire_exit');
    const safety = await byCode('safety_hazard');
    expect((await call('PATCH', `/appeal-categories/${fire.id}`, { mediation: true })).json()).toMatchObject({ status: 409, allowedActions: ['activate'] });
    expect((await call('POST', `/appeal-categories/${fire.id}/deactivate`)).statusCode).toBe(409);
    const early = await call('POST', `/appeal-categories/${fire.id}/activate`);
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('Safety hazard');
    expect((await call('POST', `/appeal-categories/${safety.id}/activate`)).json()).toMatchObject({ active: true });
    expect(await residentCodes()).toContain('safety_hazard');
    expect(await residentCodes()).not.toContain('blocked_fire_exit');
    expect((await call('POST', `/appeal-categories/${fire.id}/activate`)).json()).toMatchObject({ active: true, allowedActions: ['edit', 'deactivate'] });
    expect(await serviceCodes()).toContain('blocked_fire_exit');
    expect((await resident.post('/appeals', { categoryCode: 'blocked_fire_exit', description: '又堵了', regionId: b1 })).statusCode).toBe(201);
    expect((await call('POST', `/appeal-categories/${fire.id}/activate`)).statusCode).toBe(409);
  });
});

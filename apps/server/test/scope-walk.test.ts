import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from './helpers.js';
import { accounts, auditLog, households, people, regions, roleAssignments } from '../src/db/schema/index.js';

/**
 * A scripted walk through the registry as each demo role: each lists people, households, assignments and
 * regions and sees exactly the records under its scope (compared with the database, not with fixed counts,
 * because the demo data comes from a generator), is refused outside it, and every change made along the
 * way is in the audit trail.
 */
describe('scope walk as each demo role', () => {
  let t: TestApp;
  const cookie: Record<string, string> = {};
  const personOf: Record<string, { id: string; householdId: string | null }> = {};
  const path: Record<string, string> = {};
  const id: Record<string, string> = {};
  /** Changes made during the walk, to find in the audit trail: [action, entityId, login]. */
  const changes: [string, string, string][] = [];

  const call = async (login: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: cookie[login] }, ...(payload ? { payload } : {}) });
  const ok = async (login: string, method: 'POST' | 'PATCH', url: string, payload: object, action: string, entity?: (body: any) => string) => {
    const res = await call(login, method, url, payload);
    expect(res.statusCode, `${login} ${method} ${url}: ${res.body}`).toBeLessThan(300);
    const body = res.json();
    changes.push([action, entity ? entity(body) : body.id, login]);
    return body;
  };
  /** Every id a list returns, following cursors. */
  const listAll = async (login: string, url: string): Promise<string[]> => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const sep = url.includes('?') ? '&' : '?';
      const res = await call(login, 'GET', `${url}${sep}limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, `${login} GET ${url}`).toBe(200);
      const page = res.json();
      ids.push(...page.items.map((x: any) => x.id));
      cursor = page.nextCursor;
    } while (cursor);
    return ids.sort();
  };
  /** What the database holds under a subtree (null = everything). */
  const expected = async (under: string | null) => {
    const inside = (p: string) => under === null || p.startsWith(under);
    const db = t.database.db;
    const ids = (rows: { id: string; p: string }[]) => rows.filter((r) => inside(r.p)).map((r) => r.id).sort();
    return {
      people: ids(await db.select({ id: people.id, p: people.homePath }).from(people)),
      households: ids(await db.select({ id: households.id, p: households.regionPath }).from(households)),
      assignments: ids(await db.select({ id: roleAssignments.id, p: roleAssignments.regionPath }).from(roleAssignments)),
      regions: ids(await db.select({ id: regions.id, p: regions.path }).from(regions)),
    };
  };
  const seen = async (login: string) => ({
    people: await listAll(login, '/people'),
    households: await listAll(login, '/households'),
    assignments: await listAll(login, '/assignments'),
    regions: await listAll(login, '/regions'),
  });

  beforeAll(async () => {
    t = await createTestApp();
    for (const login of ['admin', 'auditor', 'worker', 'louzhang', '13800000001']) {
      cookie[login] = await t.login(login);
      const [row] = await t.database.db.select({ id: people.id, householdId: people.householdId }).from(people).innerJoin(accounts, eq(accounts.personId, people.id)).where(eq(accounts.login, login));
      personOf[login] = row;
    }
    for (const r of await t.database.db.select().from(regions)) {
      path[r.code] = r.path;
      id[r.code] = r.id;
    }

    // The records the walk needs, made through the API by the roles that would make them.
    const person = (login: string, name: string, code: string, phone: string) => ok(login, 'POST', '/people', { name, phone, homeRegionId: id[code] }, 'person.create');
    const inB01 = await person('admin', '走查本楼', 'GC-C01-G01-B01', '13911110001');
    const inB02 = await person('admin', '走查邻楼', 'GC-C01-G01-B02', '13911110002');
    const inC02 = await person('admin', '走查他社区', 'GC-C02-G01', '13911110003');
    const byWorker = await person('worker', '走查社区登记', 'GC-C01-G02', '13911110004');
    id.inB01 = inB01.id;
    id.inB02 = inB02.id;
    id.inC02 = inC02.id;
    await ok('worker', 'PATCH', `/people/${byWorker.id}`, { name: '走查社区登记（改）', partyMember: true }, 'person.update');
    const household = (login: string, code: string, room: string) => ok(login, 'POST', '/households', { regionId: id[code], address: `走查路${room}`, room }, 'household.create');
    id.hB01 = (await household('worker', 'GC-C01-G01-B01', 'WALK-1')).id;
    id.hB02 = (await household('worker', 'GC-C01-G01-B02', 'WALK-2')).id;
    id.hC02 = (await household('admin', 'GC-C02-G01-B01', 'WALK-3')).id;
    await ok('worker', 'POST', `/households/${id.hB01}/members`, { personId: inB01.id, relation: 'head' }, 'household.add_member', () => inB01.id);
    const assignment = await ok('worker', 'POST', '/assignments', { personId: inB02.id, role: 'volunteer', regionId: id['GC-C01-G01-B02'], startDate: '2026-01-01' }, 'assignment.create');
    await ok('worker', 'POST', `/assignments/${assignment.id}/end`, { endDate: '2026-11-19', reason: '走查结束' }, 'assignment.end');
    await ok('admin', 'POST', '/assignments', { personId: inC02.id, role: 'mediator', regionId: id['GC-C02'], startDate: '2026-01-01' }, 'assignment.create');
    await ok('louzhang', 'POST', `/people/${inB01.id}/reveal`, { fields: ['phone'], reason: '楼长联系住户' }, 'person.reveal', () => inB01.id);
    await ok('13800000001', 'POST', `/people/${personOf['13800000001'].id}/reveal`, { fields: ['phone', 'idNumber'], reason: '查看本人信息' }, 'person.reveal', () => personOf['13800000001'].id);
  });
  afterAll(async () => t?.close());

  it('the subdistrict admin sees everything', async () => {
    expect(await seen('admin')).toEqual(await expected(null));
  });

  it('the auditor sees everything but changes and reveals nothing', async () => {
    expect(await seen('auditor')).toEqual(await expected(null));
    expect((await call('auditor', 'POST', '/people', { name: '审计不能登记', homeRegionId: id['GC-C01'] })).statusCode).toBe(403);
    expect((await call('auditor', 'POST', `/people/${id.inB01}/reveal`, { fields: ['phone'], reason: '审计抽查' })).statusCode).toBe(403);
    expect((await call('auditor', 'PATCH', `/households/${id.hB01}`, { address: '改不了' })).statusCode).toBe(403);
  });

  it('the community worker sees only community GC-C01 and is refused elsewhere', async () => {
    const s = await seen('worker');
    expect(s).toEqual(await expected(path['GC-C01']));
    expect(s.people).toContain(id.inB01);
    expect(s.people).not.toContain(id.inC02);
    expect((await call('worker', 'GET', `/people/${id.inC02}`)).statusCode).toBe(403);
    expect((await call('worker', 'GET', `/households/${id.hC02}`)).statusCode).toBe(403);
    expect((await call('worker', 'GET', `/people?regionId=${id['GC-C02']}`)).statusCode).toBe(403);
    expect((await call('worker', 'PATCH', `/people/${id.inC02}`, { name: '越权' })).statusCode).toBe(403);
    expect((await call('worker', 'POST', `/people/${id.inC02}/reveal`, { fields: ['phone'], reason: '越权查看' })).statusCode).toBe(403);
  });

  it('the 楼长 sees only building GC-C01-G01-B01 and is refused elsewhere', async () => {
    expect(await seen('louzhang')).toEqual(await expected(path['GC-C01-G01-B01']));
    expect((await call('louzhang', 'GET', `/households/${id.hB02}`)).statusCode).toBe(403);
    expect((await call('louzhang', 'GET', `/people/${id.inB02}`)).statusCode).toBe(403);
    expect((await call('louzhang', 'GET', `/households/${id.hB01}`)).statusCode).toBe(200);
    expect((await call('louzhang', 'POST', '/people', { name: '楼长不能登记', homeRegionId: id['GC-C01-G01-B01'] })).statusCode).toBe(403);
    expect((await call('louzhang', 'POST', `/people/${id.inB01}/reveal`, { fields: ['idNumber'], reason: '查看身份证' })).statusCode).toBe(403);
  });

  it('the resident sees only their own records', async () => {
    const me = personOf['13800000001'];
    for (const list of ['/people', '/households', '/assignments', '/regions']) {
      expect((await call('13800000001', 'GET', list)).statusCode, list).toBe(403);
    }
    expect((await call('13800000001', 'GET', `/people/${me.id}`)).statusCode).toBe(200);
    expect((await call('13800000001', 'GET', `/households/${me.householdId}`)).statusCode).toBe(200);
    expect((await call('13800000001', 'GET', `/people/${id.inB01}`)).statusCode).toBe(403);
    expect((await call('13800000001', 'GET', `/households/${id.hB01}`)).statusCode).toBe(403);
    expect((await call('13800000001', 'POST', '/people', { name: '居民不能登记', homeRegionId: id['GC-C01-G01-B01'] })).statusCode).toBe(403);
    const n = (await call('13800000001', 'GET', '/me/neighbourhood')).json();
    expect(n.household.id).toBe(me.householdId);
  });

  it('every change made in the walk is in the audit trail, attributed to who made it', async () => {
    expect(changes).toHaveLength(14);
    const rows = await t.database.db.select().from(auditLog);
    for (const [action, entityId, login] of changes) {
      const hit = rows.find((r) => r.action === action && r.entityId === entityId && r.actorPersonId === personOf[login].id);
      expect(hit, `${action} ${entityId} by ${login}`).toBeDefined();
    }
    // The reveals name the reason, and the clear phone number never enters the trail.
    const reveals = rows.filter((r) => r.action === 'person.reveal');
    expect(reveals.map((r) => (r.after as any).reason)).toEqual(expect.arrayContaining(['楼长联系住户', '查看本人信息']));
    expect(JSON.stringify(rows.filter((r) => r.entityId === id.inB01))).not.toContain('13911110001');
  });
});

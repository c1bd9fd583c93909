import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { auditLog, regions } from '../../db/schema/index.js';

describe('region tree', () => {
  let t: TestApp;
  let admin: string;
  let worker: string;
  const idOf = async (code: string) => (await t.database.db.select().from(regions).where(eq(regions.code, code)))[0];

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    worker = await t.login('worker');
  });
  afterAll(async () => t?.close());

  it('lists child counts and pages with a cursor', async () => {
    const root = await idOf('GC');
    const res = await t.app.inject({ url: `/api/v1/regions?parentId=${root.id}&limit=1`, headers: { cookie: admin } });
    expect(res.statusCode).toBe(200);
    const page1 = res.json();
    expect(page1.items).toHaveLength(1);
    expect(page1.items[0].childCount).toBeGreaterThan(0);
    expect(page1.nextCursor).toBeTruthy();
    const page2 = (await t.app.inject({ url: `/api/v1/regions?parentId=${root.id}&limit=1&cursor=${page1.nextCursor}`, headers: { cookie: admin } })).json();
    expect(page2.items[0].id).not.toBe(page1.items[0].id);
    const bad = await t.app.inject({ url: `/api/v1/regions?cursor=garbage`, headers: { cookie: admin } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('/query/cursor');
  });

  it('shows a community worker only their community', async () => {
    const res = (await t.app.inject({ url: '/api/v1/regions?limit=200', headers: { cookie: worker } })).json();
    const c1 = await idOf('GC-C01');
    expect(res.items.length).toBeGreaterThan(0);
    for (const r of res.items) expect(r.path.startsWith(c1.path)).toBe(true);
    const other = await idOf('GC-C02');
    const denied = await t.app.inject({ url: `/api/v1/regions/${other.id}`, headers: { cookie: worker } });
    expect(denied.statusCode).toBe(403);
  });

  it('creates a building under a compound and refuses a kind that does not fit the level', async () => {
    const compound = await idOf('GC-C01-G01');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/regions', headers: { cookie: admin }, payload: { parentId: compound.id, kind: 'compound', code: 'GC-C01-G01-X', name: '错误' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('/body/kind');
    // community staff hold no region.manage: the tree is kept by the subdistrict
    const denied = await t.app.inject({ method: 'POST', url: '/api/v1/regions', headers: { cookie: worker }, payload: { parentId: compound.id, kind: 'building', code: 'GC-C01-G01-B09', name: '9栋' } });
    expect(denied.statusCode).toBe(403);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/regions', headers: { cookie: admin }, payload: { parentId: compound.id, kind: 'building', code: 'GC-C01-G01-B09', name: '9栋' } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().level).toBe('grid3');
    const dup = await t.app.inject({ method: 'POST', url: '/api/v1/regions', headers: { cookie: admin }, payload: { parentId: compound.id, kind: 'building', code: 'GC-C01-G01-B09', name: '9栋' } });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().errors[0].field).toBe('/body/code');
  });

  it('renames and moves a node, keeping its history and moving its scope', async () => {
    const building = await idOf('GC-C01-G01-B02');
    const target = await idOf('GC-C02-G01');
    const renamed = await t.app.inject({ method: 'POST', url: `/api/v1/regions/${building.id}/rename`, headers: { cookie: admin }, payload: { name: '二号楼', reason: '门牌调整' } });
    expect(renamed.json().name).toBe('二号楼');
    const moved = await t.app.inject({ method: 'POST', url: `/api/v1/regions/${building.id}/move`, headers: { cookie: admin }, payload: { newParentId: target.id } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().path.startsWith(target.path)).toBe(true);
    const history = (await t.app.inject({ url: `/api/v1/regions/${building.id}/history`, headers: { cookie: admin } })).json().items;
    expect(history.map((h: { change: string }) => h.change)).toEqual(['created', 'renamed', 'moved']);
    expect(history[0].name).toBe('2栋');
    expect(history[0].validTo).not.toBeNull();
    expect(history[2].validTo).toBeNull();
    // the worker of the first community no longer sees the moved building
    expect((await t.app.inject({ url: `/api/v1/regions/${building.id}`, headers: { cookie: worker } })).statusCode).toBe(403);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, building.id));
    expect(audits.map((a) => a.action).sort()).toEqual(['region.move', 'region.rename']);
  });

  it('refuses to move a node under its own subtree or onto the wrong level', async () => {
    const community = await idOf('GC-C01');
    const compound = await idOf('GC-C01-G01');
    const cycle = await t.app.inject({ method: 'POST', url: `/api/v1/regions/${community.id}/move`, headers: { cookie: admin }, payload: { newParentId: compound.id } });
    expect(cycle.statusCode).toBe(400);
    const building = await idOf('GC-C01-G01-B01');
    const level = await t.app.inject({ method: 'POST', url: `/api/v1/regions/${building.id}/move`, headers: { cookie: admin }, payload: { newParentId: community.id } });
    expect(level.statusCode).toBe(400);
    expect(level.json().errors[0].code).toBe('level');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUSEHOLD_COLUMNS, ROSTER_COLUMNS } from '@shuren/core';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { multipart, readWorkbook } from './test-support.js';

describe('import templates and the region ledger export', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  afterAll(async () => t?.close());

  const headerOf = (ws: Awaited<ReturnType<typeof readWorkbook>>) => (ws.getRow(1).values as unknown[]).slice(1);

  it('serves a roster template whose example row passes the dry-run', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/imports/roster/template.xlsx', headers: { cookie: admin } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const ws = await readWorkbook(res.rawPayload);
    expect(headerOf(ws)).toEqual([...ROSTER_COLUMNS]);
    expect(ws.getRow(2).getCell(1).value).toBe('张三');
    const m = multipart(res.rawPayload);
    const dry = await t.app.inject({ method: 'POST', url: '/api/v1/imports/roster', headers: { ...m.headers, cookie: admin }, payload: m.payload });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, rowCount: 1 });
  });

  it('serves a household template with the header and one example row', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/imports/households/template.xlsx', headers: { cookie: admin } });
    const ws = await readWorkbook(res.rawPayload);
    expect(headerOf(ws)).toEqual([...HOUSEHOLD_COLUMNS]);
    expect(ws.actualRowCount).toBe(2);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/imports/households/template.xlsx', headers: { cookie: await t.login('louzhang') } })).statusCode).toBe(403);
  });

  it('exports the regions of the caller’s scope with the list filters', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/regions?level=grid3&limit=200', headers: { cookie: admin } })).json().items;
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/regions/export.xlsx?level=grid3', headers: { cookie: admin } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const ws = await readWorkbook(res.rawPayload);
    expect(headerOf(ws)).toEqual(['编码', '名称', '层级', '类型', '下级数量', '创建时间', '编号']);
    expect(ws.actualRowCount - 1).toBe(list.length);
    expect(ws.getRow(2).getCell(3).value).toBe('三级网格');

    // A 楼长 sees only their building.
    const mine = await t.app.inject({ method: 'GET', url: '/api/v1/regions/export.xlsx', headers: { cookie: await t.login('louzhang') } });
    const codes = (await readWorkbook(mine.rawPayload)).getColumn(1).values.slice(2);
    expect(codes).toEqual(['GC-C01-G01-B01']);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/regions/export.xlsx?limit=5', headers: { cookie: admin } })).statusCode).toBe(400);
  });
});

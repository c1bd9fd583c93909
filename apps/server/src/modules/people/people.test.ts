import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { idCheckChar } from '@shuren/core';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { auditLog, people, regions } from '../../db/schema/index.js';

/** A valid 18-character ID number for a birth date (sequence digits vary it). */
function idNumber(birth: string, seq: string): string {
  const first17 = `440605${birth}${seq}`;
  return first17 + idCheckChar(first17);
}

describe('people registry', () => {
  let t: TestApp;
  let admin: string, worker: string, louzhang: string, resident: string;
  const region: Record<string, string> = {};
  const inject = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) => t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestApp();
    [admin, worker, louzhang, resident] = await Promise.all(['admin', 'worker', 'louzhang', '13800000001'].map((l) => t.login(l)));
    for (const r of await t.database.db.select().from(regions)) region[r.code] = r.id;
  });
  afterAll(async () => t?.close());

  it('registers a person with a Chinese name and shows phone and ID number masked', async () => {
    const id = idNumber('19800101', '123');
    const res = await inject('POST', '/people', worker, { name: '陈美玲', gender: 'female', birthYear: 1980, phone: '13912345678', idNumber: id, partyMember: true, homeRegionId: region['GC-C01-G01'] });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p.phone).toBe('139****5678');
    expect(p.idNumber).toBe(`${id.slice(0, 4)}**********${id.slice(-4)}`);
    expect(p.phoneMasked).toBe(true);
    expect(p.idNumberMasked).toBe(true);
    expect(p.allowedActions).toEqual(expect.arrayContaining(['edit', 'revealPhone', 'revealIdNumber']));
    const [audit] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, p.id), eq(auditLog.action, 'person.create')));
    expect(audit).toBeDefined();
    // The trail never holds the clear values.
    expect(JSON.stringify(audit.after)).not.toContain('13912345678');
    expect(JSON.stringify(audit.after)).not.toContain(id);
  });

  it('refuses a bad phone, a bad ID checksum and an unknown field with field paths', async () => {
    const bad = await inject('POST', '/people', worker, { name: '张三', phone: '12345678901', homeRegionId: region['GC-C01'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: any) => e.field)).toContain('/body/phone');
    const valid = idNumber('19900215', '456');
    const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    const badId = await inject('POST', '/people', worker, { name: '张三', idNumber: wrongCheck, homeRegionId: region['GC-C01'] });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().errors[0]).toMatchObject({ field: '/body/idNumber', code: 'checksum' });
    const unknown = await inject('POST', '/people', worker, { name: '张三', nickname: '阿三', homeRegionId: region['GC-C01'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('/body/nickname');
    const missing = await inject('POST', '/people', worker, { name: '张三' });
    expect(missing.json().errors[0].field).toBe('/body/homeRegionId');
  });

  it('refuses a second person with the same ID number with 409 on the field', async () => {
    const id = idNumber('19751230', '777');
    expect((await inject('POST', '/people', worker, { name: '李一', idNumber: id, homeRegionId: region['GC-C01'] })).statusCode).toBe(201);
    const dup = await inject('POST', '/people', worker, { name: '李二', idNumber: id, homeRegionId: region['GC-C01'] });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0]).toMatchObject({ field: '/body/idNumber', code: 'duplicate' });
  });

  it('refuses to register a person outside the caller’s community with 403, and an unknown region with 400', async () => {
    expect((await inject('POST', '/people', worker, { name: '王五', homeRegionId: region['GC-C02'] })).statusCode).toBe(403);
    const unknown = await inject('POST', '/people', worker, { name: '王五', homeRegionId: '01890000-0000-7000-8000-000000000000' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('/body/homeRegionId');
    expect((await inject('POST', '/people', louzhang, { name: '王五', homeRegionId: region['GC-C01-G01-B01'] })).statusCode).toBe(403);
  });

  it('edits details with before/after in the audit trail', async () => {
    const created = (await inject('POST', '/people', worker, { name: '赵六', phone: '13700001111', homeRegionId: region['GC-C01'] })).json();
    const res = await inject('PATCH', `/people/${created.id}`, worker, { name: '赵六六', phone: '13700002222', homeRegionId: region['GC-C01-G02'] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '赵六六', phone: '137****2222', homeRegionId: region['GC-C01-G02'] });
    const [row] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, 'person.update')));
    expect(row.before).toMatchObject({ name: '赵六', phone: '137****1111' });
    expect(row.after).toMatchObject({ name: '赵六六', phone: '137****2222', piiChanged: ['phone'] });
    // Moving a person out of the worker's community is refused.
    expect((await inject('PATCH', `/people/${created.id}`, worker, { homeRegionId: region['GC-C02'] })).statusCode).toBe(403);
    expect((await inject('PATCH', `/people/${created.id}`, worker, {})).statusCode).toBe(400);
    expect((await inject('PATCH', '/people/01890000-0000-7000-8000-000000000000', worker, { name: '无' })).statusCode).toBe(404);
  });

  it('reveals a phone to an entitled worker and audits every reveal with its reason', async () => {
    const created = (await inject('POST', '/people', admin, { name: '钱七', phone: '13611112222', idNumber: idNumber('19601010', '321'), homeRegionId: region['GC-C01-G01-B01'] })).json();
    const res = await inject('POST', `/people/${created.id}/reveal`, worker, { fields: ['phone', 'idNumber'], reason: '上门走访前联系' });
    expect(res.statusCode).toBe(200);
    expect(res.json().phone).toBe('13611112222');
    expect(res.json().idNumber).toMatch(/^440605196010103/);
    await inject('POST', `/people/${created.id}/reveal`, worker, { fields: ['phone'], reason: '再次联系' });
    const rows = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, 'person.reveal')));
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => (r.after as any).reason).sort()).toEqual(['上门走访前联系', '再次联系']);
    expect(JSON.stringify(rows)).not.toContain('13611112222');
  });

  it('lets a 楼长 reveal a resident’s phone in the building but not the ID number', async () => {
    const created = (await inject('POST', '/people', admin, { name: '孙八', phone: '13622223333', idNumber: idNumber('19700101', '111'), homeRegionId: region['GC-C01-G01-B01'] })).json();
    expect((await inject('POST', `/people/${created.id}/reveal`, louzhang, { fields: ['phone'], reason: '楼长接待日' })).json().phone).toBe('13622223333');
    const refused = await inject('POST', `/people/${created.id}/reveal`, louzhang, { fields: ['idNumber'], reason: '核对身份' });
    expect(refused.statusCode).toBe(403);
    const count = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, 'person.reveal')));
    expect(count).toHaveLength(1);
  });

  it('lets a resident read and reveal their own record only, and refuses the list', async () => {
    const [me] = await t.database.db.select().from(people).where(eq(people.phone, '13800000001'));
    const own = await inject('GET', `/people/${me.id}`, resident);
    expect(own.statusCode).toBe(200);
    expect(own.json().phone).toBe('138****0001');
    const revealed = await inject('POST', `/people/${me.id}/reveal`, resident, { fields: ['phone'], reason: '查看本人信息' });
    expect(revealed.json().phone).toBe('13800000001');
    const other = (await inject('POST', '/people', admin, { name: '邻居', homeRegionId: region['GC-C01-G01-B01'] })).json();
    expect((await inject('GET', `/people/${other.id}`, resident)).statusCode).toBe(403);
    expect((await inject('GET', '/people', resident)).statusCode).toBe(403);
    expect((await inject('GET', '/people/01890000-0000-7000-8000-000000000000', resident)).statusCode).toBe(404);
    expect((await inject('POST', `/people/${other.id}/reveal`, resident, { fields: ['phone'], reason: '好奇' })).statusCode).toBe(403);
  });

  it('filters the list by region subtree, name, role and party membership, paging with cursors', async () => {
    for (let i = 0; i < 5; i++) await inject('POST', '/people', admin, { name: `翻页测试${i}`, partyMember: i % 2 === 0, homeRegionId: region['GC-C02-G01'] });
    const first = (await inject('GET', `/people?regionId=${region['GC-C02']}&q=翻页&limit=2`, admin)).json();
    expect(first.items).toHaveLength(2);
    const second = (await inject('GET', `/people?regionId=${region['GC-C02']}&q=翻页&limit=2&cursor=${first.nextCursor}`, admin)).json();
    const third = (await inject('GET', `/people?regionId=${region['GC-C02']}&q=翻页&limit=2&cursor=${second.nextCursor}`, admin)).json();
    const names = [...first.items, ...second.items, ...third.items].map((p: any) => p.name);
    expect(new Set(names).size).toBe(5);
    expect(third.nextCursor).toBeNull();
    const party = (await inject('GET', `/people?regionId=${region['GC-C02']}&q=翻页&partyMember=true`, admin)).json();
    expect(party.items).toHaveLength(3);
    const heads = (await inject('GET', `/people?role=building_head&regionId=${region['GC-C01-G01-B01']}&limit=200`, admin)).json();
    expect(heads.items.map((p: any) => p.name)).toContain('楼长');
    expect(heads.items.map((p: any) => p.name)).not.toContain('居民');
    const nobody = (await inject('GET', `/people?role=building_head&regionId=${region['GC-C02-G01']}&q=翻页`, admin)).json();
    expect(nobody.items).toEqual([]);
    // The worker asking for another community gets nothing of it.
    expect((await inject('GET', `/people?regionId=${region['GC-C02']}`, worker)).statusCode).toBe(403);
    const mine = (await inject('GET', '/people?limit=200', worker)).json();
    expect(mine.items.some((p: any) => p.name.startsWith('翻页测试'))).toBe(false);
    expect((await inject('GET', '/people?cursor=garbage', admin)).statusCode).toBe(400);
  });

  it('exports the ledger as Excel with masked columns', async () => {
    const res = await inject('GET', `/people/export.xlsx?regionId=${region['GC-C01']}`, worker);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe('姓名');
    const phones: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 1 && row.getCell(4).value) phones.push(String(row.getCell(4).value));
    });
    expect(phones.length).toBeGreaterThan(0);
    for (const p of phones) expect(p).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect((await inject('GET', '/people/export.xlsx', resident)).statusCode).toBe(403);
  });
});

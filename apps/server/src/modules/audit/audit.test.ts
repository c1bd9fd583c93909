import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { multipart, readWorkbook, ROSTER_HEADER, workbookOf } from '../imports/test-support.js';

describe('audit trail', () => {
  let t: TestApp;
  let admin: string;
  let auditor: string;
  let worker: string;
  let workerPersonId: string;
  const regionIdOf = async (code: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/regions?q=${code}`, headers: { cookie: admin } });
    return res.json().items.find((r: any) => r.code === code).id as string;
  };
  const get = (cookie: string, query: string) => t.app.inject({ method: 'GET', url: `/api/v1/audit${query}`, headers: { cookie } });
  const rename = (cookie: string, id: string, name: string) => t.app.inject({ method: 'POST', url: `/api/v1/regions/${id}/rename`, headers: { cookie }, payload: { name } });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    auditor = await t.login('auditor');
    worker = await t.login('worker');
    workerPersonId = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: worker } })).json().personId;
  });
  afterAll(async () => t?.close());

  it('shows a record’s history, newest first, with actor, before, after and request id', async () => {
    const b1 = await regionIdOf('GC-C01-G01-B01');
    const first = await rename(admin, b1, '一号楼');
    expect(first.statusCode).toBe(200);
    t.clock.advance(60_000);
    await rename(admin, b1, '一号楼（东）');
    const res = await get(auditor, `?entityType=region&entityId=${b1}`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((i: any) => i.action)).toEqual(['region.rename', 'region.rename']);
    expect(items[0]).toMatchObject({ actor: { name: '管理员' }, entity: { type: 'region', id: b1 }, before: { name: '一号楼' }, after: { name: '一号楼（东）' } });
    expect(items[1].requestId).toBe(first.headers['x-request-id']);
    expect(Date.parse(items[0].at)).toBeGreaterThan(Date.parse(items[1].at));
  });

  it('shows what one person did', async () => {
    const file = await workbookOf(ROSTER_HEADER, [['审计楼长', '17700009001', '', '楼长', 'GC-C01-G02-B01', '2026-03-01', '否']]);
    const m = multipart(file);
    const imported = await t.app.inject({ method: 'POST', url: '/api/v1/imports/roster?dryRun=false', headers: { ...m.headers, cookie: worker }, payload: m.payload });
    expect(imported.statusCode).toBe(201);
    const res = await get(auditor, `?personId=${workerPersonId}`);
    const items = res.json().items;
    expect(items.map((i: any) => i.action).sort()).toEqual(['assignment.create', 'import.roster', 'person.create']);
    expect(items.every((i: any) => i.actor.id === workerPersonId && i.actor.name === '社区工作者')).toBe(true);
    const created = items.find((i: any) => i.action === 'person.create');
    expect(created.after.phone).toBe('177****9001');
    // Nobody else's actions show up under this person.
    expect((await get(auditor, `?personId=${workerPersonId}&action=region.`)).json().items).toEqual([]);
  });

  it('filters by time window (from inclusive, to exclusive) and by action prefix', async () => {
    t.clock.advance(3600_000);
    const from = t.clock.now().toISOString();
    const b2 = await regionIdOf('GC-C01-G01-B02');
    await rename(admin, b2, '二号楼');
    t.clock.advance(3600_000);
    const to = t.clock.now().toISOString();
    t.clock.advance(60_000);
    await rename(admin, b2, '二号楼（新）');
    const inside = (await get(auditor, `?from=${from}&to=${to}&action=region.`)).json().items;
    expect(inside.map((i: any) => i.after.name)).toEqual(['二号楼']);
    const after = (await get(auditor, `?from=${to}&action=region.rename`)).json().items;
    expect(after.map((i: any) => i.after.name)).toEqual(['二号楼（新）']);
    const bad = await get(auditor, `?from=${to}&to=${from}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('/query/to');
  });

  it('pages newest first with cursors, never repeating or skipping a row', async () => {
    const all = (await get(auditor, '?limit=200')).json().items.map((i: any) => i.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = (await get(auditor, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      seen.push(...page.items.map((i: any) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect((await get(auditor, '?cursor=not-a-cursor')).statusCode).toBe(400);
  });

  it('lets an auditor read and refuses a 楼长 with 403', async () => {
    expect((await get(auditor, '')).statusCode).toBe(200);
    const res = await get(await t.login('louzhang'), '');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
  });

  it('limits community staff to their community and keeps sign-in rows for root-level auditors', async () => {
    const c2grid = await regionIdOf('GC-C02-G01');
    await rename(admin, c2grid, '映月花园一区');
    const mine = (await get(worker, '?limit=200')).json().items;
    expect(mine.some((i: any) => i.entity.id === c2grid)).toBe(false);
    expect(mine.some((i: any) => i.action.startsWith('auth.'))).toBe(false);
    expect((await get(worker, `?regionId=${c2grid}`)).statusCode).toBe(403);
    const root = (await get(auditor, '?action=auth.login&limit=200')).json().items;
    expect(root.length).toBeGreaterThan(0);
    // A region filter narrows to that subtree: rows without a region are left out.
    const c1 = await regionIdOf('GC-C01');
    const narrowed = (await get(auditor, `?regionId=${c1}&limit=200`)).json().items;
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.some((i: any) => i.action.startsWith('auth.') || i.entity.id === c2grid)).toBe(false);
  });

  it('refuses unknown filters and malformed values with 400', async () => {
    expect((await get(auditor, '?colour=red')).statusCode).toBe(400);
    expect((await get(auditor, '?personId=42')).statusCode).toBe(400);
    expect((await get(auditor, '?from=yesterday')).statusCode).toBe(400);
  });

  it('masks phone and ID numbers inside snapshots', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/register/code', payload: { phone: '13912340000' } });
    expect(res.statusCode).toBe(202);
    const code = t.app.verificationSender.lastCode!('13912340000')!;
    const reg = await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { phone: '13912340000', code, password: 'goodpass123', name: '新居民' } });
    expect(reg.statusCode).toBe(201);
    const items = (await get(auditor, '?action=account.create')).json().items;
    expect(items[0].after.login).toBe('139****0000');
    expect(JSON.stringify((await get(auditor, '?limit=200')).json())).not.toContain('13912340000');
  });

  it('exports the visible trail as an Excel ledger, and records the export', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit/export.xlsx?action=region.', headers: { cookie: auditor } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const ws = await readWorkbook(res.rawPayload);
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['时间 (北京时间)', '操作人', '操作人编号', '操作', '对象类型', '对象编号', '变更前', '变更后', '请求编号']);
    expect(ws.rowCount).toBeGreaterThan(1);
    expect(String(ws.getRow(2).getCell(4).value)).toMatch(/^region\./);
    const recorded = (await get(auditor, '?action=audit.export')).json().items;
    expect(recorded).toHaveLength(1);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit/export.xlsx', headers: { cookie: await t.login('louzhang') } })).statusCode).toBe(403);
  });

  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE on audit_log', async () => {
    const db = t.database.db;
    const [{ n: before }] = (await db.execute(sql`select count(*)::int as n from audit_log`)).rows as { n: number }[];
    // Drizzle wraps the driver's error; the trigger's message and SQLSTATE are on the cause.
    const refusal = async (q: Promise<unknown>) => {
      const err: any = await q.then(() => null, (e) => e);
      expect(err).not.toBeNull();
      return { message: String(err.cause?.message ?? err.message), code: err.cause?.code ?? err.code };
    };
    for (const statement of [sql`update audit_log set action = 'tampered'`, sql`delete from audit_log`, sql`truncate audit_log`]) {
      const r = await refusal(db.execute(statement));
      expect(r.message).toMatch(/append-only/);
      expect(r.code).toBe('42501');
    }
    const [{ n: after }] = (await db.execute(sql`select count(*)::int as n from audit_log`)).rows as { n: number }[];
    expect(after).toBe(before);
    const tampered = (await db.execute(sql`select count(*)::int as n from audit_log where action = 'tampered'`)).rows as { n: number }[];
    expect(tampered[0].n).toBe(0);
  });
});

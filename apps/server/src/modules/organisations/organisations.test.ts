import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditLog, people, regions } from '../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { organisationsModule } from './index.js';

type Org = { id: string; name: string; regionName: string };

describe('organisations registry', () => {
  let t: TestApp;
  let admin: string;
  let worker: string;
  let louzhang: string;
  const region: Record<string, { id: string; path: string; name: string }> = {};
  let resident: { id: string; name: string };
  let outsiderId: string;
  // Demo data already holds organisations: everything created here carries this token, so filters find only ours.
  const T = '甲乙丙';
  const q = (text = '') => `q=${encodeURIComponent(T + text)}`;
  let baseline: Map<string, number>;
  let baselineRoot: Map<string, number>;
  const figures = async (code: string) => new Map((await organisationsModule.stats!(t.database.db, region[code])).map((f) => [f.key, f.value]));

  const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
  const createOrg = async (cookie: string, body: { name: string } & Record<string, unknown>) => {
    const res = await call(cookie, 'POST', '/organisations', { ...body, name: T + body.name });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const names = (page: { items: Org[] }) => page.items.map((o) => o.name.replace(T, '')).sort();

  beforeAll(async () => {
    t = await createTestApp();
    [admin, worker, louzhang] = await Promise.all([t.login('admin'), t.login('worker'), t.login('louzhang')]);
    for (const r of await t.database.db.select().from(regions)) region[r.code] = { id: r.id, path: r.path, name: r.name };
    [resident] = await t.database.db.select({ id: people.id, name: people.name }).from(people).innerJoin(accounts, eq(accounts.personId, people.id)).where(eq(accounts.login, '13800000001'));
    // Someone living in the other community, outside the community worker's reach.
    outsiderId = uuidv7();
    await t.database.db.insert(people).values({ id: outsiderId, name: '映月居民', phone: '13900000009', homeRegionId: region['GC-C02-G01'].id, homePath: region['GC-C02-G01'].path });
    baseline = await figures('GC-C01');
    baselineRoot = await figures('GC');
  });
  afterAll(async () => t?.close());

  it('lets a community worker register a club in their community, with an audit row', async () => {
    const org = await createOrg(worker, { kind: 'club', name: '粤曲社', regionId: region['GC-C01-G01'].id, foundedOn: '2023-03-01', description: '每周三晚排练' });
    expect(org).toMatchObject({ kind: 'club', kindLabel: { zh: '社团组织' }, name: `${T}粤曲社`, regionName: region['GC-C01-G01'].name, memberCount: 0, dissolved: false, foundedOn: '2023-03-01' });
    expect(org.allowedActions).toEqual(['update', 'dissolve', 'addMember']);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, org.id));
    expect(audit.map((a) => a.action)).toEqual(['organisation.create']);
    expect(audit[0].actorPersonId).not.toBeNull();
    const read = await call(louzhang, 'GET', `/organisations/${org.id}`);
    expect(read.statusCode).toBe(403); // the 楼长 reads only their own building's subtree
  });

  it('refuses a 楼长 creating an organisation with 403 and writes nothing', async () => {
    const res = await call(louzhang, 'POST', '/organisations', { kind: 'club', name: `${T}楼长的社团`, regionId: region['GC-C01-G01-B01'].id });
    expect(res.statusCode).toBe(403);
    expect((await call(admin, 'GET', `/organisations?${q('楼长')}`)).json().items).toHaveLength(0);
  });

  it('rejects an unknown kind, unknown fields and future dates with 400 pointing at the field', async () => {
    const kind = await call(worker, 'POST', '/organisations', { kind: 'secret_society', name: '某会', regionId: region['GC-C01'].id });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().errors.map((e: { field: string }) => e.field)).toContain('/body/kind');
    const unknownField = await call(worker, 'POST', '/organisations', { kind: 'club', name: '某会', regionId: region['GC-C01'].id, members: 5 });
    expect(unknownField.json().errors[0].field).toBe('/body/members');
    const future = await call(worker, 'POST', '/organisations', { kind: 'club', name: '某会', regionId: region['GC-C01'].id, foundedOn: '2030-01-01' });
    expect(future.json().errors[0]).toMatchObject({ field: '/body/foundedOn', code: 'future' });
    const noRegion = await call(worker, 'POST', '/organisations', { kind: 'club', name: '某会', regionId: uuidv7() });
    expect(noRegion.json().errors[0].field).toBe('/body/regionId');
    expect((await call(worker, 'GET', '/organisations?kind=nope')).json().errors[0].field).toBe('/query/kind');
  });

  it('lists by region subtree, kind and Chinese text, and pages with a cursor', async () => {
    await createOrg(admin, { kind: 'mutual_aid_association', name: '同德街坊志愿互助会', regionId: region['GC-C01'].id });
    await createOrg(admin, { kind: 'self_governance_group', name: '二区自治小组', regionId: region['GC-C01-G02'].id });
    await createOrg(admin, { kind: 'mutual_aid_association', name: '映月街坊志愿互助会', regionId: region['GC-C02'].id });

    expect(names((await call(admin, 'GET', `/organisations?${q()}&regionId=${region['GC-C01'].id}`)).json())).toEqual(['二区自治小组', '同德街坊志愿互助会', '粤曲社'].sort());
    expect(names((await call(admin, 'GET', `/organisations?${q()}&kind=mutual_aid_association`)).json())).toEqual(['同德街坊志愿互助会', '映月街坊志愿互助会'].sort());
    // Text search matches inside Chinese names.
    expect(names((await call(admin, 'GET', `/organisations?q=${encodeURIComponent('志愿互助')}&regionId=${region['GC-C02'].id}&kind=mutual_aid_association`)).json())).toContain('映月街坊志愿互助会');

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Org[]; nextCursor: string | null } = (await call(admin, 'GET', `/organisations?${q()}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((o) => o.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
    expect((await call(admin, 'GET', '/organisations?cursor=garbage')).statusCode).toBe(400);
  });

  it('keeps a community worker out of another community’s organisations with 403', async () => {
    const other = await createOrg(admin, { kind: 'club', name: '映月舞蹈队', regionId: region['GC-C02-G01'].id });
    expect((await call(worker, 'GET', `/organisations/${other.id}`)).statusCode).toBe(403);
    expect((await call(worker, 'PATCH', `/organisations/${other.id}`, { name: '改名' })).statusCode).toBe(403);
    expect((await call(worker, 'POST', `/organisations/${other.id}/dissolve`, { date: '2026-01-01', reason: '越权' })).statusCode).toBe(403);
    expect((await call(worker, 'POST', `/organisations/${other.id}/members`, { personId: resident.id, role: 'member', joinedOn: '2025-01-01' })).statusCode).toBe(403);
    expect((await call(worker, 'GET', `/organisations?regionId=${region['GC-C02'].id}`)).statusCode).toBe(403);
    const visible = (await call(worker, 'GET', `/organisations?${q()}`)).json();
    expect(visible.items.map((o: Org) => o.id)).not.toContain(other.id);
    expect((await call(worker, 'GET', `/organisations/${uuidv7()}`)).statusCode).toBe(404);
  });

  it('moves an organisation only inside the caller’s scope', async () => {
    const org = await createOrg(worker, { kind: 'volunteer_team', name: '志愿服务队', regionId: region['GC-C01'].id });
    expect((await call(worker, 'PATCH', `/organisations/${org.id}`, { regionId: region['GC-C02'].id })).statusCode).toBe(403);
    const within = await call(worker, 'PATCH', `/organisations/${org.id}`, { regionId: region['GC-C01-G02'].id, description: '党员志愿者为主' });
    expect(within.statusCode).toBe(200);
    expect(within.json()).toMatchObject({ regionId: region['GC-C01-G02'].id, regionName: region['GC-C01-G02'].name, description: '党员志愿者为主' });
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, org.id), eq(auditLog.action, 'organisation.move')));
    expect(audit).toHaveLength(1);
    expect((audit[0].before as { regionId: string }).regionId).toBe(region['GC-C01'].id);
    expect((audit[0].after as { regionId: string }).regionId).toBe(region['GC-C01-G02'].id);
    expect((await call(worker, 'PATCH', `/organisations/${org.id}`, {})).statusCode).toBe(400);
  });

  it('adds members with masked phones, refuses duplicates with 409 and checks leaving dates', async () => {
    const org = await createOrg(worker, { kind: 'mediation_team', name: '和事佬调解团队', regionId: region['GC-C01'].id, foundedOn: '2022-05-01' });
    const before = await call(worker, 'POST', `/organisations/${org.id}/members`, { personId: resident.id, role: 'leader', joinedOn: '2022-04-30' });
    expect(before.json().errors[0]).toMatchObject({ field: '/body/joinedOn', code: 'before_founded' });
    const add = await call(worker, 'POST', `/organisations/${org.id}/members`, { personId: resident.id, role: 'leader', joinedOn: '2024-02-01' });
    expect(add.statusCode, add.body).toBe(201);
    const member = add.json();
    expect(member).toMatchObject({ personId: resident.id, personName: resident.name, role: 'leader', joinedOn: '2024-02-01', leftOn: null, active: true, allowedActions: ['leave'] });
    expect(member.phone).toBe('138****0001');

    const dup = await call(worker, 'POST', `/organisations/${org.id}/members`, { personId: resident.id, role: 'member', joinedOn: '2024-03-01' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('duplicate');
    expect((await call(worker, 'POST', `/organisations/${org.id}/members`, { personId: resident.id, role: 'boss', joinedOn: '2024-03-01' })).json().errors[0].field).toBe('/body/role');

    const early = await call(worker, 'POST', `/organisations/${org.id}/members/${member.id}/leave`, { leftOn: '2024-01-31' });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({ field: '/body/leftOn', code: 'before_joined' });
    const left = await call(worker, 'POST', `/organisations/${org.id}/members/${member.id}/leave`, { leftOn: '2024-12-31' });
    expect(left.statusCode).toBe(200);
    expect(left.json()).toMatchObject({ leftOn: '2024-12-31', active: false, allowedActions: [] });
    expect((await call(worker, 'POST', `/organisations/${org.id}/members/${member.id}/leave`, { leftOn: '2025-01-01' })).statusCode).toBe(409);
    expect((await call(worker, 'POST', `/organisations/${org.id}/members/${uuidv7()}/leave`, { leftOn: '2025-01-01' })).statusCode).toBe(404);

    // Leaving frees the person to join again.
    expect((await call(worker, 'POST', `/organisations/${org.id}/members`, { personId: resident.id, role: 'member', joinedOn: '2025-06-01' })).statusCode).toBe(201);
    const detail = (await call(worker, 'GET', `/organisations/${org.id}`)).json();
    expect(detail.memberCount).toBe(1);
    expect(detail.membersTruncated).toBe(false);
    expect(detail.members.map((m: { active: boolean; joinedOn: string }) => [m.active, m.joinedOn])).toEqual([
      [true, '2025-06-01'],
      [false, '2024-02-01'],
    ]);
    expect(detail.members.every((m: { phone: string }) => m.phone === '138****0001')).toBe(true);
    const listed = (await call(worker, 'GET', `/organisations?${q('和事佬')}`)).json();
    expect(listed.items[0].memberCount).toBe(1);
    const actions = (await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, org.id))).map((a) => a.action).sort();
    expect(actions).toEqual(['organisation.create', 'organisation.member_add', 'organisation.member_add', 'organisation.member_leave']);
  });

  it('lets only one of two simultaneous adds of the same person through (row lock + unique index)', async () => {
    const org = await createOrg(admin, { kind: 'volunteer_team', name: '并发志愿队', regionId: region['GC-C01'].id });
    const body = { personId: resident.id, role: 'member', joinedOn: '2025-01-01' };
    const results = await Promise.all([0, 1, 2].map(() => call(admin, 'POST', `/organisations/${org.id}/members`, body)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect((await call(admin, 'GET', `/organisations/${org.id}`)).json().memberCount).toBe(1);
  });

  it('adds only people the caller may read (checked on the people table)', async () => {
    const org = await createOrg(worker, { kind: 'party_branch', name: '花园党支部', regionId: region['GC-C01-G01'].id });
    expect((await call(worker, 'POST', `/organisations/${org.id}/members`, { personId: outsiderId, role: 'member', joinedOn: '2025-01-01' })).statusCode).toBe(403);
    const missing = await call(worker, 'POST', `/organisations/${org.id}/members`, { personId: uuidv7(), role: 'member', joinedOn: '2025-01-01' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('/body/personId');
    expect((await call(admin, 'POST', `/organisations/${org.id}/members`, { personId: outsiderId, role: 'contact', joinedOn: '2025-01-01' })).statusCode).toBe(201);
  });

  it('dissolves an organisation: it stays on record, ends memberships and takes no new members (409)', async () => {
    const org = await createOrg(worker, { kind: 'self_governance_group', name: '一区自治小组', regionId: region['GC-C01-G01'].id, foundedOn: '2021-01-01' });
    await call(worker, 'POST', `/organisations/${org.id}/members`, { personId: resident.id, role: 'leader', joinedOn: '2021-02-01' });
    expect((await call(worker, 'POST', `/organisations/${org.id}/dissolve`, { date: '2020-12-31', reason: '并入业委会' })).json().errors[0]).toMatchObject({ field: '/body/date', code: 'before_founded' });
    expect((await call(worker, 'POST', `/organisations/${org.id}/dissolve`, { date: '2027-01-01', reason: '并入业委会' })).json().errors[0]).toMatchObject({ field: '/body/date', code: 'future' });
    expect((await call(worker, 'POST', `/organisations/${org.id}/dissolve`, { date: '2026-10-31' })).json().errors[0].field).toBe('/body/reason');

    const res = await call(worker, 'POST', `/organisations/${org.id}/dissolve`, { date: '2026-10-31', reason: '小区成立业委会，自治小组完成使命' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ dissolved: true, dissolvedOn: '2026-10-31', dissolvedReason: '小区成立业委会，自治小组完成使命', memberCount: 0, allowedActions: ['update'] });

    expect((await call(worker, 'POST', `/organisations/${org.id}/dissolve`, { date: '2026-11-01', reason: '重复操作' })).statusCode).toBe(409);
    const join = await call(worker, 'POST', `/organisations/${org.id}/members`, { personId: resident.id, role: 'member', joinedOn: '2026-11-01' });
    expect(join.statusCode).toBe(409);
    expect(join.json()).toMatchObject({ code: 'not_allowed_in_state', allowedActions: ['update'] });

    const detail = (await call(worker, 'GET', `/organisations/${org.id}`)).json();
    expect(detail.members[0]).toMatchObject({ leftOn: '2026-10-31', active: false });
    expect((await call(worker, 'GET', `/organisations?${q('一区自治')}`)).json().items).toHaveLength(0);
    const withDissolved = (await call(worker, 'GET', `/organisations?${q('一区自治')}&includeDissolved=true`)).json();
    expect(withDissolved.items.map((o: Org) => o.id)).toEqual([org.id]);
    const dissolveAudit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, org.id), eq(auditLog.action, 'organisation.dissolve')));
    expect((dissolveAudit[0].after as { membershipsEnded: number }).membershipsEnded).toBe(1);
  });

  it('exports the ledger as a readable xlsx with the same filters', async () => {
    const res = await call(worker, 'GET', `/organisations/export.xlsx?kind=club&regionId=${region['GC-C01'].id}&${q()}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, '组织名称', '类型', '所属区域', '成立日期', '现有成员数', '状态', '解散日期', '解散原因', '简介']);
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(2).values).toEqual([undefined, `${T}粤曲社`, '社团组织', region['GC-C01-G01'].name, '2023-03-01', 0, '正常', undefined, undefined, '每周三晚排练']);
    expect((await call(worker, 'GET', `/organisations/export.xlsx?regionId=${region['GC-C02'].id}`)).statusCode).toBe(403);
  });

  it('contributes live organisation figures for a region subtree, without dissolved ones', async () => {
    const c01 = region['GC-C01'];
    const all = await organisationsModule.stats!(t.database.db, c01);
    const now = new Map(all.map((f) => [f.key, f.value]));
    const delta = (key: string) => now.get(key)! - baseline.get(key)!;
    // Created in GC-C01 by this file: 粤曲社, 街坊会, 二区自治小组, 志愿服务队, 调解团队, 并发志愿队, 党支部, and the dissolved 一区自治小组.
    expect(delta('organisations.club')).toBe(1);
    expect(delta('organisations.mutual_aid_association')).toBe(1);
    expect(delta('organisations.self_governance_group')).toBe(1);
    expect(delta('organisations.red_owners_committee')).toBe(0);
    expect(delta('organisations.by_kind')).toBe(7);
    const byKind = all.find((f) => f.key === 'organisations.by_kind')!;
    expect(byKind.breakdown!.map((b) => b.key)).toHaveLength(10);
    expect(byKind.breakdown!.reduce((s, b) => s + b.value, 0)).toBe(byKind.value);
    expect(byKind.breakdown!.find((b) => b.key === 'red_owners_committee')!.zh).toBe('红色业委会');

    // The drill-down path lists exactly the records behind the figure.
    const club = all.find((f) => f.key === 'organisations.club')!;
    expect(club.listPath).toBe(`/api/v1/organisations?kind=club&regionId=${c01.id}`);
    const listed = await call(admin, 'GET', `${club.listPath!.replace('/api/v1', '')}&limit=200`);
    expect(listed.json().items).toHaveLength(club.value);

    const root = await figures('GC');
    expect(root.get('organisations.mutual_aid_association')! - baselineRoot.get('organisations.mutual_aid_association')!).toBe(2);
  });
});

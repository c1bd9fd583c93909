import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '@shuren/core';
import { auditLog, people, roleAssignments } from '../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { multipart, ROSTER_HEADER, workbookOf } from './test-support.js';

const validId = (first17: string) => first17 + idCheckChar(first17);
const ID_A = validId('44060519800101123');
const ID_BAD = ID_A.slice(0, 17) + (ID_A[17] === '1' ? '2' : '1');

describe('roster import (楼长/巷长/街长)', () => {
  let t: TestApp;
  let admin: string;
  let worker: string;
  const totals = async () => {
    const [p] = await t.database.db.select({ n: count() }).from(people);
    const [a] = await t.database.db.select({ n: count() }).from(roleAssignments);
    return { people: p.n, assignments: a.n };
  };
  const upload = (cookie: string, file: Buffer, dryRun: boolean, filename?: string) => {
    const m = multipart(file, filename);
    return t.app.inject({ method: 'POST', url: `/api/v1/imports/roster?dryRun=${dryRun}`, headers: { ...m.headers, cookie }, payload: m.payload });
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    worker = await t.login('worker');
  });
  afterAll(async () => t?.close());

  it('imports a clean roster after a clean dry-run, all rows in one go, with audit rows', async () => {
    const file = await workbookOf(ROSTER_HEADER, [
      ['王楼长', '17700000001', ID_A, '楼长', 'GC-C01-G01-B01', '2026-01-01', '是'],
      ['李巷长', '177 0000 0002', '', '巷长', 'GC-C01-G01-B02', new Date(Date.UTC(2026, 1, 3)), '否'],
      ['赵街长', 17700000003, null, '街长', 'GC-C01-G02', 46023, ''],
      // Same person (same phone) on a second building: one person, two assignments.
      ['王楼长', '17700000001', '', '楼长', 'GC-C01-G01-B02', '2026/1/1', '是'],
    ]);
    const before = await totals();
    const dry = await upload(worker, file, true);
    expect(dry.statusCode).toBe(200);
    const plan = dry.json();
    expect(plan).toMatchObject({ dryRun: true, rowCount: 4, counts: { peopleCreated: 3, peopleReused: 0, assignmentsCreated: 4, assignmentsSkipped: 0 } });
    expect(plan.rows.map((r: any) => [r.row, r.role, r.regionCode, r.startDate])).toEqual([
      [2, 'building_head', 'GC-C01-G01-B01', '2026-01-01'],
      [3, 'lane_head', 'GC-C01-G01-B02', '2026-02-03'],
      [4, 'street_head', 'GC-C01-G02', '2026-01-01'],
      [5, 'building_head', 'GC-C01-G01-B02', '2026-01-01'],
    ]);
    expect(await totals()).toEqual(before);

    const res = await upload(worker, file, false);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ dryRun: false, rowCount: 4, counts: { peopleCreated: 3, peopleReused: 0, assignmentsCreated: 4, assignmentsSkipped: 0 } });
    expect(await totals()).toEqual({ people: before.people + 3, assignments: before.assignments + 4 });
    const [{ n }] = await t.database.db.select({ n: count() }).from(auditLog);
    expect(n).toBeGreaterThan(0);
    const trail = await t.app.inject({ method: 'GET', url: '/api/v1/audit?action=import.roster', headers: { cookie: worker } });
    expect(trail.json().items[0].after.counts.assignmentsCreated).toBe(4);

    // Importing the same file again creates nothing: people are found by phone, identical assignments skipped.
    const again = await upload(worker, file, true);
    expect(again.json().counts).toEqual({ peopleCreated: 0, peopleReused: 3, assignmentsCreated: 0, assignmentsSkipped: 4 });
  });

  it('creates each person once when the same roster is imported twice at the same moment', async () => {
    const file = await workbookOf(ROSTER_HEADER, [
      ['并发甲', '17700000601', '', '楼长', 'GC-C01-G02-B01', '2026-05-01', '否'],
      ['并发乙', '17700000602', '', '巷长', 'GC-C01-G02-B02', '2026-05-01', '否'],
    ]);
    const before = await totals();
    const [a, b] = await Promise.all([upload(worker, file, false), upload(admin, file, false)]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    const created = [a.json().counts, b.json().counts].sort((x, y) => y.peopleCreated - x.peopleCreated);
    expect(created).toEqual([
      { peopleCreated: 2, peopleReused: 0, assignmentsCreated: 2, assignmentsSkipped: 0 },
      { peopleCreated: 0, peopleReused: 2, assignmentsCreated: 0, assignmentsSkipped: 2 },
    ]);
    expect(await totals()).toEqual({ people: before.people + 2, assignments: before.assignments + 2 });
  });

  it('reports every bad row of a half-wrong roster by row number and column, and imports nothing', async () => {
    const file = await workbookOf(ROSTER_HEADER, [
      ['好人甲', '17700000101', '', '楼长', 'GC-C01-G01-B01', '2026-03-01', '否'], // 2 ok
      ['坏电话', '1234567', '', '楼长', 'GC-C01-G01-B01', '2026-03-01', '否'], // 3 bad phone
      ['好人乙', '17700000102', '', '巷长', 'GC-C01-G01-B02', '2026-03-01', '是'], // 4 ok
      ['坏身份证', '17700000103', ID_BAD, '楼长', 'GC-C01-G01-B01', '2026-03-01', '否'], // 5 bad checksum
      ['好人丙', '17700000104', '', '街长', 'GC-C01-G02', '2026-03-01', '否'], // 6 ok
      ['坏网格', '17700000105', '', '楼长', 'GC-NOPE-99', '2026-03-01', '否'], // 7 unknown code
      ['坏角色', '17700000106', '', '网格员', 'GC-C01-G01-B01', '2026-03-01', '否'], // 8 wrong role
      ['坏日期', '17700000107', '', '楼长', 'GC-C01-G01-B01', '2026-02-30', '否'], // 9 impossible date
      ['好人甲', '17700000101', '', '楼长', 'GC-C01-G01-B01', '2026-04-01', '否'], // 10 duplicate of row 2
      ['错层级', '17700000108', '', '楼长', 'GC-C01-G01', '2026-03-01', '也许'], // 11 楼长 on a level-2 grid, bad 是/否
    ]);
    const before = await totals();
    for (const dryRun of [true, false]) {
      const res = await upload(worker, file, dryRun);
      expect(res.statusCode).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const body = res.json();
      expect(body.code).toBe('unprocessable');
      const fields = body.errors.map((e: any) => e.field);
      expect(fields).toEqual(['row:3/手机号', 'row:5/身份证号', 'row:7/网格编码', 'row:8/角色', 'row:9/开始日期', 'row:10/手机号', 'row:11/是否党员', 'row:11/网格编码']);
      expect(body.errors.map((e: any) => e.code)).toEqual(['invalid_phone', 'invalid_id_number', 'unknown_region', 'invalid_role', 'invalid_date', 'duplicate_row', 'invalid_yes_no', 'wrong_level']);
      expect(body.errors[0].message).toContain('第 3 行');
    }
    expect(await totals()).toEqual(before);
  });

  it('answers in English on request', async () => {
    const file = await workbookOf(ROSTER_HEADER, [['某人', '123', '', '楼长', 'GC-C01-G01-B01', '2026-03-01', '否']]);
    const m = multipart(file);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/imports/roster', headers: { ...m.headers, cookie: worker, 'accept-language': 'en' }, payload: m.payload });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].message).toMatch(/^Row 2, 手机号: "123" is not a valid 11-digit mobile number/);
  });

  it('reports rows whose grid lies outside the caller’s scope (worker of GC-C01 importing into GC-C02)', async () => {
    const file = await workbookOf(ROSTER_HEADER, [
      ['本社区', '17700000201', '', '楼长', 'GC-C01-G01-B01', '2026-03-01', '否'],
      ['外社区', '17700000202', '', '楼长', 'GC-C02-G01-B01', '2026-03-01', '否'],
      ['外社区二', '17700000203', '', '街长', 'GC-C02-G01', '2026-03-01', '否'],
    ]);
    const before = await totals();
    const res = await upload(worker, file, false);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: any) => [e.field, e.code])).toEqual([
      ['row:3/网格编码', 'out_of_scope'],
      ['row:4/网格编码', 'out_of_scope'],
    ]);
    expect(await totals()).toEqual(before);
    // The subdistrict administrator may import the same rows.
    expect((await upload(admin, file, true)).statusCode).toBe(200);
  });

  it('refuses an ID number already registered to someone else, and a phone registered under another name', async () => {
    const first = await workbookOf(ROSTER_HEADER, [['身份甲', '17700000301', validId('44060519900202123'), '楼长', 'GC-C01-G02-B01', '2026-03-01', '否']]);
    expect((await upload(admin, first, false)).statusCode).toBe(201);
    const second = await workbookOf(ROSTER_HEADER, [
      ['身份乙', '17700000302', validId('44060519900202123'), '楼长', 'GC-C01-G02-B01', '2026-03-01', '否'],
      ['改名了', '17700000301', '', '巷长', 'GC-C01-G02-B02', '2026-03-01', '否'],
    ]);
    const res = await upload(admin, second, true);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: any) => [e.field, e.code])).toEqual([
      ['row:2/身份证号', 'id_registered'],
      ['row:3/姓名', 'name_mismatch'],
    ]);
  });

  it('refuses a 楼长 (no assignment.manage) with 403 before reading the file', async () => {
    const file = await workbookOf(ROSTER_HEADER, [['某人', '17700000401', '', '楼长', 'GC-C01-G01-B01', '2026-03-01', '否']]);
    const res = await upload(await t.login('louzhang'), file, true);
    expect(res.statusCode).toBe(403);
  });

  it('refuses a text file renamed .xlsx with 422 invalid_file and a clear message', async () => {
    const text = Buffer.from('姓名,手机号\n张三,13800138000\n');
    const res = await upload(worker, text, true, 'roster.xlsx');
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('invalid_file');
    expect(res.json().detail).toContain('不是 Excel 工作簿');
    expect(res.json().errors[0]).toMatchObject({ field: 'file', code: 'not_xlsx' });
  });

  it('refuses a plain ZIP archive and a file with the wrong header row', async () => {
    const zipLike = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200)]);
    expect((await upload(worker, zipLike, true)).json().code).toBe('invalid_file');
    const wrongHeader = await workbookOf(['名字', '电话'], [['张三', '13800138000']]);
    const res = await upload(worker, wrongHeader, true);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: any) => e.field)).toEqual(['row:1/姓名', 'row:1/手机号', 'row:1/角色', 'row:1/网格编码', 'row:1/开始日期']);
  });

  it('refuses broken uploads with a 4xx: no boundary, truncated body, half an xlsx, no file part', async () => {
    const post = (contentType: string, payload: Buffer | string) => t.app.inject({ method: 'POST', url: '/api/v1/imports/roster', headers: { cookie: worker, 'content-type': contentType }, payload });
    expect((await post('multipart/form-data', 'garbage')).statusCode).toBe(400);
    expect((await post('multipart/form-data; boundary=xyz', '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK\x03\x04abc')).statusCode).toBe(400);
    const noFile = await post('multipart/form-data; boundary=xyz', '--xyz\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--xyz--\r\n');
    expect(noFile.statusCode).toBe(422);
    expect(noFile.json().errors[0].code).toBe('missing');
    const whole = await workbookOf(ROSTER_HEADER, [['某人', '17700000501', '', '楼长', 'GC-C01-G01-B01', '2026-03-01', '否']]);
    const half = await upload(worker, whole.subarray(0, Math.floor(whole.length / 2)), true);
    expect(half.statusCode).toBe(422);
    expect(half.json().code).toBe('invalid_file');
  });

  it('refuses a file over 5 MB with 413', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 0x41);
    const res = await upload(worker, big, true);
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('payload_too_large');
  });

  it('refuses a JSON body on the upload route with 415', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/imports/roster', headers: { cookie: worker }, payload: { rows: [] } });
    expect(res.statusCode).toBe(415);
  });

  it('refuses more than 5000 rows', async () => {
    const rows = Array.from({ length: 5001 }, (_, i) => [`人${i}`, String(17800000000 + i), '', '楼长', 'GC-C01-G01-B01', '2026-03-01', '否']);
    const res = await upload(worker, await workbookOf(ROSTER_HEADER, rows), true);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ field: 'file', code: 'too_many_rows' });
  });
});

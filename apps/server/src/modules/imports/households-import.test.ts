import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { households, people } from '../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { HOUSEHOLD_HEADER, multipart, workbookOf } from './test-support.js';

describe('household import', () => {
  let t: TestApp;
  let worker: string;
  const totals = async () => {
    const [h] = await t.database.db.select({ n: count() }).from(households);
    const [p] = await t.database.db.select({ n: count() }).from(people);
    return { households: h.n, people: p.n };
  };
  const upload = (cookie: string, file: Buffer, dryRun: boolean) => {
    const m = multipart(file);
    return t.app.inject({ method: 'POST', url: `/api/v1/imports/households?dryRun=${dryRun}`, headers: { ...m.headers, cookie }, payload: m.payload });
  };

  beforeAll(async () => {
    t = await createTestApp();
    worker = await t.login('worker');
  });
  afterAll(async () => t?.close());

  it('imports clean households after a dry-run, creating heads and linking them', async () => {
    const file = await workbookOf(HOUSEHOLD_HEADER, [
      ['GC-C01-G01-B01', 'T-101', '同德花园1区1栋T-101', 88.5, '陈户主', '17700005001'],
      ['GC-C01-G01-B01', 'T-102', '同德花园1区1栋T-102', '', '', ''],
      ['GC-C01-G01-B02', 'T-101', '同德花园1区2栋T-101', '102.3㎡', '林户主', ''],
    ]);
    const before = await totals();
    const dry = await upload(worker, file, true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json().counts).toEqual({ householdsCreated: 3, peopleCreated: 2, peopleLinked: 0 });
    expect(dry.json().rows[0]).toMatchObject({ row: 2, room: 'T-101', floorArea: 88.5, head: { name: '陈户主', person: 'create' } });
    expect(dry.json().rows[1].head).toBeNull();
    expect(await totals()).toEqual(before);

    const res = await upload(worker, file, false);
    expect(res.statusCode).toBe(201);
    expect(await totals()).toEqual({ households: before.households + 3, people: before.people + 2 });
    const [head] = await t.database.db.select().from(people).where(eq(people.phone, '17700005001'));
    expect(head.householdRelation).toBe('head');
    const [home] = await t.database.db.select().from(households).where(eq(households.id, head.householdId!));
    expect([home.room, home.floorArea]).toEqual(['T-101', '88.50']);
  });

  it('reports registered rooms, duplicates, bad areas, bad grids and out-of-scope rows, importing nothing', async () => {
    const file = await workbookOf(HOUSEHOLD_HEADER, [
      ['GC-C01-G01-B01', 'T-101', '已登记', '', '', ''], // 2 room already registered
      ['GC-C01-G01-B01', 'T-201', '新房', '', '', ''], // 3 ok
      ['GC-C01-G01-B01', 'T-201', '同房号', '', '', ''], // 4 duplicate of row 3
      ['GC-C01-G01-B01', 'T-202', '面积错', '-5', '', ''], // 5 bad area
      ['GC-C01-G01', 'T-203', '二级网格', '', '', ''], // 6 level-2 code
      ['GC-C02-G01-B01', 'T-204', '别的社区', '', '', ''], // 7 outside the worker's community
      ['GC-C01-G01-B02', 'T-205', '', '', '', '12345'], // 8 no address, bad phone
      ['GC-C01-G01-B02', 'T-206', '户主已有户', '', '陈户主', '17700005001'], // 9 head already has a household
    ]);
    const before = await totals();
    const res = await upload(worker, file, false);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: any) => [e.field, e.code])).toEqual([
      ['row:2/房号', 'room_registered'],
      ['row:4/房号', 'duplicate_row'],
      ['row:5/面积', 'invalid_area'],
      ['row:6/网格编码', 'wrong_level'],
      ['row:7/网格编码', 'out_of_scope'],
      ['row:8/地址', 'required'],
      ['row:8/户主手机号', 'invalid_phone'],
      ['row:9/户主手机号', 'has_household'],
    ]);
    expect(await totals()).toEqual(before);
  });

  it('refuses a 楼长 (no household.manage) with 403', async () => {
    const file = await workbookOf(HOUSEHOLD_HEADER, [['GC-C01-G01-B01', 'T-301', '地址', '', '', '']]);
    expect((await upload(await t.login('louzhang'), file, true)).statusCode).toBe(403);
  });
});

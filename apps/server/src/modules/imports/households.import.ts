import { uuidv7 } from '../../shared/ids.js';
import { HOUSEHOLD_COLUMNS, HOUSEHOLD_REQUIRED_COLUMNS, scopesFor, type HouseholdImportResult, type HouseholdPlanRow } from '@shuren/core';
import type ExcelJS from 'exceljs';
import type { Db, DbOrTx } from '../../db/client.js';
import type { people } from '../../db/schema/index.js';
import type { Actor } from '../../shared/actor.js';
import { auditRow } from '../../shared/audit.js';
import { requireActor, type CommandContext } from '../../shared/context.js';
import { AppError } from '../../shared/errors.js';
import * as repo from './imports.repository.js';
import { commonAncestor, resolveRegion } from './regions-lookup.js';
import { areaCell, phoneCell, RowReport, textCell } from './row-rules.js';
import { readSheet } from './sheet.js';

const C = { code: '网格编码', room: '房号', address: '地址', area: '面积', headName: '户主姓名', headPhone: '户主手机号' } as const;

interface Planned extends HouseholdPlanRow {
  region: repo.RegionRow;
  householdId: string;
  headPersonId: string | null;
  headPhone: string | null;
}

/** Checks every household row (grid, room, area, head) and works out what importing it would do; writes nothing. */
export async function planHouseholds(db: DbOrTx, actor: Actor, workbook: ExcelJS.Workbook): Promise<Planned[]> {
  const report = new RowReport();
  const sheet = readSheet(workbook, HOUSEHOLD_COLUMNS, HOUSEHOLD_REQUIRED_COLUMNS);
  const parsed = sheet.map(({ row, cells }) => ({
    row,
    code: textCell(report, row, C.code, cells.get(C.code), { required: true, max: 40 }),
    room: textCell(report, row, C.room, cells.get(C.room), { required: true, max: 50 }),
    address: textCell(report, row, C.address, cells.get(C.address), { required: true, max: 200 }),
    area: areaCell(report, row, C.area, cells.get(C.area)),
    headName: textCell(report, row, C.headName, cells.get(C.headName), { required: false }),
    headPhone: phoneCell(report, row, C.headPhone, cells.get(C.headPhone), false),
  }));

  const regionByCode = new Map((await repo.findRegionsByCodes(db, parsed.flatMap((p) => (p.code ? [p.code] : [])))).map((r) => [r.code, r]));
  const regionIds = [...new Set([...regionByCode.values()].map((r) => r.id))];
  const taken = new Set((await repo.findHouseholdsInRegions(db, regionIds, parsed.flatMap((p) => (p.room ? [p.room] : [])))).map((h) => `${h.regionId}|${h.room}`));
  const personScopes = scopesFor(actor.grants, 'person.read');
  const phones = parsed.flatMap((p) => (p.headPhone ? [p.headPhone] : []));
  const byPhone = new Map<string, repo.PersonRow[]>();
  for (const p of personScopes.length ? await repo.findPeopleByPhones(db, phones, personScopes) : []) byPhone.set(p.phone!, [...(byPhone.get(p.phone!) ?? []), p]);

  const seenRoom = new Map<string, number>();
  const seenHead = new Map<string, number>();
  const planned: Planned[] = [];
  for (const p of parsed) {
    const region = p.code ? resolveRegion(report, actor, p.row, C.code, p.code, regionByCode, ['grid3'], 'household.manage') : null;
    if (region && p.room) {
      const key = `${region.id}|${p.room}`;
      const dup = seenRoom.get(key);
      if (taken.has(key)) report.add(p.row, C.room, 'room_registered', `“${p.code}”的房号“${p.room}”已登记，不能重复导入`, `room "${p.room}" in "${p.code}" is already registered`);
      else if (dup !== undefined) report.add(p.row, C.room, 'duplicate_row', `与第 ${dup} 行重复（同一网格、同一房号）`, `repeats row ${dup} (same grid and room)`);
      else seenRoom.set(key, p.row);
    }
    if (p.headPhone) {
      const dup = seenHead.get(p.headPhone);
      if (dup !== undefined) report.add(p.row, C.headPhone, 'duplicate_head', `与第 ${dup} 行户主相同：一人只能是一户的户主`, `same head as row ${dup}: a person heads one household only`);
      else seenHead.set(p.headPhone, p.row);
    }
    let head: HouseholdPlanRow['head'] = null;
    let headPersonId: string | null = null;
    if (p.headPhone) {
      const matches = byPhone.get(p.headPhone) ?? [];
      if (matches.length > 1) report.add(p.row, C.headPhone, 'ambiguous_phone', `该手机号对应 ${matches.length} 名已登记人员，请先在人员台账中更正`, `${matches.length} registered people share this phone; correct them in the people register first`);
      else if (matches.length === 1) {
        const existing = matches[0];
        if (p.headName && existing.name !== p.headName) report.add(p.row, C.headName, 'name_mismatch', `该手机号已登记为“${existing.name}”，与填写的姓名不一致`, `this phone is registered to "${existing.name}", not to the name given`);
        else if (existing.householdId) report.add(p.row, C.headPhone, 'has_household', '该人员已属于其他住户，请先在人员台账中调整', 'this person already belongs to another household; change that in the people register first');
        else {
          head = { name: existing.name, person: 'reuse' };
          headPersonId = existing.id;
        }
      } else if (!p.headName) report.add(p.row, C.headName, 'required', '填写了户主手机号但该手机号未登记，请填写户主姓名', 'the head’s phone is not registered yet; give the head’s name');
      else head = { name: p.headName, person: 'create' };
    } else if (p.headName) head = { name: p.headName, person: 'create' };
    if (!region || !p.room || !p.address || p.area === undefined || report.hasIssues(p.row)) continue;
    if (head?.person === 'create') headPersonId = uuidv7();
    planned.push({
      row: p.row,
      regionCode: region.code,
      regionName: region.name,
      room: p.room,
      address: p.address,
      floorArea: p.area === null ? null : Number(p.area),
      head,
      region,
      householdId: uuidv7(),
      headPersonId,
      headPhone: p.headPhone,
    });
  }
  report.throwIfAny();
  return planned;
}

function countsOf(planned: Planned[]): HouseholdImportResult['counts'] {
  return {
    householdsCreated: planned.length,
    peopleCreated: planned.filter((x) => x.head?.person === 'create').length,
    peopleLinked: planned.filter((x) => x.head?.person === 'reuse').length,
  };
}

const publicRow = (x: Planned): HouseholdPlanRow => ({ row: x.row, regionCode: x.regionCode, regionName: x.regionName, room: x.room, address: x.address, floorArea: x.floorArea, head: x.head });

/** dryRun: the plan. Otherwise: the plan made again and carried out in one transaction, all rows or none. */
export async function importHouseholds(db: Db, ctx: CommandContext, workbook: ExcelJS.Workbook, fileName: string, dryRun: boolean): Promise<HouseholdImportResult> {
  const actor = requireActor(ctx);
  if (dryRun) {
    const planned = await planHouseholds(db, actor, workbook);
    return { dryRun: true, rowCount: planned.length, counts: countsOf(planned), rows: planned.map(publicRow) };
  }
  return db.transaction(async (tx) => {
    await repo.lockImports(tx, 'households');
    const planned = await planHouseholds(tx, actor, workbook);
    const counts = countsOf(planned);
    const importId = uuidv7();
    const audits: ReturnType<typeof auditRow>[] = [];
    const households = planned.map((x) => ({
      id: x.householdId,
      regionId: x.region.id,
      regionPath: x.region.path,
      address: x.address,
      room: x.room,
      floorArea: x.floorArea === null ? null : x.floorArea.toFixed(2),
      createdAt: ctx.now,
      updatedAt: ctx.now,
    }));
    for (const h of households) audits.push(auditRow(ctx, { action: 'household.create', entityType: 'household', entityId: h.id, regionPath: h.regionPath, after: { ...h, importId } }));
    const newPeople: (typeof people.$inferInsert)[] = [];
    for (const x of planned) {
      if (x.head?.person !== 'create') continue;
      const person = { id: x.headPersonId!, name: x.head.name, phone: x.headPhone, homeRegionId: x.region.id, homePath: x.region.path, householdId: x.householdId, householdRelation: 'head', createdAt: ctx.now, updatedAt: ctx.now };
      newPeople.push(person);
      audits.push(auditRow(ctx, { action: 'person.create', entityType: 'person', entityId: person.id, regionPath: person.homePath, after: { ...person, importId } }));
    }
    await repo.insertHouseholds(tx, households);
    await repo.insertPeople(tx, newPeople);
    for (const x of planned) {
      if (x.head?.person !== 'reuse') continue;
      const after = await repo.linkHouseholdHead(tx, x.headPersonId!, x.householdId, ctx.now);
      // Someone attached the person to a household since the check: refuse the whole file rather than half of it.
      if (!after) throw new AppError('conflict', { detail: { zh: `第 ${x.row} 行的户主刚被登记到其他住户，请重新导入`, en: `The head on row ${x.row} was just attached to another household; import again` } });
      audits.push(auditRow(ctx, { action: 'person.link_household', entityType: 'person', entityId: after.id, regionPath: after.homePath, before: { householdId: null }, after: { householdId: x.householdId, householdRelation: 'head', importId } }));
    }
    audits.push(auditRow(ctx, { action: 'import.households', entityType: 'import', entityId: importId, regionPath: commonAncestor(planned.map((x) => x.region.path)), after: { fileName, rowCount: planned.length, counts } }));
    await repo.insertAuditRows(tx, audits);
    return { dryRun: false, rowCount: planned.length, counts };
  });
}

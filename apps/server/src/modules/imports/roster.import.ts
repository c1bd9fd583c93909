import { uuidv7 } from '../../shared/ids.js';
import { ROSTER_COLUMNS, ROSTER_REQUIRED_COLUMNS, ROSTER_ROLE_LABELS, scopesFor, type Role, type RosterImportResult, type RosterPlanRow } from '@shuren/core';
import type ExcelJS from 'exceljs';
import type { Db, DbOrTx } from '../../db/client.js';
import type { people } from '../../db/schema/index.js';
import type { Actor } from '../../shared/actor.js';
import { auditRow } from '../../shared/audit.js';
import { requireActor, type CommandContext } from '../../shared/context.js';
import { shanghaiDay } from '../../shared/time.js';
import * as repo from './imports.repository.js';
import { commonAncestor, resolveRegion } from './regions-lookup.js';
import { dateCell, idNumberCell, phoneCell, RowReport, textCell, yesNoCell } from './row-rules.js';
import { cellText, readSheet } from './sheet.js';

const C = { name: '姓名', phone: '手机号', id: '身份证号', role: '角色', code: '网格编码', start: '开始日期', party: '是否党员' } as const;

interface Planned extends RosterPlanRow {
  phone: string;
  idNumber: string | null;
  region: repo.RegionRow;
  personId: string;
}

function roleOf(report: RowReport, row: number, v: ExcelJS.CellValue | undefined): Role | null {
  const t = cellText(v);
  if (t === '') {
    report.add(row, C.role, 'required', '必填', 'is required');
    return null;
  }
  const role = (ROSTER_ROLE_LABELS as Record<string, Role>)[t];
  if (!role) report.add(row, C.role, 'invalid_role', `“${t.slice(0, 20)}”不是可导入的角色，只能是楼长、巷长或街长`, `"${t.slice(0, 20)}" is not an importable role; use 楼长, 巷长 or 街长`);
  return role ?? null;
}

/**
 * Checks every row of a 三长 roster against the file itself and the registry, and works out what importing it
 * would do. Nothing is written; problems are collected in the report for all rows at once.
 */
export async function planRoster(db: DbOrTx, actor: Actor, workbook: ExcelJS.Workbook, today: string) {
  const report = new RowReport();
  const sheet = readSheet(workbook, ROSTER_COLUMNS, ROSTER_REQUIRED_COLUMNS);
  const parsed = sheet.map(({ row, cells }) => ({
    row,
    name: textCell(report, row, C.name, cells.get(C.name), { required: true }),
    phone: phoneCell(report, row, C.phone, cells.get(C.phone), true),
    idNumber: idNumberCell(report, row, C.id, cells.get(C.id)),
    role: roleOf(report, row, cells.get(C.role)),
    code: textCell(report, row, C.code, cells.get(C.code), { required: true, max: 40 }),
    startDate: dateCell(report, row, C.start, cells.get(C.start), true),
    partyMember: yesNoCell(report, row, C.party, cells.get(C.party)),
  }));

  const regionByCode = new Map((await repo.findRegionsByCodes(db, parsed.flatMap((p) => (p.code ? [p.code] : [])))).map((r) => [r.code, r]));
  const personScopes = scopesFor(actor.grants, 'person.read');
  const phones = parsed.flatMap((p) => (p.phone ? [p.phone] : []));
  const byPhone = new Map<string, repo.PersonRow[]>();
  for (const p of personScopes.length ? await repo.findPeopleByPhones(db, phones, personScopes) : []) byPhone.set(p.phone!, [...(byPhone.get(p.phone!) ?? []), p]);
  const byIdNumber = new Map((await repo.findPeopleByIdNumbers(db, parsed.flatMap((p) => (p.idNumber ? [p.idNumber] : [])))).map((p) => [p.idNumber!, p]));

  // Inside the file: one phone is one person (same name, same ID), and no row may repeat another.
  const firstOfPhone = new Map<string, (typeof parsed)[number]>();
  const phoneOfId = new Map<string, { phone: string; row: number }>();
  const seenKey = new Map<string, number>();
  const newPersonByPhone = new Map<string, string>();
  const planned: Planned[] = [];

  for (const p of parsed) {
    const region = p.code ? resolveRegion(report, actor, p.row, C.code, p.code, regionByCode, p.role === 'street_head' ? ['grid3', 'grid2'] : ['grid3'], 'assignment.manage') : null;
    if (p.phone) {
      const first = firstOfPhone.get(p.phone);
      if (!first) firstOfPhone.set(p.phone, p);
      else {
        if (p.name && first.name && p.name !== first.name) report.add(p.row, C.name, 'phone_name_conflict', `与第 ${first.row} 行手机号相同但姓名不同`, `same phone as row ${first.row} but a different name`);
        if (p.idNumber && first.idNumber && p.idNumber !== first.idNumber) report.add(p.row, C.id, 'phone_id_conflict', `与第 ${first.row} 行手机号相同但身份证号不同`, `same phone as row ${first.row} but a different ID number`);
      }
    }
    if (p.idNumber && p.phone) {
      const seen = phoneOfId.get(p.idNumber);
      if (!seen) phoneOfId.set(p.idNumber, { phone: p.phone, row: p.row });
      else if (seen.phone !== p.phone) report.add(p.row, C.id, 'id_phone_conflict', `与第 ${seen.row} 行身份证号相同但手机号不同`, `same ID number as row ${seen.row} but a different phone`);
    }
    if (p.phone && p.role && p.code) {
      const key = `${p.phone}|${p.role}|${p.code}`;
      const dup = seenKey.get(key);
      if (dup !== undefined) report.add(p.row, C.phone, 'duplicate_row', `与第 ${dup} 行重复（同一人、同一角色、同一网格）`, `repeats row ${dup} (same person, role and grid)`);
      else seenKey.set(key, p.row);
    }
    if (!p.name || !p.phone || !p.role || !region || !p.startDate || p.partyMember === null || report.hasIssues(p.row)) continue;

    // Who is this? A person with this phone in the caller's scope is reused; otherwise a new person.
    const matches = byPhone.get(p.phone) ?? [];
    let personId: string;
    let person: 'create' | 'reuse';
    if (matches.length > 1) {
      report.add(p.row, C.phone, 'ambiguous_phone', `该手机号对应 ${matches.length} 名已登记人员，请先在人员台账中合并或更正`, `${matches.length} registered people share this phone; merge or correct them in the people register first`);
      continue;
    } else if (matches.length === 1) {
      const existing = matches[0];
      if (existing.name !== p.name) {
        report.add(p.row, C.name, 'name_mismatch', `该手机号已登记为“${existing.name}”，与填写的姓名不一致`, `this phone is registered to "${existing.name}", not to the name given`);
        continue;
      }
      if (p.idNumber && existing.idNumber && existing.idNumber !== p.idNumber) {
        report.add(p.row, C.id, 'id_mismatch', '与该手机号已登记人员的身份证号不一致', 'differs from the ID number registered for this phone');
        continue;
      }
      personId = existing.id;
      person = 'reuse';
    } else {
      const holder = p.idNumber ? byIdNumber.get(p.idNumber) : undefined;
      if (holder) {
        report.add(p.row, C.id, 'id_registered', '该身份证号已登记给其他人员（或在您的管辖范围之外），不能重复登记', 'this ID number is already registered to another person (or outside your scope)');
        continue;
      }
      const known = newPersonByPhone.get(p.phone);
      personId = known ?? uuidv7();
      person = known ? 'reuse' : 'create';
      newPersonByPhone.set(p.phone, personId);
    }
    planned.push({ row: p.row, name: p.name, role: p.role, regionCode: region.code, regionName: region.name, startDate: p.startDate, partyMember: p.partyMember, person, assignment: 'create', phone: p.phone, idNumber: p.idNumber, region, personId });
  }
  report.throwIfAny();

  // An identical assignment still in force is left alone.
  const open = await repo.findOpenAssignments(db, [...new Set(planned.filter((x) => x.person === 'reuse').map((x) => x.personId))], today);
  const openKeys = new Set(open.map((a) => `${a.personId}|${a.role}|${a.regionId}`));
  for (const x of planned) if (openKeys.has(`${x.personId}|${x.role}|${x.region.id}`)) x.assignment = 'skip';
  return planned;
}

function countsOf(planned: Planned[]): RosterImportResult['counts'] {
  const created = new Set(planned.filter((x) => x.person === 'create').map((x) => x.personId));
  const all = new Set(planned.map((x) => x.personId));
  return {
    peopleCreated: created.size,
    peopleReused: all.size - created.size,
    assignmentsCreated: planned.filter((x) => x.assignment === 'create').length,
    assignmentsSkipped: planned.filter((x) => x.assignment === 'skip').length,
  };
}

const publicRow = (x: Planned): RosterPlanRow => ({ row: x.row, name: x.name, role: x.role, regionCode: x.regionCode, regionName: x.regionName, startDate: x.startDate, partyMember: x.partyMember, person: x.person, assignment: x.assignment });

/** dryRun: the plan. Otherwise: the plan made again and carried out in one transaction, all rows or none. */
export async function importRoster(db: Db, ctx: CommandContext, workbook: ExcelJS.Workbook, fileName: string, dryRun: boolean): Promise<RosterImportResult> {
  const actor = requireActor(ctx);
  const today = shanghaiDay(ctx.now);
  if (dryRun) {
    const planned = await planRoster(db, actor, workbook, today);
    return { dryRun: true, rowCount: planned.length, counts: countsOf(planned), rows: planned.map(publicRow) };
  }
  return db.transaction(async (tx) => {
    await repo.lockImports(tx, 'roster');
    const planned = await planRoster(tx, actor, workbook, today);
    const counts = countsOf(planned);
    const importId = uuidv7();
    const audits: ReturnType<typeof auditRow>[] = [];
    const newPersonIds = new Set(planned.filter((x) => x.person === 'create').map((x) => x.personId));
    // A new person appearing on several rows is created once, from all of them (home = the first row's grid).
    const newPeople = new Map<string, typeof people.$inferInsert>();
    for (const x of planned.filter((p) => newPersonIds.has(p.personId))) {
      const known = newPeople.get(x.personId);
      if (known) {
        known.idNumber ??= x.idNumber;
        known.partyMember ||= x.partyMember;
      } else {
        newPeople.set(x.personId, { id: x.personId, name: x.name, phone: x.phone, idNumber: x.idNumber, partyMember: x.partyMember, homeRegionId: x.region.id, homePath: x.region.path, createdAt: ctx.now, updatedAt: ctx.now });
      }
    }
    for (const person of newPeople.values()) {
      audits.push(auditRow(ctx, { action: 'person.create', entityType: 'person', entityId: person.id!, regionPath: person.homePath, after: { ...person, importId } }));
    }
    const assignments = planned
      .filter((x) => x.assignment === 'create')
      .map((x) => ({ id: uuidv7(), personId: x.personId, role: x.role, regionId: x.region.id, regionPath: x.region.path, startDate: x.startDate, endDate: null, createdAt: ctx.now }));
    for (const a of assignments) audits.push(auditRow(ctx, { action: 'assignment.create', entityType: 'assignment', entityId: a.id, regionPath: a.regionPath, after: { ...a, importId } }));
    await repo.insertPeople(tx, [...newPeople.values()]);
    await repo.insertAssignments(tx, assignments);
    audits.push(auditRow(ctx, { action: 'import.roster', entityType: 'import', entityId: importId, regionPath: commonAncestor(planned.map((x) => x.region.path)), after: { fileName, rowCount: planned.length, counts } }));
    await repo.insertAuditRows(tx, audits);
    return { dryRun: false, rowCount: planned.length, counts };
  });
}

import { uuidv7 } from '../../shared/ids.js';
import { ROLE_LABELS, type Role } from '@shuren/core';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../shared/audit.js';
import { requireActor, type CommandContext } from '../../shared/context.js';
import { AppError, invalidField, notFound } from '../../shared/errors.js';
import { shanghaiDay } from '../../shared/time.js';
import { findRegionById } from '../regions/regions.repository.js';
import { findPersonForUpdate } from '../people/people.repository.js';
import { requireReadPerson } from '../people/people.policy.js';
import { rangesOverlap, roleFitsRegion, ROLE_PLACEMENT } from './assignment-rules.js';
import { canReadAssignment, requireManageAssignment } from './assignments.policy.js';
import * as repo from './assignments.repository.js';

const LEVEL_ZH: Record<string, string> = { subdistrict: '街道', community: '社区', grid2: '二级网格', grid3: '三级网格' };
const KIND_ZH: Record<string, string> = { building: '楼栋', lane: '街巷' };

function placementMessage(role: Role): { zh: string; en: string } {
  const rule = ROLE_PLACEMENT[role]!;
  const where = rule.kinds ? rule.kinds.map((k) => KIND_ZH[k] ?? k).join('或') : rule.levels.map((l) => LEVEL_ZH[l]).join('或');
  return { zh: `${ROLE_LABELS[role].zh}只能任职于${where}`, en: `${ROLE_LABELS[role].en} must be held over: ${(rule.kinds ?? rule.levels).join(' or ')}` };
}

export interface CreateAssignmentInput {
  personId: string;
  role: Role;
  regionId: string;
  startDate: string;
  endDate?: string | null;
}

/**
 * Appoints a person to a role over a region node. The person row is locked first, so two concurrent
 * appointments of the same person cannot both pass the overlap check (READ COMMITTED on PostgreSQL).
 */
export async function createAssignment(db: Db, ctx: CommandContext, input: CreateAssignmentInput): Promise<repo.AssignmentView> {
  const actor = requireActor(ctx);
  const endDate = input.endDate ?? null;
  if (endDate !== null && endDate < input.startDate) {
    throw invalidField('/body/endDate', 'before_start', { zh: '结束日期不能早于开始日期', en: 'The end date cannot be before the start date' });
  }
  return db.transaction(async (tx) => {
    const region = await findRegionById(tx, input.regionId);
    if (!region) throw invalidField('/body/regionId', 'not_found', { zh: '区域不存在', en: 'Region does not exist' });
    requireManageAssignment(actor, { regionPath: region.path, role: input.role });
    if (!roleFitsRegion(input.role, region)) throw invalidField('/body/regionId', 'role_region', placementMessage(input.role));
    const person = await findPersonForUpdate(tx, input.personId);
    if (!person) throw invalidField('/body/personId', 'not_found', { zh: '人员不存在', en: 'Person does not exist' });
    requireReadPerson(actor, person);
    const candidate = { startDate: input.startDate, endDate };
    const clash = (await repo.findSamePlacement(tx, person.id, input.role, region.id)).find((a) => rangesOverlap(a, candidate));
    if (clash) {
      throw new AppError('duplicate', {
        detail: { zh: `该人员在此区域已有重叠期间的${ROLE_LABELS[input.role].zh}任职`, en: 'The person already holds this role over this region in an overlapping period' },
        fields: [{ field: '/body/startDate', code: 'overlap', zh: '与已有任职期间重叠', en: 'Overlaps an existing assignment' }],
      });
    }
    const row = { id: uuidv7(), personId: person.id, role: input.role, regionId: region.id, regionPath: region.path, startDate: input.startDate, endDate, endReason: null, createdAt: ctx.now };
    await repo.insertAssignment(tx, row);
    await recordAudit(tx, ctx, { action: 'assignment.create', entityType: 'assignment', entityId: row.id, regionPath: region.path, after: { ...row, personName: person.name } });
    return { ...row, personName: person.name, regionName: region.name };
  });
}

/** Ends an assignment on a day (inclusive). One already past its end is fixed (409); a planned end may be brought forward. */
export async function endAssignment(db: Db, ctx: CommandContext, id: string, input: { endDate: string; reason?: string }): Promise<repo.AssignmentView> {
  const actor = requireActor(ctx);
  const today = shanghaiDay(ctx.now);
  return db.transaction(async (tx) => {
    const before = await repo.findAssignmentForUpdate(tx, id);
    if (!before) throw notFound();
    if (!canReadAssignment(actor, before)) throw new AppError('forbidden');
    requireManageAssignment(actor, before);
    if (before.endDate !== null && before.endDate <= today) {
      throw new AppError('not_allowed_in_state', { detail: { zh: '该任职已结束', en: 'This assignment has already ended' }, allowedActions: [] });
    }
    if (input.endDate < before.startDate) throw invalidField('/body/endDate', 'before_start', { zh: '结束日期不能早于开始日期', en: 'The end date cannot be before the start date' });
    if (before.endDate !== null && input.endDate > before.endDate) {
      throw invalidField('/body/endDate', 'after_planned_end', { zh: '结束日期不能晚于原定结束日期', en: 'The end date cannot be after the planned end date' });
    }
    await repo.endAssignment(tx, id, input.endDate, input.reason ?? null);
    const after = (await repo.findAssignment(tx, id))!;
    await recordAudit(tx, ctx, { action: 'assignment.end', entityType: 'assignment', entityId: id, regionPath: before.regionPath, before, after });
    return after;
  });
}

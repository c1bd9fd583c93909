import { uuidv7 } from '../../shared/ids.js';
import { idsOnPath, isoWeekday, type CreateReceptionSlotBody, type ReceptionSchedule } from '@shuren/core';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../shared/actor.js';
import { recordAudit } from '../../shared/audit.js';
import { requireActor, type CommandContext } from '../../shared/context.js';
import { AppError, invalidField, notFound } from '../../shared/errors.js';
import { shanghaiDay } from '../../shared/time.js';
import { findHousehold } from '../households/households.repository.js';
import { findPersonById } from '../people/people.repository.js';
import { findRegionById } from '../regions/regions.repository.js';
import { canManageSlot, canReadSchedule, requireManageSchedule } from './reception.policy.js';
import { presentSchedule } from './reception.presenter.js';
import * as repo from './reception.repository.js';

/** Reception days are held for a building/lane (level-3 grid) or a compound/area (level-2 grid). */
const SCHEDULE_LEVELS = ['grid2', 'grid3'];

async function scheduleOf(db: DbOrTx, slots: repo.SlotView[], actor: Actor, now: Date): Promise<ReceptionSchedule> {
  const cancelled = await repo.cancellationsFrom(db, slots.map((s) => s.id), shanghaiDay(now));
  return presentSchedule(slots, cancelled, actor, now);
}

/**
 * A grid's schedule. Readers of the region see its whole subtree (a community's worker sees every building's
 * slots); a resident reading a node above their home sees only that node's own slots.
 */
export async function regionSchedule(db: Db, actor: Actor, regionId: string, includeEnded: boolean, now: Date): Promise<ReceptionSchedule> {
  const region = await findRegionById(db, regionId);
  if (!region) throw notFound();
  if (!canReadSchedule(actor, region)) throw new AppError('forbidden');
  const wholeSubtree = actor.grants.some((g) => g.permission === 'region.read' && region.path.startsWith(g.path));
  const slots = await repo.listSlots(db, wholeSubtree ? { subtrees: [region.path], includeEnded } : { regionIds: [region.id], includeEnded });
  return scheduleOf(db, slots, actor, now);
}

/** For a 楼长: the slots they hold. For everyone with a home: the slots of the grids above their household. */
export async function mySchedule(db: Db, actor: Actor, now: Date): Promise<{ holding: ReceptionSchedule; forMyHome: ReceptionSchedule }> {
  const person = await findPersonById(db, actor.personId);
  const household = person?.householdId ? await findHousehold(db, person.householdId) : undefined;
  const homePath = household?.regionPath ?? person?.homePath ?? actor.homePath;
  const [holding, forMyHome] = await Promise.all([
    repo.listSlots(db, { holderPersonId: actor.personId }),
    repo.listSlots(db, { regionIds: idsOnPath(homePath) }),
  ]);
  return { holding: await scheduleOf(db, holding, actor, now), forMyHome: await scheduleOf(db, forMyHome, actor, now) };
}

function checkTimes(input: { startTime: string; endTime: string }) {
  if (input.endTime <= input.startTime) throw invalidField('/body/endTime', 'not_after_start', { zh: '结束时间必须晚于开始时间', en: 'The end time must be after the start time' });
}

/** Schedules a weekly slot or a one-off session. The holder must be the 楼长/巷长/街长 of that node today. */
export async function createSlot(db: Db, ctx: CommandContext, input: CreateReceptionSlotBody): Promise<repo.SlotView> {
  const actor = requireActor(ctx);
  const today = shanghaiDay(ctx.now);
  checkTimes(input);
  if (input.kind === 'weekly') {
    if (input.weekday === undefined) throw invalidField('/body/weekday', 'required', { zh: '请选择每周的哪一天', en: 'Choose the day of the week' });
    if (input.date !== undefined) throw invalidField('/body/date', 'not_for_weekly', { zh: '每周接待不需要日期', en: 'A weekly slot has no date' });
  } else {
    if (input.date === undefined) throw invalidField('/body/date', 'required', { zh: '请选择接待日期', en: 'Choose the date' });
    if (input.weekday !== undefined) throw invalidField('/body/weekday', 'not_for_once', { zh: '单次接待不需要星期', en: 'A one-off session has no weekday' });
    if (input.date < today) throw invalidField('/body/date', 'in_past', { zh: '接待日期不能早于今天', en: 'The date cannot be in the past' });
  }
  const holderPersonId = input.holderPersonId ?? actor.personId;
  return db.transaction(async (tx) => {
    const region = await findRegionById(tx, input.regionId);
    if (!region) throw invalidField('/body/regionId', 'not_found', { zh: '区域不存在', en: 'Region does not exist' });
    requireManageSchedule(actor, region);
    if (!SCHEDULE_LEVELS.includes(region.level)) throw invalidField('/body/regionId', 'not_a_grid', { zh: '接待日只能设在楼栋、街巷或二级网格', en: 'Reception days are held for a building, lane or level-2 grid' });
    if (!(await repo.activeHeadRole(tx, holderPersonId, region.id, today))) {
      throw invalidField('/body/holderPersonId', 'not_head', { zh: '接待人必须是该区域现任的楼长、巷长或街长', en: 'The holder must currently be the building, lane or street head of this region' });
    }
    const row = {
      id: uuidv7(),
      regionId: region.id,
      regionPath: region.path,
      holderPersonId,
      kind: input.kind,
      weekday: input.kind === 'weekly' ? input.weekday! : null,
      date: input.kind === 'once' ? input.date! : null,
      startTime: input.startTime,
      endTime: input.endTime,
      place: input.place.trim(),
      endedAt: null,
      endReason: null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    if (!row.place) throw invalidField('/body/place', 'required', { zh: '请填写接待地点', en: 'Enter the place' });
    await repo.insertSlot(tx, row);
    await recordAudit(tx, ctx, { action: 'reception.create', entityType: 'reception_slot', entityId: row.id, regionPath: region.path, after: row });
    return (await repo.findSlot(tx, row.id))!;
  });
}

async function loadManaged(tx: DbOrTx, actor: Actor, id: string) {
  const slot = await repo.lockSlot(tx, id);
  if (!slot) throw notFound();
  const region = await findRegionById(tx, slot.regionId);
  if (!region || !canReadSchedule(actor, region)) throw notFound();
  if (!canManageSlot(actor, slot)) throw new AppError('forbidden');
  if (slot.endedAt) throw new AppError('not_allowed_in_state', { detail: { zh: '该接待安排已结束', en: 'This reception slot has ended' }, allowedActions: [] });
  return slot;
}

/** Stops a slot (e.g. the 楼长 steps down or the place changes); the row stays for the record. */
export async function endSlot(db: Db, ctx: CommandContext, id: string, input: { reason?: string }): Promise<repo.SlotView> {
  const actor = requireActor(ctx);
  return db.transaction(async (tx) => {
    const before = await loadManaged(tx, actor, id);
    await repo.endSlot(tx, id, ctx.now, input.reason ?? null);
    const after = (await repo.findSlot(tx, id))!;
    await recordAudit(tx, ctx, { action: 'reception.end', entityType: 'reception_slot', entityId: id, regionPath: before.regionPath, before, after });
    return after;
  });
}

/** Cancels one session (a date the slot would be held on, today or later) with a reason residents will see. */
export async function cancelSession(db: Db, ctx: CommandContext, id: string, input: { date: string; reason: string }): Promise<repo.SlotView> {
  const actor = requireActor(ctx);
  const today = shanghaiDay(ctx.now);
  return db.transaction(async (tx) => {
    const slot = await loadManaged(tx, actor, id);
    if (input.date < today) throw invalidField('/body/date', 'in_past', { zh: '不能取消已过去的接待', en: 'A past session cannot be cancelled' });
    const onSchedule = slot.kind === 'weekly' ? isoWeekday(input.date) === slot.weekday : input.date === slot.date;
    if (!onSchedule) throw invalidField('/body/date', 'no_session', { zh: '这一天没有该接待安排', en: 'This slot has no session on that date' });
    if (await repo.findCancellation(tx, id, input.date)) {
      throw new AppError('duplicate', { detail: { zh: '这一天的接待已取消', en: 'That session is already cancelled' }, fields: [{ field: '/body/date', code: 'already_cancelled', zh: '已取消', en: 'Already cancelled' }] });
    }
    const row = { id: uuidv7(), slotId: id, date: input.date, reason: input.reason.trim() || input.reason, cancelledBy: actor.personId, createdAt: ctx.now };
    await repo.insertCancellation(tx, row);
    await recordAudit(tx, ctx, { action: 'reception.cancel_session', entityType: 'reception_slot', entityId: id, regionPath: slot.regionPath, after: row });
    return (await repo.findSlot(tx, id))!;
  });
}

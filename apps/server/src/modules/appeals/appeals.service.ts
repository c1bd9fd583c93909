import { PgTransaction } from 'drizzle-orm/pg-core';
import { randomBytesPooled, uuidv7 } from '../../shared/ids.js';
import { checkAnswers, decide, nextRung, openAppeal, trackingCodeAt, type AppealCommand, type AppealCommandName, type AppealLevel, type AppealSource, type CreateAppealBody } from '@shuren/core';
import type { Db, DbOrTx } from '../../db/client.js';
import { auditRow, recordAudit } from '../../shared/audit.js';
import { shanghaiDay } from '../../shared/time.js';
import { requireActor, type CommandContext } from '../../shared/context.js';
import { AppError, invalidField, notFound } from '../../shared/errors.js';
import * as repo from './appeals.repository.js';
import type { AppealRow, CategoryRow } from './appeals.repository.js';
import { sendOutbound, STAFF_ROLES, TEXT, type OutboundNotification } from './appeals.notify.js';
import { actingRole, persistEvents } from './appeals.persist.js';
import { appealActions, canFollow, canReadAsStaff, intakeScopes, isReporter, machineActor } from './appeals.policy.js';
import { communityPrefix, duplicateArea, resolvePlace, resolvePlaceWithStaff, startingUnit, unitAt, type Place } from './appeals.routing.js';
import { columnsOf, machineEnv, questionsOf } from './appeals.setup.js';
import { claimPhotos } from './appeal-photos.service.js';
import { activeCategory } from './appeals.categories-cache.js';
import { findDuplicateSummaries, insertSubmissions, type DuplicateArea, type DuplicateSummary, type Submission } from './appeals.intake-sql.js';
import { intakeWriter } from './appeals.intake-writer.js';

const DUPLICATE_WINDOW_MS = 30 * 86_400_000;

async function categoryOrFail(db: DbOrTx, code: string): Promise<CategoryRow> {
  const category = await activeCategory(db, code);
  if (!category) throw invalidField('/body/categoryCode', 'unknown', { zh: '没有这个诉求类别', en: 'Unknown category' });
  return category;
}

type Point = { lat: number; lng: number };

/** The reported point, else the place's own point (a building's door), else none. */
function pointOf(place: Place, reported: Point | undefined): Point | null {
  if (reported) return reported;
  return place.region.lat !== null && place.region.lng !== null ? { lat: place.region.lat, lng: place.region.lng } : null;
}

/** Where to look for the same matter: same category, same building (or compound), or within ~100 m, last 30 days. */
function duplicateSearch(categoryCode: string, place: Place, point: Point | null, now: Date): DuplicateArea {
  return { categoryCode, prefix: duplicateArea(place), point, since: new Date(now.getTime() - DUPLICATE_WINDOW_MS) };
}

export async function previewDuplicates(db: Db, ctx: CommandContext, input: { categoryCode: string; regionId?: string; householdId?: string; point?: Point }): Promise<DuplicateSummary[]> {
  requireActor(ctx);
  const category = await categoryOrFail(db, input.categoryCode);
  const place = await resolvePlace(db, input);
  return findDuplicateSummaries(db, duplicateSearch(category.code, place, pointOf(place, input.point), ctx.now));
}

function newTrackingCode(now: Date): string {
  return trackingCodeAt(now.getTime(), randomBytesPooled(5));
}

/**
 * Intake: a resident about their own household or anywhere in their community; a 楼长/grid worker/staff
 * for a resident (reception day) or a hotline caller, anywhere they take reports.
 */
export async function submitAppeal(db: Db, ctx: CommandContext, body: CreateAppealBody, log?: { warn: (...a: any[]) => void }) {
  const actor = requireActor(ctx);
  // Reads run side by side; the write is one statement (appeals.intake-sql.ts), in a transaction only when photos
  // are claimed with it.
  const [categoryRead, placeRead] = await Promise.allSettled([categoryOrFail(db, body.categoryCode), resolvePlaceWithStaff(db, body, STAFF_ROLES, shanghaiDay(ctx.now))]);
  // The category's error first, as when they were read one after the other.
  if (categoryRead.status === 'rejected') throw categoryRead.reason;
  if (placeRead.status === 'rejected') throw placeRead.reason;
  const category = categoryRead.value;
  const place = placeRead.value;
  const issues = checkAnswers(questionsOf(category), body.answers ?? {});
  if (issues.length) throw new AppError('validation_failed', { fields: issues.map((i) => ({ field: `/body/answers/${i.key}`, code: i.code === 'unknown' ? 'additionalProperties' : i.code === 'type' ? 'invalid' : i.code })) });
  if (body.mediation !== undefined && !category.mediation) throw invalidField('/body/mediation', 'not_offered', { zh: '该类别不提供调解', en: 'This category does not offer mediation' });
  const placeField = body.householdId ? '/body/householdId' : '/body/regionId';
  const intake = intakeScopes(actor);
  const staffHere = intake.some((s) => place.path.startsWith(s));
  const forSomeoneElse = Boolean(body.onBehalfOfPersonId || body.caller || (body.source && body.source !== 'resident'));
  if (forSomeoneElse && intake.length === 0) throw new AppError('forbidden', { detail: { zh: '只有工作人员和楼长可以代为反映', en: 'Only staff and building heads report on behalf of others' } });
  const ownCommunity = communityPrefix(actor.homePath);
  const residentHere = !forSomeoneElse && (place.householdId === actor.householdId || (ownCommunity !== null && place.path.startsWith(ownCommunity)));
  if (!staffHere && !residentHere) throw invalidField(placeField, 'outside_scope', { zh: '该地点不在您可以反映的范围内', en: 'That place is outside the area you can report for' });
  let onBehalfOf: { id: string } | undefined;
  if (body.onBehalfOfPersonId) {
    const person = await repo.findPerson(db, body.onBehalfOfPersonId);
    if (!person || !intake.some((s) => person.homePath.startsWith(s))) throw invalidField('/body/onBehalfOfPersonId', 'outside_scope', { zh: '该居民不在您的服务范围内', en: 'That resident is outside your area' });
    onBehalfOf = person;
  }
  const source: AppealSource = body.source ?? (body.onBehalfOfPersonId ? 'reception_day' : body.caller ? 'hotline' : 'resident');

  const start = startingUnit(place, category.defaultLevel as AppealLevel, category.department);
  const env = machineEnv(category);
  const { state, event } = openAppeal(start.unit, actor.personId, ctx.now.getTime(), env);
  // Who acts for the unit: those assigned at its node, else the nearest node above with someone (as unitPeople).
  const unitIds = start.path.split('/').filter(Boolean).reverse();
  const recipients = [...new Set(unitIds.map((n) => place.staffAt.get(n) ?? []).find((s) => s.length > 0) ?? [])].filter((p) => p !== actor.personId);

  const point = pointOf(place, body.point);
  const write = async (q: DbOrTx) => {
    const id = uuidv7();
    const trackingCode = newTrackingCode(ctx.now);
    const values = {
      id,
      trackingCode,
      categoryId: category.id,
      categoryCode: category.code,
      title: body.title ?? null,
      description: body.description,
      answers: body.answers ?? {},
      source,
      photoRefs: body.photoRefs ?? [],
      placeRegionId: place.region.id,
      regionPath: place.path,
      householdId: place.householdId,
      locationText: body.locationText ?? null,
      lat: point?.lat ?? null,
      lng: point?.lng ?? null,
      reporterPersonId: actor.personId,
      onBehalfOfPersonId: onBehalfOf?.id ?? null,
      callerName: body.caller?.name ?? null,
      callerPhone: body.caller?.phone ?? null,
      mediationConsent: category.mediation ? (body.mediation ?? null) : null,
      ...columnsOf(state, start.path),
      submittedAt: ctx.now,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    const text = TEXT.assigned(values as AppealRow);
    const submitted = {
      id: uuidv7(), appealId: id, seq: 1, type: 'submitted', at: ctx.now, actorPersonId: actor.personId, actorName: actor.name,
      actorRole: 'reporter', level: start.unit.level, unitRegionId: start.unit.regionId, publicNote: null, internalNote: null,
      photoRefs: body.photoRefs ?? [], data: { source, unit: start.unit, onBehalfOfPersonId: onBehalfOf?.id ?? null, responseDueAt: new Date((event as { responseDueAt: number }).responseDueAt).toISOString() }, regionPath: place.path,
    };
    // The resident's "yes" to mediation is a step of its own on both timelines ("居民同意调解"); the machine ignores it.
    const consent = values.mediationConsent === true ? [{ ...submitted, id: uuidv7(), seq: 2, type: 'mediation_accepted', photoRefs: [], data: {} }] : [];
    const submission: Submission = {
      appeal: values,
      event: [submitted, ...consent],
      audit: auditRow(ctx, { action: 'appeal.submit', entityType: 'appeal', entityId: id, regionPath: place.path, after: { trackingCode, categoryCode: category.code, source, level: start.unit.level, unitRegionId: start.unit.regionId, onBehalfOfPersonId: onBehalfOf?.id ?? null, mediationConsent: values.mediationConsent } }),
      notices: {
        text: { kind: 'assigned', appealId: id, trackingCode, title: text.title, body: text.body, regionPath: place.path, createdAt: ctx.now },
        to: recipients.map((recipientPersonId) => ({ id: uuidv7(), recipientPersonId })),
      },
    };
    // On its own inside a transaction (photos to claim with it, or the caller's); else with whatever else is arriving.
    const [row] = q === db ? [await intakeWriter(db).submit(submission)] : await insertSubmissions(q, [submission]);
    await claimPhotos(q, actor, body.photoRefs, { appeal: row, step: 'submit', now: ctx.now });
    return { row, outbound: recipients.map((recipientPersonId): OutboundNotification => ({ recipientPersonId, kind: 'assigned', appealId: id, trackingCode, ...text })) };
  };
  // A tracking code already taken (≈ n/2^40, n the day's reports) fails the statement: try again with a new one. Inside a caller's
  // transaction (Open311) the write runs in a savepoint, so a retry is possible there too.
  let written: Awaited<ReturnType<typeof write>> | undefined;
  for (let attempt = 0; !written; attempt++) {
    try {
      written = body.photoRefs?.length || db instanceof PgTransaction ? await db.transaction((tx) => write(tx)) : await write(db);
    } catch (err) {
      const e = err as { constraint?: string; cause?: { constraint?: string } };
      if (attempt < 3 && (e?.constraint ?? e?.cause?.constraint) === 'appeals_tracking_code_uq') continue;
      throw err;
    }
  }
  await sendOutbound(db, written.outbound, log);
  return { row: written.row, outbound: written.outbound };
}

export type CommandBody = Record<string, any> & { version?: number; internalNote?: string };

/** Turns a route body into a machine command, resolving units on the place's path. */
async function toCommand(tx: DbOrTx, name: AppealCommandName, body: CommandBody, row: AppealRow, category: CategoryRow): Promise<AppealCommand> {
  switch (name) {
    case 'dispatch': {
      const chain = await repo.regionsOnPath(tx, row.regionPath);
      const level = body.level as AppealLevel;
      const target = unitAt({ chain }, level, body.department ?? category.department ?? 'urban_management');
      if (!target) throw invalidField('/body/level', 'no_unit', { zh: '该地点在这一级没有对应的单位', en: 'The place has no unit at that level' });
      if (body.regionId && body.regionId !== target.unit.regionId) throw invalidField('/body/regionId', 'not_on_place_path', { zh: '只能派发给诉求所在地的上级单位', en: 'Dispatch goes to a unit that covers the place' });
      return { type: 'dispatch', unit: target.unit, note: body.note };
    }
    case 'escalate': {
      const up = nextRung(row.level as AppealLevel);
      const chain = await repo.regionsOnPath(tx, row.regionPath);
      const target = up ? unitAt({ chain }, up, body.department ?? category.department ?? 'urban_management') : null;
      return { type: 'escalate', reason: body.reason, to: target?.unit ?? { level: row.level as AppealLevel, regionId: row.unitRegionId, department: row.department } };
    }
    case 'approve_extension':
      return { type: 'approve_extension', approved: body.approved ?? true, note: body.note };
    default:
      return { type: name, ...body } as AppealCommand;
  }
}

/** One named command on one appeal, in one transaction: lock, decide, append events, audit, notify. */
export async function runCommand(db: Db, ctx: CommandContext, id: string, name: AppealCommandName, body: CommandBody, log?: { warn: (...a: any[]) => void }) {
  const actor = requireActor(ctx);
  const result = await db.transaction(async (tx) => {
    const row = await repo.lockAppeal(tx, id);
    if (!row || !(canReadAsStaff(actor, row) || isReporter(actor, row))) throw notFound();
    const category = (await repo.findCategoryById(tx, row.categoryId))!;
    const allowed = () => appealActions(actor, row, category, ctx.now);
    if (body.version !== undefined && body.version !== row.version) {
      throw new AppError('conflict', { detail: { zh: '该诉求刚被他人更新，请刷新后再操作', en: 'Someone else just changed this appeal; reload and try again' }, allowedActions: allowed() });
    }
    const { version: _v, internalNote, ...rest } = body;
    const command = await toCommand(tx, name, rest, row, category);
    const who = machineActor(actor, row);
    const decision = decide(row.state as any, command, who, ctx.now.getTime(), machineEnv(category));
    if (!decision.ok) {
      const e = decision.error;
      if (e.code === 'not_allowed_in_state') throw new AppError('not_allowed_in_state', { detail: e.message, allowedActions: allowed() });
      if (e.code === 'forbidden') throw new AppError('forbidden', { detail: e.message });
      throw invalidField(`/body/${e.field ?? name}`, 'invalid', e.message);
    }
    // After-photos (handle) and on-site photos (verify) become this step's own, once the machine allows the step.
    if ('photoRefs' in command) await claimPhotos(tx, actor, command.photoRefs, { appeal: row, step: name, now: ctx.now });
    let auditExtra: Record<string, unknown> | undefined;
    const extraOutbound: OutboundNotification[] = [];
    if (command.type === 'merge') auditExtra = await mergeInto(tx, ctx, row, command.survivorId, extraOutbound);
    const { row: updated, outbound } = await persistEvents(tx, ctx, row, {
      events: decision.events,
      performer: { personId: actor.personId, name: actor.name, role: actingRole(name, who.roles) },
      internalNote: internalNote ?? null,
      command: name,
      auditExtra,
    });
    return { row: updated, category, outbound: [...outbound, ...extraOutbound] };
  });
  await sendOutbound(db, result.outbound, log);
  return result;
}

/** Merge: the duplicate's reporter(s) and followers follow the survivor. */
async function mergeInto(tx: DbOrTx, ctx: CommandContext, dup: AppealRow, survivorId: string, _out: OutboundNotification[]) {
  if (survivorId === dup.id) throw invalidField('/body/survivorId', 'self', { zh: '不能合并到自身', en: 'An appeal cannot be merged into itself' });
  const survivor = await repo.lockAppeal(tx, survivorId);
  const actor = requireActor(ctx);
  if (!survivor || !canReadAsStaff(actor, survivor)) throw invalidField('/body/survivorId', 'not_found', { zh: '要合并到的诉求不存在', en: 'The appeal to merge into does not exist' });
  if (survivor.categoryCode !== dup.categoryCode || ['rejected', 'merged', 'closed'].includes(survivor.status))
    throw invalidField('/body/survivorId', 'not_mergeable', { zh: '只能合并到同类别、仍在办理的诉求', en: 'Merge into an open appeal of the same category' });
  const people = new Set<string>(await repo.followerIds(tx, dup.id));
  if (dup.reporterPersonId) people.add(dup.reporterPersonId);
  if (dup.onBehalfOfPersonId) people.add(dup.onBehalfOfPersonId);
  let added = 0;
  for (const p of people) {
    if (p === survivor.reporterPersonId || p === survivor.onBehalfOfPersonId) continue;
    if (await repo.addFollower(tx, { appealId: survivor.id, personId: p, via: 'merge', regionPath: survivor.regionPath, createdAt: ctx.now })) added++;
  }
  if (added) await repo.updateAppeal(tx, survivor.id, { followerCount: survivor.followerCount + added });
  return { survivorId: survivor.id, followersMoved: added };
}

/** +1: follow an open appeal instead of reporting it again. Idempotent. */
export async function followAppeal(db: Db, ctx: CommandContext, id: string) {
  const actor = requireActor(ctx);
  return db.transaction(async (tx) => {
    const row = await repo.lockAppeal(tx, id);
    if (!row) throw notFound();
    const category = (await repo.findCategoryById(tx, row.categoryId))!;
    if (await repo.isFollower(tx, row.id, actor.personId)) return { row, category, following: true };
    if (!canFollow(actor, row)) {
      if (!canReadAsStaff(actor, row) && !isReporter(actor, row) && !row.regionPath.startsWith(communityPrefix(actor.homePath) ?? '\u0000')) throw notFound();
      throw new AppError('not_allowed_in_state', { allowedActions: appealActions(actor, row, category, ctx.now) });
    }
    await repo.addFollower(tx, { appealId: row.id, personId: actor.personId, via: 'follow', regionPath: row.regionPath, createdAt: ctx.now });
    const seq = (await repo.lastSeq(tx, row.id)) + 1;
    await repo.insertEvents(tx, [
      { id: uuidv7(), appealId: row.id, seq, type: 'followed', at: ctx.now, actorPersonId: actor.personId, actorName: actor.name, actorRole: 'resident', level: row.level, unitRegionId: row.unitRegionId, publicNote: null, internalNote: null, photoRefs: [], data: {}, regionPath: row.regionPath },
    ]);
    const updated = await repo.updateAppeal(tx, row.id, { followerCount: row.followerCount + 1, updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'appeal.follow', entityType: 'appeal', entityId: row.id, regionPath: row.regionPath, after: { followerCount: updated.followerCount } });
    return { row: updated, category, following: true };
  });
}

import { uuidv7 } from '../../shared/ids.js';
import type { OrgKind, OrgMemberRole } from '@shuren/core';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../shared/audit.js';
import { requireActor, type CommandContext } from '../../shared/context.js';
import { AppError, invalidField, notFound } from '../../shared/errors.js';
import { shanghaiDay } from '../../shared/time.js';
import { orgActions, requireManageOrg, requireReadPerson } from './organisations.policy.js';
import * as repo from './organisations.repository.js';

const notInFuture = (field: string, date: string, today: string) => {
  if (date > today) throw invalidField(field, 'future', { zh: '日期不能晚于今天', en: 'The date cannot be later than today' });
};

const regionMissing = () => invalidField('/body/regionId', 'not_found', { zh: '所属区域不存在', en: 'The region does not exist' });

export async function createOrganisation(db: Db, ctx: CommandContext, input: { kind: OrgKind; name: string; regionId: string; description?: string; foundedOn?: string }) {
  const actor = requireActor(ctx);
  return db.transaction(async (tx) => {
    const region = await repo.findRegion(tx, input.regionId);
    if (!region) throw regionMissing();
    requireManageOrg(actor, { regionPath: region.path });
    if (input.foundedOn) notInFuture('/body/foundedOn', input.foundedOn, shanghaiDay(ctx.now));
    const id = uuidv7();
    const created = await repo.insertOrg(tx, {
      id,
      kind: input.kind,
      name: input.name,
      regionId: region.id,
      regionPath: region.path,
      description: input.description ?? null,
      foundedOn: input.foundedOn ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await recordAudit(tx, ctx, { action: 'organisation.create', entityType: 'organisation', entityId: id, regionPath: created.regionPath, after: created });
    return created;
  });
}

/** Name, description, founding date, and a move to another region the caller also keeps. */
export async function updateOrganisation(db: Db, ctx: CommandContext, id: string, input: { name?: string; description?: string | null; foundedOn?: string | null; regionId?: string }) {
  const actor = requireActor(ctx);
  return db.transaction(async (tx) => {
    const before = await repo.lockOrg(tx, id);
    if (!before) throw notFound();
    requireManageOrg(actor, before);
    const set: Parameters<typeof repo.updateOrg>[2] = { updatedAt: ctx.now };
    if (input.name !== undefined) set.name = input.name;
    if (input.description !== undefined) set.description = input.description;
    if (input.foundedOn !== undefined) {
      if (input.foundedOn) notInFuture('/body/foundedOn', input.foundedOn, shanghaiDay(ctx.now));
      if (input.foundedOn && before.dissolvedOn && input.foundedOn > before.dissolvedOn) {
        throw invalidField('/body/foundedOn', 'after_dissolved', { zh: '成立日期不能晚于解散日期', en: 'The founding date cannot be after the dissolution date' });
      }
      set.foundedOn = input.foundedOn;
    }
    if (input.regionId !== undefined && input.regionId !== before.regionId) {
      const region = await repo.findRegion(tx, input.regionId);
      if (!region) throw regionMissing();
      requireManageOrg(actor, { regionPath: region.path });
      set.regionId = region.id;
      set.regionPath = region.path;
    }
    const after = await repo.updateOrg(tx, id, set);
    await recordAudit(tx, ctx, { action: set.regionId ? 'organisation.move' : 'organisation.update', entityType: 'organisation', entityId: id, regionPath: after.regionPath, before, after });
    return after;
  });
}

/**
 * Dissolution closes the record (it stays listed with includeDissolved and in the ledger) and ends every
 * current membership on the same day, so a dissolved organisation has no current members.
 */
export async function dissolveOrganisation(db: Db, ctx: CommandContext, id: string, input: { date: string; reason: string }) {
  const actor = requireActor(ctx);
  return db.transaction(async (tx) => {
    const before = await repo.lockOrg(tx, id);
    if (!before) throw notFound();
    requireManageOrg(actor, before);
    if (before.dissolvedOn) throw new AppError('not_allowed_in_state', { detail: { zh: '该组织已解散', en: 'The organisation is already dissolved' }, allowedActions: orgActions(actor, before) });
    notInFuture('/body/date', input.date, shanghaiDay(ctx.now));
    if (before.foundedOn && input.date < before.foundedOn) {
      throw invalidField('/body/date', 'before_founded', { zh: '解散日期不能早于成立日期', en: 'The dissolution date cannot be before the founding date' });
    }
    const after = await repo.updateOrg(tx, id, { dissolvedOn: input.date, dissolvedReason: input.reason, updatedAt: ctx.now });
    const membershipsEnded = await repo.closeOpenMemberships(tx, id, input.date);
    await recordAudit(tx, ctx, { action: 'organisation.dissolve', entityType: 'organisation', entityId: id, regionPath: after.regionPath, before, after: { ...after, membershipsEnded } });
    return after;
  });
}

export async function addMember(db: Db, ctx: CommandContext, orgId: string, input: { personId: string; role: OrgMemberRole; joinedOn: string }) {
  const actor = requireActor(ctx);
  return db.transaction(async (tx) => {
    const org = await repo.lockOrg(tx, orgId);
    if (!org) throw notFound();
    requireManageOrg(actor, org);
    if (org.dissolvedOn) {
      throw new AppError('not_allowed_in_state', { detail: { zh: '已解散的组织不能再添加成员', en: 'A dissolved organisation takes no new members' }, allowedActions: orgActions(actor, org) });
    }
    const person = await repo.findPersonScope(tx, input.personId);
    if (!person) throw invalidField('/body/personId', 'not_found', { zh: '人员不存在', en: 'The person does not exist' });
    requireReadPerson(actor, person);
    notInFuture('/body/joinedOn', input.joinedOn, shanghaiDay(ctx.now));
    if (org.foundedOn && input.joinedOn < org.foundedOn) {
      throw invalidField('/body/joinedOn', 'before_founded', { zh: '加入日期不能早于组织成立日期', en: 'The joining date cannot be before the organisation was founded' });
    }
    // The organisation row is locked, so this check and the insert cannot interleave with another add;
    // the partial unique index backs it up all the same.
    if (await repo.findActiveMembership(tx, org.id, person.id)) {
      throw new AppError('duplicate', { detail: { zh: '此人已是该组织的现任成员', en: 'This person is already a current member' } });
    }
    const member = await repo.insertMember(tx, { id: uuidv7(), organisationId: org.id, personId: person.id, role: input.role, joinedOn: input.joinedOn, createdAt: ctx.now });
    await repo.updateOrg(tx, org.id, { updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'organisation.member_add', entityType: 'organisation', entityId: org.id, regionPath: org.regionPath, after: { ...member, personName: person.name } });
    return member;
  });
}

export async function leaveMember(db: Db, ctx: CommandContext, orgId: string, memberId: string, input: { leftOn: string }) {
  const actor = requireActor(ctx);
  return db.transaction(async (tx) => {
    const org = await repo.lockOrg(tx, orgId);
    if (!org) throw notFound();
    requireManageOrg(actor, org);
    const before = await repo.findMember(tx, org.id, memberId);
    if (!before) throw notFound();
    if (before.leftOn) throw new AppError('not_allowed_in_state', { detail: { zh: '该成员已离开', en: 'This member has already left' }, allowedActions: [] });
    if (input.leftOn < before.joinedOn) {
      throw invalidField('/body/leftOn', 'before_joined', { zh: '离开日期不能早于加入日期', en: 'The leaving date cannot be before the joining date' });
    }
    notInFuture('/body/leftOn', input.leftOn, shanghaiDay(ctx.now));
    const after = await repo.setMemberLeft(tx, before.id, input.leftOn);
    await repo.updateOrg(tx, org.id, { updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'organisation.member_leave', entityType: 'organisation', entityId: org.id, regionPath: org.regionPath, before, after });
    return after;
  });
}

import { uuidv7 } from '../../shared/ids.js';
import type { HouseholdRelation } from '@shuren/core';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../shared/audit.js';
import { requireActor, type CommandContext } from '../../shared/context.js';
import { AppError, invalidField, notFound } from '../../shared/errors.js';
import { requireAllowed } from '../../shared/scope.js';
import { findRegionById } from '../regions/regions.repository.js';
import { isUniqueViolation } from '../people/db-errors.js';
import { requireReadPerson } from '../people/people.policy.js';
import { findPersonForUpdate, updatePerson } from '../people/people.repository.js';
import { auditablePerson } from '../people/people.service.js';
import * as repo from './households.repository.js';

/** Floor area is stored as NUMERIC(10,2): more decimals would be rounded silently, so they are refused. */
function floorAreaText(value: number | null | undefined, field = '/body/floorArea'): string | null | undefined {
  if (value === undefined || value === null) return value;
  if (Math.abs(Math.round(value * 100) - value * 100) > 1e-6) {
    throw invalidField(field, 'decimals', { zh: '面积最多保留两位小数', en: 'Floor area has at most two decimals' });
  }
  return value.toFixed(2);
}

const roomTaken = () =>
  new AppError('duplicate', { fields: [{ field: '/body/room', code: 'duplicate', zh: '该网格内已有相同房号的住户', en: 'A household with this room already exists in the grid' }] });

async function guardRoom<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    // Two clerks registering the same room at once: the unique index decides, the client still gets the field error.
    if (isUniqueViolation(err, 'households_region_room_uq')) throw roomTaken();
    throw err;
  }
}

export async function createHousehold(db: Db, ctx: CommandContext, input: { regionId: string; address: string; room: string; floorArea?: number | null }) {
  const actor = requireActor(ctx);
  const floorArea = floorAreaText(input.floorArea) ?? null;
  return guardRoom(() =>
    db.transaction(async (tx) => {
      const region = await findRegionById(tx, input.regionId);
      if (!region) throw invalidField('/body/regionId', 'not_found', { zh: '区域不存在', en: 'Region does not exist' });
      requireAllowed(actor, 'household.manage', region.path);
      if (region.level !== 'grid3') throw invalidField('/body/regionId', 'not_grid3', { zh: '住户须登记在三级网格（楼栋或街巷）下', en: 'Households belong to a level-3 grid (building or lane)' });
      if (await repo.roomTaken(tx, region.id, input.room)) throw roomTaken();
      const row = { id: uuidv7(), regionId: region.id, regionPath: region.path, address: input.address, room: input.room, floorArea, createdAt: ctx.now, updatedAt: ctx.now };
      await repo.insertHousehold(tx, row);
      await recordAudit(tx, ctx, { action: 'household.create', entityType: 'household', entityId: row.id, regionPath: region.path, after: row });
      return { ...row, regionName: region.name, memberCount: 0 } satisfies repo.HouseholdView;
    }),
  );
}

export async function updateHousehold(db: Db, ctx: CommandContext, id: string, input: { address?: string; room?: string; floorArea?: number | null }) {
  const actor = requireActor(ctx);
  const floorArea = floorAreaText(input.floorArea);
  return guardRoom(() =>
    db.transaction(async (tx) => {
      const before = await repo.findHouseholdForUpdate(tx, id);
      if (!before) throw notFound();
      requireAllowed(actor, 'household.manage', before.regionPath);
      const patch: Partial<repo.HouseholdRow> = {};
      if (input.address !== undefined && input.address !== before.address) patch.address = input.address;
      if (input.room !== undefined && input.room !== before.room) {
        if (await repo.roomTaken(tx, before.regionId, input.room, id)) throw roomTaken();
        patch.room = input.room;
      }
      if (floorArea !== undefined && floorArea !== before.floorArea) patch.floorArea = floorArea;
      if (Object.keys(patch).length > 0) {
        patch.updatedAt = ctx.now;
        const after = await repo.updateHousehold(tx, id, patch);
        await recordAudit(tx, ctx, { action: 'household.update', entityType: 'household', entityId: id, regionPath: after.regionPath, before, after });
      }
      return (await repo.findHousehold(tx, id))!;
    }),
  );
}

/**
 * Registers a person in a household: the person now lives at the household's level-3 grid, so their home
 * region (the scope key for who may see them) moves there too. The person's row is what changes, so the
 * audit row is on the person, naming the household.
 */
export async function addMember(db: Db, ctx: CommandContext, householdId: string, input: { personId: string; relation: HouseholdRelation }) {
  const actor = requireActor(ctx);
  return db.transaction(async (tx) => {
    const household = await repo.findHouseholdForUpdate(tx, householdId);
    if (!household) throw notFound();
    requireAllowed(actor, 'household.manage', household.regionPath);
    const person = await findPersonForUpdate(tx, input.personId);
    if (!person) throw invalidField('/body/personId', 'not_found', { zh: '人员不存在', en: 'Person does not exist' });
    requireReadPerson(actor, person);
    if (person.householdId === household.id) {
      throw new AppError('duplicate', { fields: [{ field: '/body/personId', code: 'already_member', zh: '该人员已是本户成员', en: 'The person is already a member of this household' }] });
    }
    if (person.householdId) {
      throw new AppError('conflict', { fields: [{ field: '/body/personId', code: 'in_other_household', zh: '该人员已登记在其他住户，请先移出', en: 'The person belongs to another household; remove them there first' }] });
    }
    if (input.relation === 'head' && (await repo.headOf(tx, household.id))) {
      throw new AppError('conflict', { fields: [{ field: '/body/relation', code: 'head_exists', zh: '本户已有户主', en: 'The household already has a head' }] });
    }
    const after = await updatePerson(tx, person.id, { householdId: household.id, householdRelation: input.relation, homeRegionId: household.regionId, homePath: household.regionPath, updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'household.add_member', entityType: 'person', entityId: person.id, regionPath: household.regionPath, before: auditablePerson(person), after: auditablePerson(after) });
    return (await repo.findHousehold(tx, household.id))!;
  });
}

/** Takes a person off a household; they keep the grid as home region until someone moves them. */
export async function removeMember(db: Db, ctx: CommandContext, householdId: string, personId: string) {
  const actor = requireActor(ctx);
  return db.transaction(async (tx) => {
    const household = await repo.findHouseholdForUpdate(tx, householdId);
    if (!household) throw notFound();
    requireAllowed(actor, 'household.manage', household.regionPath);
    const person = await findPersonForUpdate(tx, personId);
    if (!person || person.householdId !== household.id) throw notFound();
    const after = await updatePerson(tx, person.id, { householdId: null, householdRelation: null, updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'household.remove_member', entityType: 'person', entityId: person.id, regionPath: household.regionPath, before: auditablePerson(person), after: auditablePerson(after) });
    return (await repo.findHousehold(tx, household.id))!;
  });
}

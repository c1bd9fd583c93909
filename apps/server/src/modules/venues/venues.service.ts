import { uuidv7 } from '../../shared/ids.js';
import { openingHoursIssues, sortOpeningHours, type OpeningHours, type VenueKind } from '@shuren/core';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../shared/audit.js';
import { requireActor, type CommandContext } from '../../shared/context.js';
import { AppError, invalidField, notFound, type FieldIssue } from '../../shared/errors.js';
import { requireManageVenue } from './venues.policy.js';
import * as repo from './venues.repository.js';

const ISSUE_TEXT = {
  invalid: { zh: '取值无效', en: 'is invalid' },
  not_after_opens: { zh: '关门时间必须晚于开门时间', en: 'must be later than the opening time' },
  overlap: { zh: '与同一天的另一个时段重叠', en: 'overlaps another period on the same day' },
} as const;

/**
 * Checks a week of opening hours and returns it sorted; every problem is reported at once, each at its
 * own JSON pointer (`/body/hours/2/closes`), so a form can mark the exact cell.
 */
export function checkedOpeningHours(hours: readonly OpeningHours[], pointer: string): OpeningHours[] {
  const issues = openingHoursIssues(hours);
  if (issues.length) {
    const fields: FieldIssue[] = issues.map((i) => ({ field: `${pointer}/${i.index}/${i.field}`, code: i.code, ...ISSUE_TEXT[i.code] }));
    throw new AppError('validation_failed', { fields });
  }
  return sortOpeningHours(hours).map((h) => ({ weekday: h.weekday, opens: h.opens, closes: h.closes }));
}

const regionMissing = () => invalidField('/body/regionId', 'not_found', { zh: '所属区域不存在', en: 'The region does not exist' });

export async function createVenue(db: Db, ctx: CommandContext, input: { kind: VenueKind; name: string; regionId: string; address?: string; phone?: string; openingHours?: OpeningHours[] }) {
  const actor = requireActor(ctx);
  return db.transaction(async (tx) => {
    const region = await repo.findRegion(tx, input.regionId);
    if (!region) throw regionMissing();
    requireManageVenue(actor, { regionPath: region.path });
    const openingHours = checkedOpeningHours(input.openingHours ?? [], '/body/openingHours');
    const id = uuidv7();
    const created = await repo.insertVenue(tx, {
      id,
      kind: input.kind,
      name: input.name,
      regionId: region.id,
      regionPath: region.path,
      address: input.address ?? null,
      phone: input.phone ?? null,
      openingHours,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await recordAudit(tx, ctx, { action: 'venue.create', entityType: 'venue', entityId: id, regionPath: created.regionPath, after: created });
    return created;
  });
}

export async function updateVenue(db: Db, ctx: CommandContext, id: string, input: { kind?: VenueKind; name?: string; regionId?: string; address?: string | null; phone?: string | null }) {
  const actor = requireActor(ctx);
  return db.transaction(async (tx) => {
    const before = await repo.lockVenue(tx, id);
    if (!before) throw notFound();
    requireManageVenue(actor, before);
    const set: Parameters<typeof repo.updateVenue>[2] = { updatedAt: ctx.now };
    if (input.kind !== undefined) set.kind = input.kind;
    if (input.name !== undefined) set.name = input.name;
    if (input.address !== undefined) set.address = input.address;
    if (input.phone !== undefined) set.phone = input.phone;
    if (input.regionId !== undefined && input.regionId !== before.regionId) {
      const region = await repo.findRegion(tx, input.regionId);
      if (!region) throw regionMissing();
      requireManageVenue(actor, { regionPath: region.path });
      set.regionId = region.id;
      set.regionPath = region.path;
    }
    const after = await repo.updateVenue(tx, id, set);
    await recordAudit(tx, ctx, { action: set.regionId ? 'venue.move' : 'venue.update', entityType: 'venue', entityId: id, regionPath: after.regionPath, before, after });
    return after;
  });
}

/** Replaces the whole week: the form always sends every period, so there is no partial edit to merge. */
export async function setOpeningHours(db: Db, ctx: CommandContext, id: string, input: { hours: OpeningHours[] }) {
  const actor = requireActor(ctx);
  return db.transaction(async (tx) => {
    const before = await repo.lockVenue(tx, id);
    if (!before) throw notFound();
    requireManageVenue(actor, before);
    const openingHours = checkedOpeningHours(input.hours, '/body/hours');
    const after = await repo.updateVenue(tx, id, { openingHours, updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'venue.set_opening_hours', entityType: 'venue', entityId: id, regionPath: after.regionPath, before: { openingHours: before.openingHours }, after: { openingHours } });
    return after;
  });
}

const duplicateRoom = () => new AppError('duplicate', { detail: { zh: '该阵地已有同名房间', en: 'This venue already has a room with that name' } });

export async function addRoom(db: Db, ctx: CommandContext, venueId: string, input: { name: string; capacity?: number; description?: string }) {
  const actor = requireActor(ctx);
  return db.transaction(async (tx) => {
    const venue = await repo.lockVenue(tx, venueId);
    if (!venue) throw notFound();
    requireManageVenue(actor, venue);
    if (await repo.findRoomByName(tx, venue.id, input.name)) throw duplicateRoom();
    const room = await repo.insertRoom(tx, { id: uuidv7(), venueId: venue.id, name: input.name, capacity: input.capacity ?? null, description: input.description ?? null, createdAt: ctx.now });
    await repo.updateVenue(tx, venue.id, { updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'venue.room_add', entityType: 'venue', entityId: venue.id, regionPath: venue.regionPath, after: room });
    return room;
  });
}

export async function updateRoom(db: Db, ctx: CommandContext, venueId: string, roomId: string, input: { name?: string; capacity?: number | null; description?: string | null }) {
  const actor = requireActor(ctx);
  return db.transaction(async (tx) => {
    const venue = await repo.lockVenue(tx, venueId);
    if (!venue) throw notFound();
    requireManageVenue(actor, venue);
    const before = await repo.findRoom(tx, venue.id, roomId);
    if (!before) throw notFound();
    if (input.name !== undefined && input.name !== before.name && (await repo.findRoomByName(tx, venue.id, input.name))) throw duplicateRoom();
    const after = await repo.updateRoom(tx, before.id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
    });
    await repo.updateVenue(tx, venue.id, { updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'venue.room_update', entityType: 'venue', entityId: venue.id, regionPath: venue.regionPath, before, after });
    return after;
  });
}

import { uuidv7 } from '../../shared/ids.js';
import { childLevel, childPath, kindFitsLevel, type RegionKind, type RegionLevel } from '@shuren/core';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../shared/audit.js';
import { requireActor, type CommandContext } from '../../shared/context.js';
import { AppError, invalidField, notFound } from '../../shared/errors.js';
import { requireAllowed } from '../../shared/scope.js';

import * as repo from './regions.repository.js';

export async function createRegion(db: Db, ctx: CommandContext, input: { parentId: string; kind: RegionKind; code: string; name: string }) {
  const actor = requireActor(ctx);
  return db.transaction(async (tx) => {
    const parent = await repo.findRegionById(tx, input.parentId);
    if (!parent) throw invalidField('/body/parentId', 'not_found', { zh: '上级区域不存在', en: 'Parent region does not exist' });
    requireAllowed(actor, 'region.manage', parent.path);
    const level = childLevel(parent.level as RegionLevel);
    if (!level) throw invalidField('/body/parentId', 'no_children', { zh: '三级网格下不能再建区域（住户请在住户台账中登记）', en: 'Level-3 grids have no child regions (register households instead)' });
    if (!kindFitsLevel(level, input.kind)) throw invalidField('/body/kind', 'kind_level', { zh: `该类型不能作为${level}级区域`, en: `Kind ${input.kind} does not fit level ${level}` });
    if (await repo.findRegionByCode(tx, input.code)) throw invalidField('/body/code', 'duplicate', { zh: '区域编码已被使用', en: 'Region code already in use' });
    const id = uuidv7();
    const created = await repo.insertRegion(tx, { id, parentId: parent.id, level, kind: input.kind, code: input.code, name: input.name, path: childPath(parent.path, id), createdAt: ctx.now, updatedAt: ctx.now });
    await repo.insertHistory(tx, { id: uuidv7(), regionId: id, change: 'created', name: created.name, parentId: parent.id, path: created.path, validFrom: ctx.now, actorPersonId: actor.personId });
    await recordAudit(tx, ctx, { action: 'region.create', entityType: 'region', entityId: id, regionPath: created.path, after: created });
    return created;
  });
}

export async function renameRegion(db: Db, ctx: CommandContext, id: string, input: { name: string; reason?: string }) {
  const actor = requireActor(ctx);
  return db.transaction(async (tx) => {
    const before = await repo.findRegionForUpdate(tx, id);
    if (!before) throw notFound();
    requireAllowed(actor, 'region.manage', before.path);
    if (before.name === input.name) return before;
    const after = await repo.renameRegion(tx, id, input.name, ctx.now);
    await repo.closeOpenHistory(tx, id, ctx.now);
    await repo.insertHistory(tx, { id: uuidv7(), regionId: id, change: 'renamed', name: input.name, parentId: after.parentId, path: after.path, validFrom: ctx.now, reason: input.reason ?? null, actorPersonId: actor.personId });
    await recordAudit(tx, ctx, { action: 'region.rename', entityType: 'region', entityId: id, regionPath: after.path, before, after });
    return after;
  });
}

/** Moves a node (and its subtree) under another parent of the level above it; scopes follow the move. */
export async function moveRegion(db: Db, ctx: CommandContext, id: string, input: { newParentId: string; reason?: string }) {
  const actor = requireActor(ctx);
  return db.transaction(async (tx) => {
    const before = await repo.findRegionForUpdate(tx, id);
    if (!before) throw notFound();
    if (!before.parentId) throw new AppError('conflict', { detail: { zh: '根区域不能移动', en: 'The root region cannot move' } });
    const oldParent = await repo.findRegionById(tx, before.parentId);
    const newParent = await repo.findRegionById(tx, input.newParentId);
    if (!newParent) throw invalidField('/body/newParentId', 'not_found', { zh: '目标上级区域不存在', en: 'Target parent does not exist' });
    requireAllowed(actor, 'region.manage', oldParent!.path);
    requireAllowed(actor, 'region.manage', newParent.path);
    if (newParent.path.startsWith(before.path)) throw invalidField('/body/newParentId', 'cycle', { zh: '不能移动到自己的下级', en: 'A node cannot move under itself' });
    if (childLevel(newParent.level as RegionLevel) !== before.level) throw invalidField('/body/newParentId', 'level', { zh: '目标上级的层级不匹配', en: 'The target parent is not on the level above' });
    if (newParent.id === before.parentId) return before;
    const newPath = childPath(newParent.path, id);
    await repo.movePaths(tx, before.path, newPath);
    const after = await repo.setParent(tx, id, newParent.id, ctx.now);
    await repo.closeOpenHistory(tx, id, ctx.now);
    await repo.insertHistory(tx, { id: uuidv7(), regionId: id, change: 'moved', name: after.name, parentId: newParent.id, path: after.path, validFrom: ctx.now, reason: input.reason ?? null, actorPersonId: actor.personId });
    await recordAudit(tx, ctx, { action: 'region.move', entityType: 'region', entityId: id, regionPath: after.path, before, after });
    return after;
  });
}

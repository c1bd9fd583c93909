import { uuidv7 } from '../../shared/ids.js';
import { checkCategorySettings, type AppealLevel, type CategoryQuestion, type CreateCategoryBody, type Department, type SlaTable, type UpdateCategoryBody } from '@shuren/core';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../shared/audit.js';
import { requireActor, type CommandContext } from '../../shared/context.js';
import { AppError, invalidField, notFound } from '../../shared/errors.js';
import type { CategoryRow } from './appeals.repository.js';
import { categoriesChanged } from './appeals.categories-cache.js';
import { canManageCategories, categoryAuditPath } from './categories.policy.js';
import { categorySettings } from './categories.presenter.js';
import * as repo from './categories.repository.js';

/**
 * Commands on the category tree (诉求类别). Categories are never deleted — appeals name them — only retired:
 * a retired category disappears from the residents' list and the Open311 services, old appeals keep it.
 * The tree has two levels (a group such as 安全隐患 and its kinds), as the residents' report screen shows it.
 * After each commit this instance's category cache is told to read the tree again.
 */

function requireManager(ctx: CommandContext) {
  const actor = requireActor(ctx);
  if (!canManageCategories(actor)) throw new AppError('forbidden');
  return actor;
}

/** The settings after the change, checked as a whole; problems become field errors under /body. */
function checkSettings(s: { defaultLevel: string; department: string | null; sla: unknown; questions: unknown }) {
  const issues = checkCategorySettings({ defaultLevel: s.defaultLevel as AppealLevel, department: s.department as Department | null, sla: s.sla as SlaTable, questions: s.questions as CategoryQuestion[] });
  if (issues.length) throw new AppError('validation_failed', { fields: issues.map((i) => ({ field: `/body${i.field}`, code: i.code, zh: i.zh, en: i.en })) });
}

export async function createCategory(db: Db, ctx: CommandContext, body: CreateCategoryBody): Promise<CategoryRow> {
  const actor = requireManager(ctx);
  const settings = { defaultLevel: body.defaultLevel, department: body.department ?? null, sla: body.sla ?? {}, questions: body.questions ?? [] };
  checkSettings(settings);
  const created = await db.transaction(async (tx) => {
    if (await repo.findByCode(tx, body.code))
      throw new AppError('duplicate', { detail: { zh: `类别编码 ${body.code} 已被使用（包括已停用的类别）`, en: `The code ${body.code} is taken (retired categories keep theirs)` } });
    const parentCode = body.parentCode ?? null;
    if (parentCode) {
      const parent = await repo.findByCode(tx, parentCode);
      if (!parent) throw invalidField('/body/parentCode', 'not_found', { zh: '上级类别不存在', en: 'No such parent category' });
      if (parent.parentCode !== null) throw invalidField('/body/parentCode', 'too_deep', { zh: '类别最多两级：只能加在顶层类别下', en: 'Categories have two levels: add it under a top-level category' });
      if (!parent.active) throw invalidField('/body/parentCode', 'inactive', { zh: '上级类别已停用', en: 'The parent category is retired' });
    }
    const row = await repo.insertCategory(tx, {
      id: uuidv7(),
      code: body.code,
      parentCode,
      nameZh: body.name.zh.trim(),
      nameEn: body.name.en.trim(),
      ...settings,
      mediation: body.mediation ?? false,
      sortOrder: body.sortOrder ?? 500,
      active: true,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await recordAudit(tx, ctx, { action: 'appeal_category.create', entityType: 'appeal_category', entityId: row.id, regionPath: categoryAuditPath(actor), after: categorySettings(row) });
    return row;
  });
  categoriesChanged();
  return created;
}

export async function editCategory(db: Db, ctx: CommandContext, id: string, body: UpdateCategoryBody): Promise<CategoryRow> {
  const actor = requireManager(ctx);
  const updated = await db.transaction(async (tx) => {
    const row = await repo.lockCategory(tx, id);
    if (!row) throw notFound();
    if (!row.active) throw new AppError('not_allowed_in_state', { detail: { zh: '已停用的类别须先启用再修改', en: 'Reactivate a retired category before editing it' }, allowedActions: ['activate'] });
    const next = {
      defaultLevel: body.defaultLevel ?? row.defaultLevel,
      department: body.department !== undefined ? body.department : row.department,
      sla: body.sla ?? row.sla,
      questions: body.questions ?? row.questions,
    };
    checkSettings(next);
    const saved = await repo.updateCategory(tx, id, {
      ...next,
      ...(body.name ? { nameZh: body.name.zh.trim(), nameEn: body.name.en.trim() } : {}),
      ...(body.mediation !== undefined ? { mediation: body.mediation } : {}),
      ...(body.sortOrder !== undefined ? { sortOrder: body.sortOrder } : {}),
      updatedAt: ctx.now,
    });
    await recordAudit(tx, ctx, { action: 'appeal_category.edit', entityType: 'appeal_category', entityId: id, regionPath: categoryAuditPath(actor), before: categorySettings(row), after: categorySettings(saved) });
    return saved;
  });
  categoriesChanged();
  return updated;
}

/** Retires a category, and with a top-level one its kinds (a group residents cannot open has no kinds to offer). */
export async function deactivateCategory(db: Db, ctx: CommandContext, id: string): Promise<CategoryRow> {
  const actor = requireManager(ctx);
  const updated = await db.transaction(async (tx) => {
    const row = await repo.lockCategory(tx, id);
    if (!row) throw notFound();
    if (!row.active) throw new AppError('not_allowed_in_state', { allowedActions: ['activate'] });
    const saved = await repo.updateCategory(tx, id, { active: false, updatedAt: ctx.now });
    const path = categoryAuditPath(actor);
    await recordAudit(tx, ctx, { action: 'appeal_category.deactivate', entityType: 'appeal_category', entityId: id, regionPath: path, before: { active: true }, after: { active: false } });
    for (const child of await repo.deactivateChildren(tx, row.code, ctx.now))
      await recordAudit(tx, ctx, { action: 'appeal_category.deactivate', entityType: 'appeal_category', entityId: child.id, regionPath: path, before: { active: true }, after: { active: false, withParent: row.code } });
    return saved;
  });
  categoriesChanged();
  return updated;
}

/** Offers a retired category again (its kinds stay retired until each is reactivated). */
export async function activateCategory(db: Db, ctx: CommandContext, id: string): Promise<CategoryRow> {
  const actor = requireManager(ctx);
  const updated = await db.transaction(async (tx) => {
    const row = await repo.lockCategory(tx, id);
    if (!row) throw notFound();
    if (row.active) throw new AppError('not_allowed_in_state', { allowedActions: ['edit', 'deactivate'] });
    if (row.parentCode) {
      const parent = await repo.findByCode(tx, row.parentCode);
      if (parent && !parent.active)
        throw new AppError('not_allowed_in_state', { detail: { zh: `请先启用上级类别“${parent.nameZh}”`, en: `Reactivate the parent category “${parent.nameEn}” first` }, allowedActions: [] });
    }
    const saved = await repo.updateCategory(tx, id, { active: true, updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'appeal_category.activate', entityType: 'appeal_category', entityId: id, regionPath: categoryAuditPath(actor), before: { active: false }, after: { active: true } });
    return saved;
  });
  categoriesChanged();
  return updated;
}

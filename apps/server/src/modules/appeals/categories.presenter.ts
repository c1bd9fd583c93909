import type { AdminCategory, AppealLevel } from '@shuren/core';
import type { Actor } from '../../shared/actor.js';
import type { CategoryRow } from './appeals.repository.js';
import { categoryActions } from './categories.policy.js';

/** The settings of a category as the audit trail keeps them (before/after). */
export function categorySettings(row: CategoryRow) {
  return {
    code: row.code,
    parentCode: row.parentCode,
    name: { zh: row.nameZh, en: row.nameEn },
    defaultLevel: row.defaultLevel,
    department: row.department,
    sla: row.sla,
    questions: row.questions,
    mediation: row.mediation,
    sortOrder: row.sortOrder,
    active: row.active,
  };
}

export function presentAdminCategory(row: CategoryRow, actor: Actor, byCode: Map<string, CategoryRow>): AdminCategory {
  return {
    id: row.id,
    code: row.code,
    parentCode: row.parentCode,
    name: { zh: row.nameZh, en: row.nameEn },
    defaultLevel: row.defaultLevel as AppealLevel,
    department: row.department,
    sla: (row.sla ?? {}) as AdminCategory['sla'],
    questions: (row.questions ?? []) as AdminCategory['questions'],
    mediation: row.mediation,
    sortOrder: row.sortOrder,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    allowedActions: categoryActions(actor, row, row.parentCode ? byCode.get(row.parentCode) : undefined),
  };
}

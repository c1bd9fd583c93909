import { assignmentActive, ROLE_LABELS, type Assignment, type Role } from '@shuren/core';
import type { Actor } from '../../shared/actor.js';
import { assignmentActions } from './assignments.policy.js';
import type { AssignmentView } from './assignments.repository.js';

export function presentAssignment(row: AssignmentView, actor: Actor, today: string): Assignment {
  const role = row.role as Role;
  return {
    id: row.id,
    personId: row.personId,
    personName: row.personName,
    role,
    roleLabel: ROLE_LABELS[role] ?? { zh: row.role, en: row.role },
    regionId: row.regionId,
    regionName: row.regionName,
    startDate: row.startDate,
    endDate: row.endDate,
    endReason: row.endReason,
    active: assignmentActive(row, today),
    createdAt: row.createdAt.toISOString(),
    allowedActions: assignmentActions(actor, row, today),
  };
}

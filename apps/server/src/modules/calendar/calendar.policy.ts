import { scopesFor } from '@shuren/core';
import type { Actor } from '../../shared/actor.js';

/** The holiday calendar is one for the whole product: kept by holders of `calendar.manage` (subdistrict admins). */
export function canManageCalendar(actor: Actor): boolean {
  return scopesFor(actor.grants, 'calendar.manage').length > 0;
}

/** The admin's subdistrict, where the change is filed in the audit trail. */
export function calendarAuditPath(actor: Actor): string | null {
  return scopesFor(actor.grants, 'calendar.manage')[0] ?? null;
}

export function holidayYearActions(actor: Actor): string[] {
  return canManageCalendar(actor) ? ['edit'] : [];
}

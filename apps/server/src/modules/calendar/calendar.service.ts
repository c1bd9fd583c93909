import { checkHolidayYear, normaliseHolidayYear, type PutHolidayYearBody } from '@shuren/core';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../shared/audit.js';
import { requireActor, type CommandContext } from '../../shared/context.js';
import { AppError } from '../../shared/errors.js';
import { daysOf, loadCalendar } from './calendar.loader.js';
import { calendarAuditPath, canManageCalendar } from './calendar.policy.js';
import * as repo from './calendar.repository.js';

/**
 * Adds or replaces one year's holidays and make-up workdays. Checked whole before anything is written
 * (dates inside the year, real dates, no day both off and worked, make-up days on weekends), audited with the
 * year as it was, then loaded into this instance's calendar at once.
 */
export async function putHolidayYear(db: Db, ctx: CommandContext, year: number, body: PutHolidayYearBody) {
  const actor = requireActor(ctx);
  if (!canManageCalendar(actor)) throw new AppError('forbidden');
  const issues = checkHolidayYear(year, body);
  if (issues.length) throw new AppError('validation_failed', { fields: issues.map((i) => ({ field: `/body${i.field}`, code: i.code, zh: i.zh, en: i.en })) });
  const days = normaliseHolidayYear(body);
  const saved = await db.transaction(async (tx) => {
    const before = await repo.lockYear(tx, year);
    const row = await repo.saveYear(tx, {
      year,
      holidays: days.holidays,
      makeupWorkdays: days.makeupWorkdays,
      source: body.source === undefined ? (before?.source ?? null) : body.source,
      updatedByPersonId: actor.personId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      action: before ? 'holiday_year.update' : 'holiday_year.create',
      entityType: 'holiday_year',
      entityId: String(year),
      regionPath: calendarAuditPath(actor),
      before: before ? { ...daysOf(before), source: before.source } : null,
      after: { ...days, source: row.source },
    });
    return row;
  });
  await loadCalendar(db);
  return saved;
}

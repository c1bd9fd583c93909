import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { HolidayYearList, HolidayYearParams, HolidayYearView, PutHolidayYearBody } from '@shuren/core';
import type { Actor } from '../../shared/actor.js';
import { actorOf, contextOf } from '../../shared/context.js';
import { AppError, notFound } from '../../shared/errors.js';
import { responses } from '../../shared/route-schema.js';
import { daysOf, workingDaysIn } from './calendar.loader.js';
import { canManageCalendar, holidayYearActions } from './calendar.policy.js';
import * as repo from './calendar.repository.js';
import type { HolidayYearRow } from './calendar.repository.js';
import { putHolidayYear } from './calendar.service.js';

const tags = ['calendar'];

function requireManager(actor: Actor) {
  if (!canManageCalendar(actor)) throw new AppError('forbidden');
}

/** Holiday years of the working calendar (节假日安排): subdistrict admins list, read and put a year. */
export async function calendarRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  const present = async (row: HolidayYearRow, actor: Actor) => {
    const days = daysOf(row);
    return {
      year: row.year,
      ...days,
      source: row.source,
      workingDays: workingDaysIn(row.year, days),
      updatedAt: row.updatedAt.toISOString(),
      updatedBy: await repo.personName(app.db, row.updatedByPersonId),
      allowedActions: holidayYearActions(actor),
    };
  };

  api.get('/holiday-years', { schema: { tags, summary: 'Years of the working calendar with their holidays (admins)', response: responses({ 200: HolidayYearList }) } }, async (request) => {
    const actor = actorOf(request);
    requireManager(actor);
    const rows = await repo.allYears(app.db);
    return {
      items: rows.map((r) => {
        const days = daysOf(r);
        return {
          year: r.year,
          holidayDays: days.holidays.length,
          makeupWorkdays: days.makeupWorkdays.length,
          names: [...new Set(days.holidays.map((h) => h.name))],
          workingDays: workingDaysIn(r.year, days),
          updatedAt: r.updatedAt.toISOString(),
        };
      }),
      allowedActions: canManageCalendar(actor) ? ['create'] : [],
    };
  });

  api.get('/holiday-years/:year', { schema: { tags, summary: 'One year: each day off with its name, and the make-up workdays', params: HolidayYearParams, response: responses({ 200: HolidayYearView }) } }, async (request) => {
    const actor = actorOf(request);
    requireManager(actor);
    const row = await repo.findYear(app.db, request.params.year);
    if (!row) throw notFound();
    return present(row, actor);
  });

  api.put(
    '/holiday-years/:year',
    { schema: { tags, summary: 'Add or replace a year (dates inside the year, no day both off and worked); SLA clocks use it at once', params: HolidayYearParams, body: PutHolidayYearBody, response: responses({ 200: HolidayYearView }) } },
    async (request) => {
      const row = await putHolidayYear(app.db, contextOf(request), request.params.year, request.body);
      return present(row, actorOf(request));
    },
  );
}

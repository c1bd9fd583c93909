import { integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.js';

/**
 * One year of the working calendar SLA clocks count on: public holidays (each day with its name) and the
 * weekend days that are worked instead (调休上班). Seeded from the State Council notices shipped with the
 * product; a subdistrict admin adds or corrects a year. Every instance loads all years into its calendar.
 */
export const holidayYears = pgTable('holiday_years', {
  year: integer('year').primaryKey(),
  /** [{ date: 'YYYY-MM-DD', name: '春节' }], sorted by date. */
  holidays: jsonb('holidays').notNull().default([]),
  /** ['YYYY-MM-DD'], sorted. */
  makeupWorkdays: jsonb('makeup_workdays').notNull().default([]),
  /** Where the dates come from (the notice), free text. */
  source: text('source'),
  updatedByPersonId: uuid('updated_by_person_id'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

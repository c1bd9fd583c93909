import { CN_PUBLIC_HOLIDAYS, daysFromRanges, rangesFromDays, WorkingCalendar, type HolidayYearDays } from '@shuren/core';
import type { DbOrTx } from '../../db/client.js';
import { workingCalendar } from '../appeals/appeals.setup.js';
import * as repo from './calendar.repository.js';
import type { HolidayYearRow } from './calendar.repository.js';

/**
 * The process-wide working calendar (appeals' SLA clocks) follows the `holiday_years` table: every year is
 * loaded at boot, again in this instance right after an admin saves one, and in every other instance when
 * it next polls (see the calendar module's index.ts and docs/operations.md).
 */

export function daysOf(row: Pick<HolidayYearRow, 'holidays' | 'makeupWorkdays'>): HolidayYearDays {
  return { holidays: (row.holidays ?? []) as HolidayYearDays['holidays'], makeupWorkdays: (row.makeupWorkdays ?? []) as string[] };
}

/** Working days in the year on this year's data alone (a sanity figure for the admin: 2025 has 248). */
export function workingDaysIn(year: number, days: HolidayYearDays): number {
  const cal = new WorkingCalendar({ years: { [year]: rangesFromDays(days) } });
  let n = 0;
  for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += 86_400_000) if (cal.isWorkday(new Date(t).toISOString().slice(0, 10))) n++;
  return n;
}

export async function seedHolidayYears(db: DbOrTx): Promise<void> {
  await repo.insertSeedYears(
    db,
    Object.entries(CN_PUBLIC_HOLIDAYS.years).map(([year, data]) => {
      const days = daysFromRanges(data);
      return { year: Number(year), holidays: days.holidays, makeupWorkdays: days.makeupWorkdays, source: CN_PUBLIC_HOLIDAYS.source ?? null };
    }),
  );
}

let loadedStamp: string | null = null;

/** Puts every stored year into the calendar; returns the years loaded. */
export async function loadCalendar(db: DbOrTx): Promise<number[]> {
  const stamp = await repo.yearsStamp(db);
  const rows = await repo.allYears(db);
  for (const row of rows) workingCalendar.addYear(row.year, rangesFromDays(daysOf(row)));
  loadedStamp = stamp;
  return rows.map((r) => r.year);
}

/** Reloads only when the table changed since the last load (one small query otherwise). */
export async function refreshCalendar(db: DbOrTx): Promise<boolean> {
  if ((await repo.yearsStamp(db)) === loadedStamp) return false;
  await loadCalendar(db);
  return true;
}

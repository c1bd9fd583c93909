import holidayData from './cn-public-holidays.json' with { type: 'json' };
import { DEFAULT_WORKING_HOURS, WorkingCalendar, type HolidayData, type WorkingHoursConfig } from './working-calendar.js';

export * from './working-calendar.js';
export * from './holiday-year.js';
export * from './shanghai.js';

/** The shipped copy of the State Council holiday notices (2025–2026). */
export const CN_PUBLIC_HOLIDAYS: HolidayData = holidayData as HolidayData;

/** A calendar with the shipped Chinese holidays; add later years with `calendar.addYear(...)`. */
export function chinaWorkingCalendar(hours: WorkingHoursConfig = DEFAULT_WORKING_HOURS): WorkingCalendar {
  return new WorkingCalendar(CN_PUBLIC_HOLIDAYS, hours);
}

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkHolidayYear, CN_PUBLIC_HOLIDAYS, daysFromRanges, isIsoDay, parseHolidayNotice, rangesFromDays, WorkingCalendar, weekdayOf } from './index.js';

const DAY = 86_400_000;
const dayOfYear = (year: number) => fc.integer({ min: 0, max: 364 }).map((i) => new Date(Date.UTC(year, 0, 1) + i * DAY).toISOString().slice(0, 10));
const weekendOf = (year: number) => dayOfYear(year).filter((d) => weekdayOf(d) === 0 || weekdayOf(d) === 6);

describe('holiday year validation', () => {
  it('accepts the shipped 2025 and 2026 notices as they are', () => {
    for (const [year, data] of Object.entries(CN_PUBLIC_HOLIDAYS.years)) expect(checkHolidayYear(Number(year), daysFromRanges(data))).toEqual([]);
  });

  it('accepts any set of distinct days in the year with distinct weekend make-up days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.gen(), (year, gen) => {
        const off = gen(() => fc.uniqueArray(dayOfYear(year), { maxLength: 30 }));
        const worked = gen(() => fc.uniqueArray(weekendOf(year), { maxLength: 8 })).filter((d) => !off.includes(d));
        return checkHolidayYear(year, { holidays: off.map((date) => ({ date, name: '假日' })), makeupWorkdays: worked }).length === 0;
      }),
    );
  });

  it('refuses a date outside the year, at the field that holds it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2001, max: 2099 }), fc.integer({ min: -1, max: 1 }).filter((d) => d !== 0), fc.gen(), (year, shift, gen) => {
        const stray = gen(() => dayOfYear(year + shift));
        const holidays = [...gen(() => fc.uniqueArray(dayOfYear(year), { maxLength: 5 })).map((date) => ({ date, name: 'x' }))];
        const at = gen(() => fc.integer({ min: 0, max: holidays.length }));
        holidays.splice(at, 0, { date: stray, name: 'x' });
        const issues = checkHolidayYear(year, { holidays, makeupWorkdays: [] });
        expect(issues).toContainEqual(expect.objectContaining({ field: `/holidays/${at}/date`, code: 'outside_year' }));
      }),
    );
  });

  it('refuses a day that is both a holiday and a make-up workday, and a make-up day on a weekday', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.gen(), (year, gen) => {
        const day = gen(() => weekendOf(year));
        expect(checkHolidayYear(year, { holidays: [{ date: day, name: '春节' }], makeupWorkdays: [day] })).toEqual([expect.objectContaining({ field: '/makeupWorkdays/0', code: 'both_holiday_and_workday' })]);
        const weekday = gen(() => dayOfYear(year).filter((d) => weekdayOf(d) >= 1 && weekdayOf(d) <= 5));
        expect(checkHolidayYear(year, { holidays: [], makeupWorkdays: [weekday] })[0]?.code).toBe('not_weekend');
      }),
    );
  });

  it('refuses dates that do not exist and days listed twice', () => {
    expect(isIsoDay('2025-02-29')).toBe(false);
    expect(isIsoDay('2024-02-29')).toBe(true);
    const issues = checkHolidayYear(2025, { holidays: [{ date: '2025-02-29', name: 'x' }, { date: '2025-05-01', name: 'a' }, { date: '2025-05-01', name: 'b' }], makeupWorkdays: ['2025-04-27', '2025-04-27'] });
    expect(issues.map((i) => `${i.field} ${i.code}`)).toEqual(['/holidays/0/date invalid_date', '/holidays/2/date duplicate_date', '/makeupWorkdays/1 duplicate_date']);
  });

  it('days → ranges → calendar gives the same working days as the shipped ranges', () => {
    const shipped = new WorkingCalendar(CN_PUBLIC_HOLIDAYS);
    const rebuilt = new WorkingCalendar({ years: Object.fromEntries(Object.entries(CN_PUBLIC_HOLIDAYS.years).map(([y, d]) => [y, rangesFromDays(daysFromRanges(d))])) });
    fc.assert(fc.property(fc.constantFrom(2025, 2026), fc.gen(), (year, gen) => {
      const d = gen(() => dayOfYear(year));
      return shipped.isWorkday(d) === rebuilt.isWorkday(d) && shipped.holidayName(d) === rebuilt.holidayName(d);
    }));
    expect(rangesFromDays(daysFromRanges(CN_PUBLIC_HOLIDAYS.years['2026'])).holidays).toEqual(CN_PUBLIC_HOLIDAYS.years['2026'].holidays);
  });
});

const NOTICE_2026 = `国务院办公厅关于2026年部分节假日安排的通知
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。`;

const NOTICE_2025 = `一、元旦：1月1日（周三）放假1天，不调休。
二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
三、清明节：4月4日（周五）至6日（周日）放假，共3天。
四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。`;

describe('reading the State Council notice', () => {
  it('reads the 2025 and 2026 notices into exactly the shipped data', () => {
    for (const [year, text] of [[2025, NOTICE_2025], [2026, NOTICE_2026]] as const) {
      const { days, unread } = parseHolidayNotice(text, year);
      expect(unread).toEqual([]);
      expect(days).toEqual(daysFromRanges(CN_PUBLIC_HOLIDAYS.years[String(year)]));
    }
  });

  it('hands back what it cannot read', () => {
    const { days, unread } = parseHolidayNotice('一、元旦：另行通知。\n二、春节：2月15日至17日放假。', 2027);
    expect(unread).toEqual(['元旦：另行通知。']);
    expect(days.holidays.map((h) => h.date)).toEqual(['2027-02-15', '2027-02-16', '2027-02-17']);
  });
});

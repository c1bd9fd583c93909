import { describe, expect, it } from 'vitest';
import type { AppealTrendWeek } from '@shuren/core';
import { trendOption, weekLabel, weekRange, weekSummary } from './trend-options';

const week = (w: string, submitted: number, closed: number, satisfaction: number | null): AppealTrendWeek => ({
  week: w, submitted, accepted: submitted, respondedOnTime: submitted, resolved: closed, closed, closedOnTime: closed, rated: closed, satisfied: closed, reworked: 0,
  avgHandlingHours: closed ? 5 : null, rates: { response: submitted ? 100 : null, resolution: submitted ? 50 : null, satisfaction, onTimeClose: closed ? 100 : null, rework: closed ? 0 : null },
});
const t = (zh: string) => zh;
const weeks = [week('2026-11-09', 4, 2, 100), week('2026-11-16', 0, 0, null)];

describe('appeals trend chart options', () => {
  it('counts: submitted and closed per week, one point per week', () => {
    const o = trendOption(weeks, 'counts', t) as any;
    expect(o.xAxis.data).toEqual(['11-09', '11-16']);
    expect(o.series.map((s: any) => [s.name, s.data])).toEqual([['受理', [4, 0]], ['办结', [2, 0]]]);
  });

  it('rates: percentages on a 0–100 axis, a week with nothing to divide by is a gap; 满意率 and 按期结案率 shown first', () => {
    const o = trendOption(weeks, 'rates', t) as any;
    expect(o.yAxis).toMatchObject({ min: 0, max: 100 });
    expect(o.series.find((s: any) => s.name === '满意率').data).toEqual([100, null]);
    expect(o.legend.selected).toEqual({ 满意率: true, 按期结案率: true, 解决率: false, 响应率: false, 返工率: false });
  });

  it('labels the week by its Monday and Sunday, and the tooltip says everything about it', () => {
    expect(weekLabel('2026-11-16')).toBe('11-16');
    expect(weekRange('2026-12-28')).toBe('2026-12-28 – 01-03');
    expect(weekSummary(weeks[1], t).join(' ')).toContain('满意率 —');
    const o = trendOption(weeks, 'counts', t) as any;
    expect(o.tooltip.formatter([{ dataIndex: 0 }])).toContain('2026-11-09 – 11-15');
  });
});

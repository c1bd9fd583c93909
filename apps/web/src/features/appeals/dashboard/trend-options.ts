import type { AppealTrendWeek } from '@shuren/core';
import type { ChartOption } from '../../dashboard/echarts-setup';

export type TrendMode = 'counts' | 'rates';
type T = (zh: string, en: string) => string;
type RateKey = keyof AppealTrendWeek['rates'];

const RED = '#b7312c';
const COUNT_SERIES = [
  { key: 'submitted', zh: '受理', en: 'Submitted', color: RED },
  { key: 'closed', zh: '办结', en: 'Closed', color: '#389e0d' },
] as const;
/** The two a subdistrict reads first are shown; the others are one legend click away. */
export const RATE_SERIES: { key: RateKey; zh: string; en: string; color: string; shown: boolean }[] = [
  { key: 'satisfaction', zh: '满意率', en: 'Satisfied', color: RED, shown: true },
  { key: 'onTimeClose', zh: '按期结案率', en: 'Closed on time', color: '#d48806', shown: true },
  { key: 'resolution', zh: '解决率', en: 'Resolved', color: '#389e0d', shown: false },
  { key: 'response', zh: '响应率', en: 'Responded on time', color: '#1677ff', shown: false },
  { key: 'rework', zh: '返工率', en: 'Rework', color: '#722ed1', shown: false },
];

/** "11-16" on the axis: weeks are Shanghai calendar Mondays already, no time-zone arithmetic. */
export const weekLabel = (week: string) => week.slice(5);

/** "2026-11-16 – 11-22": the Monday and the Sunday of the week. */
export function weekRange(week: string): string {
  const sunday = new Date(Date.parse(`${week}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(5, 10);
  return `${week} – ${sunday}`;
}

const pct = (v: number | null) => (v === null ? '—' : `${v}%`);

/** Everything about one week in the tooltip, whichever lines are drawn. */
export function weekSummary(w: AppealTrendWeek, t: T): string[] {
  return [
    `${t('受理', 'Submitted')} ${w.submitted} · ${t('办结', 'Closed')} ${w.closed}`,
    `${t('满意率', 'Satisfied')} ${pct(w.rates.satisfaction)} · ${t('按期结案率', 'Closed on time')} ${pct(w.rates.onTimeClose)}`,
    `${t('解决率', 'Resolved')} ${pct(w.rates.resolution)} · ${t('响应率', 'Responded on time')} ${pct(w.rates.response)} · ${t('返工率', 'Rework')} ${pct(w.rates.rework)}`,
    ...(w.avgHandlingHours === null ? [] : [`${t('平均办理时长', 'Average handling time')} ${w.avgHandlingHours} ${t('小时', 'h')}`]),
  ];
}

/**
 * Weekly trend lines: counts (submitted and closed per week) or rates (percentages; a week with nothing to divide
 * by is a gap, not a zero).
 */
export function trendOption(weeks: readonly AppealTrendWeek[], mode: TrendMode, t: T): ChartOption {
  const escape = (s: string) => s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
  const tooltip = {
    trigger: 'axis' as const,
    formatter: (params: unknown) => {
      const i = (Array.isArray(params) ? params[0] : params)?.dataIndex as number | undefined;
      const w = i === undefined ? undefined : weeks[i];
      if (!w) return '';
      return [`<b>${escape(weekRange(w.week))}</b>`, ...weekSummary(w, t).map(escape)].join('<br/>');
    },
  };
  const series =
    mode === 'counts'
      ? COUNT_SERIES.map((s) => ({
          name: t(s.zh, s.en),
          type: 'line' as const,
          data: weeks.map((w) => w[s.key]),
          symbol: 'circle',
          symbolSize: 6,
          itemStyle: { color: s.color },
          lineStyle: { width: 2 },
        }))
      : RATE_SERIES.map((s) => ({
          name: t(s.zh, s.en),
          type: 'line' as const,
          data: weeks.map((w) => w.rates[s.key]),
          connectNulls: false,
          symbol: 'circle',
          symbolSize: 6,
          itemStyle: { color: s.color },
          lineStyle: { width: 2 },
        }));
  return {
    // Short: switching region, category or mode redraws the lines from scratch.
    animationDuration: 300,
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    legend: {
      top: 0,
      data: series.map((s) => s.name),
      selected: mode === 'rates' ? Object.fromEntries(RATE_SERIES.map((s) => [t(s.zh, s.en), s.shown])) : undefined,
    },
    tooltip,
    xAxis: { type: 'category', boundaryGap: false, data: weeks.map((w) => weekLabel(w.week)), axisLabel: { fontSize: 12 } },
    yAxis: mode === 'counts' ? { type: 'value', minInterval: 1 } : { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series,
  };
}

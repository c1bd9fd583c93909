// Drawn with ECharts: loaded lazily with the dashboard's other charts, after the figures are on screen.
import { useMemo } from 'react';
import { Table } from 'antd';
import type { AppealTrendWeek } from '@shuren/core';
import { useI18n } from '../../../shared/i18n';
import { EChart } from '../../dashboard/EChart';
import { trendOption, weekRange, type TrendMode } from './trend-options';

const pct = (v: number | null) => (v === null ? '—' : `${v}%`);

/** The weekly lines, and the same numbers as a table for keyboards and screen readers. */
export default function TrendChart({ weeks, mode }: { weeks: AppealTrendWeek[]; mode: TrendMode }) {
  const { t, lang } = useI18n();
  const option = useMemo(() => trendOption(weeks, mode, (zh, en) => (lang === 'zh' ? zh : en)), [weeks, mode, lang]);
  const submitted = weeks.reduce((s, w) => s + w.submitted, 0);
  const closed = weeks.reduce((s, w) => s + w.closed, 0);
  const label = t(
    `近 ${weeks.length} 周诉求趋势：共受理 ${submitted} 件，办结 ${closed} 件`,
    `Appeals over the last ${weeks.length} weeks: ${submitted} submitted, ${closed} closed`,
  );
  return (
    <>
      <EChart option={option} height={300} label={label} testId="appeals-trend-chart" />
      <details>
        <summary style={{ cursor: 'pointer', color: '#666', fontSize: 12 }}>{t('数据明细', 'Data')}</summary>
        <Table
          size="small"
          pagination={false}
          scroll={{ y: 260 }}
          rowKey="week"
          dataSource={[...weeks].reverse()}
          data-testid="appeals-trend-table"
          columns={[
            { title: t('周', 'Week'), dataIndex: 'week', render: (w: string) => weekRange(w) },
            { title: t('受理', 'Submitted'), dataIndex: 'submitted', align: 'right' },
            { title: t('办结', 'Closed'), dataIndex: 'closed', align: 'right' },
            { title: t('满意率', 'Satisfied'), render: (_: unknown, w: AppealTrendWeek) => pct(w.rates.satisfaction), align: 'right' },
            { title: t('按期结案率', 'On time'), render: (_: unknown, w: AppealTrendWeek) => pct(w.rates.onTimeClose), align: 'right' },
            { title: t('解决率', 'Resolved'), render: (_: unknown, w: AppealTrendWeek) => pct(w.rates.resolution), align: 'right' },
            { title: t('响应率', 'Responded'), render: (_: unknown, w: AppealTrendWeek) => pct(w.rates.response), align: 'right' },
            { title: t('返工率', 'Rework'), render: (_: unknown, w: AppealTrendWeek) => pct(w.rates.rework), align: 'right' },
          ]}
        />
      </details>
    </>
  );
}

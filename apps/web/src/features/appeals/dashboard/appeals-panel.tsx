import { lazy, Suspense, useState } from 'react';
import { Alert, Card, Col, Progress, Row, Segmented, Select, Skeleton, Space, Spin, Statistic, Tooltip, Typography } from 'antd';
import type { StatFigure } from '@shuren/core';
import { useI18n } from '../../../shared/i18n';
import { formatFigure, RATE_KEYS, shareOf } from './format';
import { useAppealTrends } from './trends-api';
import type { TrendMode } from './trend-options';

// ECharts stays in its lazy chunk: the trend lines arrive after the figures.
const TrendChart = lazy(() => import('./trend-chart'));
const SPANS = [12, 26, 52] as const;

/**
 * 接诉即办 at a glance on the region dashboard: the rates as percentages (rings), the average handling time
 * in hours, and where matters were settled (小事不出社区 / 大事不出街道) as shares of all closed ones.
 * The raw figures and the per-category bars stay in the dashboard's own data-driven panels.
 */
export function AppealsPanel({ figures, regionId }: { figures: StatFigure[]; regionId?: string }) {
  const { t } = useI18n();
  // Held here, above the early return, so the trend's span and category stay as they were when drilling down.
  const [controls, setControls] = useState<TrendControls>({ mode: 'counts', weeks: 26, category: null });
  const by = new Map(figures.map((f) => [f.key, f]));
  const total = by.get('appeals.total');
  if (!total) return null;
  const empty = total.value === 0;
  const hours = by.get('appeals.avg_handling_hours');
  const closedByLevel = by.get('appeals.closed_by_level');
  return (
    <Card size="small" title={t('接诉即办', 'Appeals: response and resolution')} style={{ marginTop: 16 }} data-testid="appeals-panel">
      <Row gutter={[16, 16]} align="middle">
        {RATE_KEYS.map((key) => {
          const f = by.get(key);
          if (!f) return null;
          return (
            <Col key={key} xs={12} sm={8} md={6} xl={3} style={{ textAlign: 'center' }}>
              <Progress type="circle" size={92} status="normal" percent={empty ? 0 : f.value} format={() => (empty ? '—' : formatFigure(f))} strokeColor={key === 'appeals.rework_rate' ? '#cf1322' : '#b7312c'} data-testid={`rate-${key}`} />
              <div style={{ marginTop: 6 }}>{t(f).replace(/（%）|\s\(%\)/, '')}</div>
            </Col>
          );
        })}
        {hours && (
          <Col xs={12} sm={8} md={6} xl={3}>
            <Statistic title={t('平均办理时长', 'Average handling time')} value={empty ? '—' : hours.value === 0 && (closedByLevel?.value ?? 0) > 0 ? '< 0.1' : formatFigure(hours)} suffix={empty ? undefined : t('小时', 'h')} data-testid="appeals-avg-hours" />
          </Col>
        )}
        <Col xs={12} sm={8} md={6} xl={3}>
          <Statistic title={t('诉求总数', 'Appeals')} value={total.value} suffix={closedByLevel ? t(`件 · 已办结 ${closedByLevel.value}`, ` · ${closedByLevel.value} closed`) : undefined} data-testid="appeals-total" />
        </Col>
      </Row>
      {closedByLevel && (closedByLevel.breakdown?.length ?? 0) > 0 && (
        <div style={{ marginTop: 12 }} data-testid="appeals-closed-by-level">
          <Typography.Text type="secondary">{t('各层级办结占比', 'Share closed at each level')}</Typography.Text>
          {closedByLevel.breakdown!.map((b) => (
            <Tooltip key={b.key} title={t(`${b.value} 件`, `${b.value}`)}>
              <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
                <span style={{ width: 150, flex: 'none' }}>{t(b)}</span>
                <Progress percent={shareOf(b.value, closedByLevel.value)} format={(p) => `${p}%`} strokeColor="#b7312c" style={{ margin: 0 }} />
              </div>
            </Tooltip>
          ))}
        </div>
      )}
      {regionId && <TrendSection regionId={regionId} categories={total.breakdown ?? []} controls={controls} onChange={setControls} />}
    </Card>
  );
}

interface TrendControls {
  mode: TrendMode;
  weeks: number;
  /** The category the trend is narrowed to (with its names, in case the next region has none of it yet). */
  category: { key: string; zh: string; en: string } | null;
}

/**
 * Week by week for the region the dashboard is drilled into: submitted and closed counts, or the rates
 * (满意率 and 按期结案率 shown, the others one legend click away); a category and a span to narrow it.
 */
function TrendSection({ regionId, categories, controls, onChange }: { regionId: string; categories: NonNullable<StatFigure['breakdown']>; controls: TrendControls; onChange: (c: TrendControls) => void }) {
  const { t } = useI18n();
  const { mode, weeks, category } = controls;
  const options = [...categories, ...(category && !categories.some((c) => c.key === category.key) ? [{ ...category, value: 0 }] : [])];
  const trends = useAppealTrends(regionId, weeks, category?.key);
  return (
    <div style={{ marginTop: 16 }} data-testid="appeals-trends">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('按周趋势', 'Week by week')}</Typography.Text>
        <Space wrap>
          <Segmented
            value={mode}
            onChange={(v) => onChange({ ...controls, mode: v as TrendMode })}
            options={[
              { value: 'counts', label: t('件数', 'Counts') },
              { value: 'rates', label: t('比率', 'Rates') },
            ]}
            data-testid="appeals-trend-mode"
          />
          <Segmented
            value={weeks}
            onChange={(v) => onChange({ ...controls, weeks: Number(v) })}
            options={SPANS.map((n) => ({ value: n, label: t(`近${n}周`, `${n} weeks`) }))}
            data-testid="appeals-trend-span"
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('全部类别', 'All categories')}
            aria-label={t('诉求类别', 'Category')}
            value={category?.key}
            onChange={(v?: string) => {
              const c = options.find((x) => x.key === v);
              onChange({ ...controls, category: c ? { key: c.key, zh: c.zh, en: c.en } : null });
            }}
            options={options.map((c) => ({ value: c.key, label: t(c) }))}
            style={{ minWidth: 160 }}
            data-testid="appeals-trend-category"
          />
        </Space>
      </Space>
      {trends.isError && <Alert type="error" showIcon title={(trends.error as Error).message} />}
      {trends.isPending && !trends.isError && <Skeleton active paragraph={{ rows: 5 }} />}
      {trends.data && (
        <Spin spinning={trends.isFetching}>
          <Suspense fallback={<Skeleton active paragraph={{ rows: 5 }} />}>
            <TrendChart weeks={trends.data.weeks} mode={mode} />
          </Suspense>
        </Spin>
      )}
    </div>
  );
}

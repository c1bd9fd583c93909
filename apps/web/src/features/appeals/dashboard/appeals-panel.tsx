import { Card, Col, Progress, Row, Statistic, Tooltip, Typography } from 'antd';
import type { StatFigure } from '@shuren/core';
import { useI18n } from '../../../shared/i18n';
import { formatFigure, RATE_KEYS, shareOf } from './format';

/**
 * 接诉即办 at a glance on the region dashboard: the rates as percentages (rings), the average handling time
 * in hours, and where matters were settled (小事不出社区 / 大事不出街道) as shares of all closed ones.
 * The raw figures and the per-category bars stay in the dashboard's own data-driven panels.
 */
export function AppealsPanel({ figures }: { figures: StatFigure[] }) {
  const { t } = useI18n();
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
    </Card>
  );
}

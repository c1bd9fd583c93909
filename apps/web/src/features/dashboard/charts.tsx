// Everything that draws with ECharts lives here, loaded as its own chunk after the figures are on screen.
import { useMemo, useState } from 'react';
import { Card, Empty, Select, Spin, Typography } from 'antd';
import type { Region } from '@shuren/core';
import { useI18n } from '../../shared/i18n';
import { barHeight, barOption, treemapOption, type TreeNode } from './chart-options';
import type { RegionStats, StatFigure } from './dashboard-api';
import { EChart } from './EChart';
import type { DrillTarget } from './figure-drawer';

/** One bar chart per figure that has a breakdown (organisations by kind, 三长 by role, …). */
export function BreakdownPanel({ figure, onDrill }: { figure: StatFigure; onDrill: (d: DrillTarget) => void }) {
  const { t } = useI18n();
  const data = (figure.breakdown ?? []).map((b) => ({ key: b.key, name: t(b), value: b.value }));
  const sig = JSON.stringify(data);
  const option = useMemo(() => barOption(JSON.parse(sig)), [sig]);
  return (
    <Card title={t(figure)} size="small" data-testid={`breakdown-${figure.key}`} extra={<Typography.Text strong>{figure.value}</Typography.Text>}>
      <EChart
        option={option}
        height={barHeight(data.length)}
        label={`${t(figure)}: ${data.map((d) => `${d.name} ${d.value}`).join('，')}`}
        onItemClick={(p) => {
          const b = figure.breakdown?.find((x) => x.key === (p.data as { key?: string })?.key);
          const listPath = b?.listPath ?? figure.listPath;
          if (listPath) onDrill({ title: b ? `${t(figure)} · ${t(b)}` : t(figure), value: b?.value ?? figure.value, listPath });
        }}
      />
    </Card>
  );
}

/** "三长 by community": any figure compared across the child nodes; a bar opens that child's dashboard. */
export function ByChildPanel({
  figures,
  children,
  childStats,
  childLevelLabel,
  onOpenChild,
}: {
  figures: StatFigure[];
  children: Region[];
  childStats: { data?: RegionStats; isPending: boolean }[];
  childLevelLabel: string;
  onOpenChild: (id: string) => void;
}) {
  const { t } = useI18n();
  const preferred = figures.find((f) => /three_heads|heads/.test(f.key)) ?? figures[0];
  const [key, setKey] = useState<string | undefined>(preferred?.key);
  const figure = figures.find((f) => f.key === key) ?? preferred;
  const loading = childStats.some((s) => s.isPending);
  const data = children.map((c, i) => ({ key: c.id, name: c.name, value: childStats[i]?.data?.figures.find((f) => f.key === figure?.key)?.value ?? 0 }));
  const sig = JSON.stringify(data);
  const option = useMemo(() => barOption(JSON.parse(sig)), [sig]);
  if (!figure) return null;
  return (
    <Card
      size="small"
      data-testid="by-child"
      title={t(`${t(figure)} · 按${childLevelLabel}`, `${t(figure)} by ${childLevelLabel}`)}
      extra={
        <Select
          size="small"
          style={{ minWidth: 180 }}
          value={figure.key}
          onChange={setKey}
          aria-label={t('对比的指标', 'Figure to compare')}
          options={figures.map((f) => ({ value: f.key, label: t(f) }))}
        />
      }
    >
      <Spin spinning={loading}>
        <EChart option={option} height={barHeight(data.length)} label={`${t(figure)}: ${data.map((d) => `${d.name} ${d.value}`).join('，')}`} onItemClick={(p) => onOpenChild((p.data as { key: string }).key)} testId="by-child-chart" />
      </Spin>
    </Card>
  );
}

/** The grid tree as a treemap: child nodes, each split into its own children; area = their level-3 grids. */
export function GridTreePanel({ children, grandchildren, loading, onOpen }: { children: Region[]; grandchildren: Region[]; loading: boolean; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const nodes = useMemo<TreeNode[]>(() => {
    const byParent = new Map<string, Region[]>();
    for (const g of grandchildren) byParent.set(g.parentId ?? '', [...(byParent.get(g.parentId ?? '') ?? []), g]);
    return children.map((c) => {
      const kids = (byParent.get(c.id) ?? []).map((g) => ({ id: g.id, name: g.name, value: Math.max(1, g.childCount ?? 1) }));
      return { id: c.id, name: c.name, value: kids.reduce((s, k) => s + k.value, 0) || 1, children: kids.length ? kids : undefined };
    });
  }, [children, grandchildren]);
  const option = useMemo(() => treemapOption(nodes), [nodes]);
  return (
    <Card size="small" title={t('网格分布', 'Grid tree')} data-testid="grid-tree" extra={<Typography.Text type="secondary">{t('面积 = 三级网格数，点击进入', 'Area = level-3 grids; click to open')}</Typography.Text>}>
      <Spin spinning={loading}>
        {children.length === 0 ? (
          <Empty description={t('没有下级网格', 'No sub-grids')} />
        ) : (
          <EChart option={option} height={420} label={t(`网格分布：${children.length} 个下级节点`, `Grid tree: ${children.length} child nodes`)} onItemClick={(p) => onOpen((p.data as { id: string }).id)} testId="grid-tree-chart" />
        )}
      </Spin>
    </Card>
  );
}

// Everything that draws with ECharts lives here, loaded as its own chunk after the figures are on screen.
import { useMemo } from 'react';
import { Button, Card, Empty, Spin, Typography } from 'antd';
import type { Region } from '@shuren/core';
import { useI18n } from '../../shared/i18n';
import { barHeight, barOption, treemapOption, type TreeNode } from './chart-options';
import { dashboardOfListPath, type StatFigure } from './dashboard-api';
import { EChart } from './EChart';
import type { DrillTarget } from './figure-drawer';

/**
 * One bar chart per figure that has a breakdown (三长 by community, organisations by kind, …). A bar opens the
 * records behind that line, or the child's dashboard when the line is a child node.
 */
export function BreakdownPanel({ figure, onDrill, onOpen }: { figure: StatFigure; onDrill: (d: DrillTarget) => void; onOpen: (href: string) => void }) {
  const { t } = useI18n();
  const lines = figure.breakdown ?? [];
  const data = lines.map((b) => ({ key: b.key, name: t(b), value: b.value }));
  const sig = JSON.stringify(data);
  const option = useMemo(() => barOption(JSON.parse(sig)), [sig]);
  const openLine = (key: string | undefined) => {
    const b = lines.find((x) => x.key === key);
    const listPath = b?.listPath ?? figure.listPath;
    const dashboard = listPath && dashboardOfListPath(listPath);
    if (dashboard) onOpen(dashboard);
    else if (listPath) onDrill({ title: b?.listPath ? `${t(figure)} · ${t(b)}` : t(figure), value: b?.listPath ? b.value : figure.value, listPath });
  };
  return (
    <Card title={t(figure)} size="small" data-testid={`breakdown-${figure.key}`} extra={<Typography.Text strong>{figure.value}</Typography.Text>}>
      <EChart option={option} height={barHeight(data.length)} label={`${t(figure)}: ${data.map((d) => `${d.name} ${d.value}`).join('，')}`} onItemClick={(p) => openLine((p.data as { key?: string })?.key)} />
      {/* The canvas is invisible to screen readers and keyboards: the same lines as buttons. */}
      <details>
        <summary style={{ cursor: 'pointer', color: '#666', fontSize: 12 }}>{t('数据明细', 'Data')}</summary>
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {lines.map((b) => (
            <li key={b.key}>
              <Button type="link" size="small" onClick={() => openLine(b.key)} disabled={!b.listPath && !figure.listPath} data-testid={`line-${figure.key}-${b.key}`}>
                {t(b)}：{b.value}
              </Button>
            </li>
          ))}
        </ul>
      </details>
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
          <EChart option={option} height={children.length > 12 ? 600 : 420} label={t(`网格分布：${children.length} 个下级节点`, `Grid tree: ${children.length} child nodes`)} onItemClick={(p) => onOpen((p.data as { id: string }).id)} testId="grid-tree-chart" />
        )}
      </Spin>
    </Card>
  );
}

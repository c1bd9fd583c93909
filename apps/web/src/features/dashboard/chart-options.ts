import type { ChartOption } from './echarts-setup';

export interface BarDatum {
  key: string;
  name: string;
  value: number;
}

/**
 * Horizontal bars, largest first: labels are Chinese names of uneven length, and a long category
 * list (45 communities) reads better top to bottom than squeezed under an x axis.
 */
export function barOption(data: readonly BarDatum[]): ChartOption {
  const sorted = [...data].sort((a, b) => a.value - b.value);
  return {
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: sorted.map((d) => d.name), axisLabel: { fontSize: 13 } },
    series: [
      {
        type: 'bar',
        data: sorted.map((d) => ({ value: d.value, name: d.name, key: d.key })),
        label: { show: true, position: 'right' },
        itemStyle: { color: '#c0392b' },
        barMaxWidth: 28,
      },
    ],
  };
}

/** Height in px that keeps each bar readable. */
export function barHeight(count: number): number {
  return Math.max(160, Math.min(1400, count * 30 + 40));
}

export interface TreeNode {
  id: string;
  name: string;
  value: number;
  children?: TreeNode[];
}

/** Community → level-2 grid treemap; area = the count the caller chose (level-3 grids or households). */
export function treemapOption(nodes: readonly TreeNode[]): ChartOption {
  return {
    tooltip: { formatter: (p: any) => `${(p.treePathInfo ?? []).slice(1).map((x: any) => x.name).join(' / ')}: ${p.value}` },
    series: [
      {
        type: 'treemap',
        data: nodes as TreeNode[],
        roam: false,
        // A click opens that node's own dashboard (handled by the page), not a zoom.
        nodeClick: false,
        breadcrumb: { show: false },
        width: '100%',
        height: '100%',
        top: 0,
        left: 0,
        label: { show: true, formatter: '{b}', fontSize: 12, overflow: 'truncate' },
        upperLabel: { show: true, height: 24, color: '#fff', fontWeight: 'bold', fontSize: 13 },
        // levels[0] is the hidden root; [1] the child nodes (communities), [2] their own children (grids).
        levels: [
          { itemStyle: { borderWidth: 0, gapWidth: 4 } },
          { itemStyle: { borderColor: '#8c1d18', borderWidth: 3, gapWidth: 2 }, color: ['#b3261e', '#c0392b', '#a93226', '#922b21', '#cd6155'], colorSaturation: [0.35, 0.6] },
          { itemStyle: { borderColorSaturation: 0.7, gapWidth: 1, borderWidth: 1 }, colorSaturation: [0.3, 0.55] },
        ],
      },
    ],
  };
}

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
        leafDepth: 1,
        roam: false,
        // A click opens that node's own dashboard (handled by the page), not a zoom.
        nodeClick: false,
        breadcrumb: { show: false },
        label: { show: true, formatter: '{b}', fontSize: 13 },
        upperLabel: { show: true, height: 22 },
        levels: [
          { itemStyle: { borderColor: '#fff', borderWidth: 3, gapWidth: 3 } },
          { colorSaturation: [0.35, 0.6], itemStyle: { borderColorSaturation: 0.6, gapWidth: 1, borderWidth: 1 } },
        ],
      },
    ],
  };
}

// Only the pieces the dashboard draws: keeps the charts chunk small (DESIGN.md: charts in their own lazy chunk).
import * as echarts from 'echarts/core';
import { BarChart, TreemapChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, TreemapSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';

echarts.use([BarChart, TreemapChart, GridComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | TreemapSeriesOption | GridComponentOption | TooltipComponentOption>;
export { echarts };

import { BarChart, FunnelChart, LineChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { EChartsCoreOption } from 'echarts/core';

// Only the charts and parts these pages draw, so the bundle carries no more of ECharts than that.
echarts.use([BarChart, LineChart, FunnelChart, GridComponent, TooltipComponent, LegendComponent, DatasetComponent, MarkLineComponent, SVGRenderer]);

interface EChartProps {
  option: EChartsCoreOption;
  height?: number;
  testId?: string;
}

/** One ECharts chart, drawn as SVG (crisp when printed or zoomed), resized with its container. */
export function EChart({ option, height = 320, testId }: EChartProps) {
  return (
    <div data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={{ animationDuration: 300, ...option }} notMerge opts={{ renderer: 'svg' }} style={{ height, width: '100%' }} />
    </div>
  );
}

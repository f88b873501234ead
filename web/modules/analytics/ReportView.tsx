import { Empty, Statistic, Table, Typography } from 'antd';
import { BarChart, FunnelChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { forwardRef, useImperativeHandle, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { chartOption, pivot } from './chartOptions';
import { cellText, columnTitle, numberText } from './reportText';
import type { ChartType, ReportColumn, ReportResult } from './types';

// Canvas, not SVG: a report is saved as a PNG picture straight from the chart (getDataURL).
echarts.use([BarChart, LineChart, PieChart, FunnelChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export interface ReportViewHandle {
  /** The chart as a PNG data URL; null for tables and figures. */
  png(): string | null;
}

interface ReportViewProps {
  result: ReportResult;
  chart: ChartType;
  height?: number;
  testId?: string;
}

/** A report's rows drawn as it was saved: a table, a pivot, a key figure or an ECharts chart. */
export const ReportView = forwardRef<ReportViewHandle, ReportViewProps>(function ReportView({ result, chart, height = 320, testId }, ref) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const chartRef = useRef<ReactEChartsCore>(null);
  useImperativeHandle(ref, () => ({ png: () => chartRef.current?.getEchartsInstance().getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }) ?? null }));
  const labelOf = (column: ReportColumn, value: unknown) => cellText(result, column, value as never, locale);
  const titleOf = (column: ReportColumn) => columnTitle(t, column);
  const hasGroup = result.columns.some((c) => c.kind === 'group');
  const measure = result.columns.find((c) => c.kind === 'measure');

  if (result.rows.length === 0) return <Empty description={t('reports.previewEmpty')} data-testid={testId && `${testId}-empty`} />;
  if (chart === 'figure' || (!hasGroup && measure && chart !== 'table')) {
    return (
      <div data-testid={testId} style={{ padding: 8 }}>
        {result.columns.map((c) => (
          <Statistic key={c.key} title={titleOf(c)} value={labelOf(c, result.rows[0]![c.key])} />
        ))}
      </div>
    );
  }
  if (chart === 'pivot' && hasGroup && measure) {
    const table = pivot(result, labelOf);
    return (
      <Table
        data-testid={testId}
        size="small"
        pagination={false}
        scroll={{ x: true, y: height }}
        rowKey="row"
        dataSource={table.rows.map((row) => ({ row }))}
        columns={[
          { title: titleOf(result.columns[0]!), dataIndex: 'row', fixed: 'left' as const },
          ...table.columns.map((column) => ({
            title: column,
            key: column,
            align: 'right' as const,
            render: (_: unknown, r: { row: string }) => {
              const value = table.cells.get(`${r.row}\u0000${column}`);
              return value === undefined ? '' : numberText(result, measure, value, locale);
            },
          })),
        ]}
      />
    );
  }
  if (chart === 'table' || !hasGroup || !measure) {
    return (
      <>
        <Table
          data-testid={testId}
          size="small"
          pagination={false}
          scroll={{ x: true, y: height }}
          rowKey={(_, i) => String(i)}
          dataSource={result.rows}
          columns={result.columns.map((c) => ({ title: titleOf(c), key: c.key, align: c.kind === 'measure' ? ('right' as const) : undefined, render: (_: unknown, row: ReportResult['rows'][number]) => labelOf(c, row[c.key]) }))}
        />
        {result.truncated && <Typography.Text type="secondary">{t('reports.truncated', { count: result.rows.length })}</Typography.Text>}
      </>
    );
  }
  return (
    <div data-testid={testId}>
      <ReactEChartsCore ref={chartRef} echarts={echarts} option={{ animationDuration: 300, ...chartOption(result, chart === 'pivot' ? 'bar' : chart, labelOf, titleOf, (column, value) => numberText(result, column, value, locale)) }} notMerge style={{ height, width: '100%' }} />
    </div>
  );
});

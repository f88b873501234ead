import type { EChartsCoreOption } from 'echarts/core';
import type { ServiceReport } from './types';

/** Horizontal bars of case counts, biggest first (the server's order), labelled at the bar's end. */
export function volumeOption(rows: { label: string; count: number }[], seriesName: string): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label) },
    series: [{ name: seriesName, type: 'bar', color: '#1677ff', data: rows.map((r) => r.count), label: { show: true, position: 'right' } }],
  };
}

/** Cases created per interval (bars) and open at each interval's end (a line). */
export function trendOption(series: ServiceReport['series'], names: { created: string; backlog: string }): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: series.map((s) => s.period) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: names.created, type: 'bar', color: '#91caff', data: series.map((s) => s.created) },
      { name: names.backlog, type: 'line', color: '#fa8c16', connectNulls: false, data: series.map((s) => s.backlog) },
    ],
  };
}

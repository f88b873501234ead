import { describe, expect, it } from 'vitest';
import { chartOption, pivot } from './chartOptions';
import type { ReportResult } from './types';

const result: ReportResult = {
  objectType: 'opportunities',
  columns: [
    { key: 'g0', kind: 'group', field: 'stageId', type: 'uuid' },
    { key: 'g1', kind: 'group', field: 'closeDate', type: 'text', bucket: 'month' },
    { key: 'm0', kind: 'measure', field: 'amount', type: 'number', aggregate: 'sum' },
  ],
  rows: [
    { g0: 's1', g1: '2026-10', m0: 100 },
    { g0: 's1', g1: '2026-11', m0: 300 },
    { g0: 's2', g1: '2026-11', m0: 50 },
  ],
  truncated: false,
  labels: { g0: { s1: '初步接洽', s2: '方案报价' } },
};
const labelOf = (c: { key: string }, v: unknown) => result.labels[c.key]?.[String(v)] ?? String(v);
const titleOf = (c: { key: string }) => c.key;

describe('report charts', () => {
  it('draws two groupings as one series per value of the second, stacked bars', () => {
    const option = chartOption(result, 'bar', labelOf, titleOf) as { xAxis: { data: string[] }; series: { name: string; stack: string; data: unknown[] }[] };
    expect(option.xAxis.data).toEqual(['初步接洽', '方案报价']);
    expect(option.series).toEqual([
      { name: '2026-10', type: 'bar', stack: 'total', data: [100, null] },
      { name: '2026-11', type: 'bar', stack: 'total', data: [300, 50] },
    ]);
  });

  it('sums a pie slice over the second grouping and pivots it', () => {
    const pie = chartOption(result, 'pie', labelOf, titleOf) as { series: { data: { name: string; value: number }[] }[] };
    expect(pie.series[0]!.data).toEqual([
      { name: '初步接洽', value: 400 },
      { name: '方案报价', value: 50 },
    ]);
    const table = pivot(result, labelOf);
    expect(table.rows).toEqual(['初步接洽', '方案报价']);
    expect(table.columns).toEqual(['2026-10', '2026-11']);
    expect(table.cells.get('方案报价\u00002026-11')).toBe(50);
  });

  it('draws nothing without a grouping or a measure', () => {
    expect(chartOption({ ...result, columns: [result.columns[2]!] }, 'line', labelOf, titleOf)).toEqual({});
  });
});

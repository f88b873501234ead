import { describe, expect, it } from 'vitest';
import { chartOption } from './chartOptions';
import { cellText } from './reportText';
import type { ReportColumn, ReportResult } from './types';

const sum: ReportColumn = { key: 'm0', kind: 'measure', field: 'amount', type: 'number', aggregate: 'sum', money: true };
const count: ReportColumn = { key: 'm1', kind: 'measure', field: null, type: 'number', aggregate: 'count' };
const stage: ReportColumn = { key: 'g0', kind: 'group', field: 'stageId', type: 'uuid' };
const result: ReportResult = { objectType: 'opportunities', columns: [stage, sum, count], currency: 'CNY', rows: [{ g0: 's1', m0: 123456789, m1: 1200 }, { g0: 's2', m0: -50050, m1: 3 }], truncated: false, labels: { g0: { s1: '初步接洽', s2: '方案报价' } } };

describe('report cells', () => {
  it('shows money columns with the currency in each UI language, negatives too', () => {
    expect(cellText(result, sum, 123456789, 'zh-CN')).toBe('¥1,234,567.89');
    expect(cellText(result, sum, 123456789, 'zh-TW')).toBe('CN¥1,234,567.89');
    expect(cellText(result, sum, -50050, 'en')).toBe('-CN¥500.50');
    expect(cellText({ ...result, currency: 'TWD' }, sum, 123456, 'zh-TW')).toBe('$1,234.56');
    // A count stays a count.
    expect(cellText(result, count, 1200, 'en')).toBe('1,200');
  });

  it('puts money in chart tooltips and on the value axis', () => {
    const option = chartOption(result, 'bar', (c, v) => cellText(result, c, v as never, 'zh-CN'), (c) => c.key, (c, v) => cellText(result, c, v, 'zh-CN')) as {
      tooltip: { valueFormatter: (v: unknown) => string };
      yAxis: { axisLabel: { formatter: (v: unknown) => string } };
    };
    expect(option.tooltip.valueFormatter(123456789)).toBe('¥1,234,567.89');
    expect(option.yAxis.axisLabel.formatter(-50050)).toBe('-¥500.50');
  });
});

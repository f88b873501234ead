import type { ChartType, ReportColumn, ReportResult } from './types';

/** Turns a cell of a grouping column into the label on an axis or a slice. */
export type LabelOf = (column: ReportColumn, value: unknown) => string;
type Option = Record<string, unknown>;

/**
 * The ECharts option of a report drawn as a bar, line, pie or funnel chart. One grouping: one series per
 * measure along it. Two groupings: the first along the axis and one series per value of the second (the
 * first measure), as a stacked bar or lines.
 */
export function chartOption(
  result: ReportResult,
  chart: Exclude<ChartType, 'table' | 'pivot' | 'figure'>,
  labelOf: LabelOf,
  titleOf: (column: ReportColumn) => string,
  valueText: (column: ReportColumn, value: number) => string = (_, value) => String(value),
): Option {
  const groups = result.columns.filter((c) => c.kind === 'group');
  const measures = result.columns.filter((c) => c.kind === 'measure');
  const first = groups[0];
  const measure = measures[0];
  if (!first || !measure) return {};
  const categories = [...new Set(result.rows.map((r) => labelOf(first, r[first.key])))];
  // Values in tooltips and on the axis as the table shows them (money with its currency). Several measures
  // share one axis: it follows the first.
  const text = (value: unknown) => (typeof value === 'number' ? valueText(measure, value) : '');
  const tooltip = { trigger: chart === 'pie' || chart === 'funnel' ? 'item' : 'axis', valueFormatter: text };
  if (chart === 'pie' || chart === 'funnel') {
    const data = categories.map((name) => ({
      name,
      value: result.rows.filter((r) => labelOf(first, r[first.key]) === name).reduce((sum, r) => sum + Number(r[measure.key] ?? 0), 0),
    }));
    const series = chart === 'pie' ? { type: 'pie', radius: ['35%', '70%'], data } : { type: 'funnel', sort: 'descending', left: '10%', width: '80%', data };
    return { tooltip, legend: { type: 'scroll', bottom: 0 }, series: [{ name: titleOf(measure), ...series }] };
  }
  const second = groups[1];
  const series = second
    ? [...new Set(result.rows.map((r) => labelOf(second, r[second.key])))].map((name) => ({
        name,
        type: chart,
        ...(chart === 'bar' ? { stack: 'total' } : {}),
        data: categories.map((category) => {
          const row = result.rows.find((r) => labelOf(first, r[first.key]) === category && labelOf(second, r[second.key]) === name);
          return row ? row[measure.key] : null;
        }),
      }))
    : measures.map((m) => ({ name: titleOf(m), type: chart, data: result.rows.map((r) => r[m.key]) }));
  return {
    tooltip,
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: categories, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', axisLabel: { formatter: text } },
    series,
  };
}

/** A pivot of the first measure: first grouping down, second across. */
export function pivot(result: ReportResult, labelOf: LabelOf): { rows: string[]; columns: string[]; cells: Map<string, number> } {
  const [down, across] = result.columns.filter((c) => c.kind === 'group');
  const measure = result.columns.find((c) => c.kind === 'measure');
  const cells = new Map<string, number>();
  const rows = new Set<string>();
  const columns = new Set<string>();
  if (!down || !measure) return { rows: [], columns: [], cells };
  for (const r of result.rows) {
    const row = labelOf(down, r[down.key]);
    const column = across ? labelOf(across, r[across.key]) : '';
    rows.add(row);
    columns.add(column);
    cells.set(`${row}\u0000${column}`, (cells.get(`${row}\u0000${column}`) ?? 0) + Number(r[measure.key] ?? 0));
  }
  return { rows: [...rows], columns: [...columns].sort(), cells };
}

import type { EChartsCoreOption } from 'echarts/core';
import { currencyDigits } from '../../../ui/format';

type Money = (minor: number) => string;

/** Money short enough for an axis: "¥4M", "400万". */
export function compactMoney(minor: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(minor / 10 ** currencyDigits(currency));
}

/** Win rate per group as horizontal bars (0–100 %), groups with no closed deal left out. */
export function winRateOption(rows: readonly { label: string; winRate: number | null; won: number; lost: number }[], texts: { winRate: string }): EChartsCoreOption {
  const shown = rows.filter((r) => r.winRate !== null);
  return {
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: shown.map((r) => r.label) },
    series: [
      {
        type: 'bar',
        name: texts.winRate,
        data: shown.map((r) => Math.round(r.winRate! * 1000) / 10),
        barMaxWidth: 28,
        label: { show: true, position: 'right', formatter: '{c}%' },
        itemStyle: { color: '#52c41a' },
      },
    ],
  };
}

/** The stages of a funnel, widest first, each labelled with how many reached it and the conversion from the one before. */
export function funnelOption(stages: readonly { label: string; reached: number; conversion: number | null }[], texts: { reached: string }): EChartsCoreOption {
  const top = Math.max(1, ...stages.map((s) => s.reached));
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c}' },
    series: [
      {
        type: 'funnel',
        name: texts.reached,
        sort: 'none',
        min: 0,
        max: top,
        minSize: '8%',
        gap: 2,
        left: '10%',
        width: '80%',
        label: { show: true, position: 'inside', formatter: (p: { name: string; value: number; dataIndex: number }) => funnelLabel(p.name, p.value, stages[p.dataIndex]?.conversion ?? null) },
        data: stages.map((s) => ({ name: s.label, value: s.reached })),
      },
    ],
  };
}

/** "Proposal 12 (75%)": the conversion is from the previous stage; the first has none. */
export function funnelLabel(name: string, reached: number, conversion: number | null): string {
  return conversion === null ? `${name} ${reached}` : `${name} ${reached} (${Math.round(conversion * 100)}%)`;
}

export interface ForecastBar {
  label: string;
  closed: number;
  commit: number;
  bestCase: number;
  pipeline: number;
  quota: number | null;
}

/** Closed, commit, best case and pipeline stacked per period or group, with the quota as a line over them. */
export function forecastOption(rows: readonly ForecastBar[], texts: Record<'closed' | 'commit' | 'bestCase' | 'pipeline' | 'quota', string>, money: Money, axisMoney: Money = money): EChartsCoreOption {
  const stack = (key: 'closed' | 'commit' | 'bestCase' | 'pipeline', color: string) => ({ type: 'bar', stack: 'forecast', name: texts[key], data: rows.map((r) => r[key]), itemStyle: { color }, barMaxWidth: 64 });
  return {
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : money(v)) },
    xAxis: { type: 'category', data: rows.map((r) => r.label) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => axisMoney(v) } },
    series: [
      stack('closed', '#52c41a'),
      stack('commit', '#1677ff'),
      stack('bestCase', '#69b1ff'),
      stack('pipeline', '#d9d9d9'),
      { type: 'line', name: texts.quota, data: rows.map((r) => r.quota), connectNulls: false, itemStyle: { color: '#fa541c' }, lineStyle: { type: 'dashed' } },
    ],
  };
}

/** How the forecast moved: one line per category across the weekly snapshots. */
export function historyOption(
  points: readonly { takenOn: string; closed: number; commit: number; bestCase: number; weighted: number }[],
  texts: Record<'closed' | 'commit' | 'bestCase' | 'weighted', string>,
  money: Money,
  day: (d: string) => string,
  axisMoney: Money = money,
): EChartsCoreOption {
  const line = (key: 'closed' | 'commit' | 'bestCase' | 'weighted') => ({ type: 'line', name: texts[key], data: points.map((p) => p[key]), smooth: false, symbolSize: 6 });
  return {
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => money(v) },
    xAxis: { type: 'category', data: points.map((p) => day(p.takenOn)) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => axisMoney(v) } },
    series: [line('closed'), line('commit'), line('bestCase'), line('weighted')],
  };
}

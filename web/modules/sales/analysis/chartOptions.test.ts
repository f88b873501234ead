import { describe, expect, it } from 'vitest';
import { compactMoney, forecastOption, funnelLabel, funnelOption, historyOption, winRateOption } from './chartOptions';

type Series = { type: string; name: string; data: unknown[]; stack?: string };
const seriesOf = (option: Record<string, unknown>) => option.series as Series[];

describe('winRateOption', () => {
  it('plots win rates as percentages with one decimal, leaving out groups with no closed deal', () => {
    const option = winRateOption(
      [
        { label: '王伟', winRate: 2 / 3, won: 2, lost: 1 },
        { label: '(none)', winRate: null, won: 0, lost: 0 },
        { label: 'Jane', winRate: 0, won: 0, lost: 2 },
      ],
      { winRate: 'Win rate' },
    ) as Record<string, unknown>;
    expect((option.yAxis as { data: string[] }).data).toEqual(['王伟', 'Jane']);
    expect(seriesOf(option)[0]!.data).toEqual([66.7, 0]);
    expect(seriesOf(option)[0]!.name).toBe('Win rate');
  });
});

describe('funnelOption', () => {
  it('keeps the stages in pipeline order, scaled to the widest, with conversion from the stage before', () => {
    const option = funnelOption(
      [
        { label: '初步接洽', reached: 8, conversion: null },
        { label: '需求分析', reached: 6, conversion: 0.75 },
        { label: '赢单', reached: 3, conversion: 0.5 },
      ],
      { reached: 'Reached' },
    ) as Record<string, unknown>;
    const [funnel] = option.series as { sort: string; max: number; data: { name: string; value: number }[] }[];
    expect(funnel!.sort).toBe('none');
    expect(funnel!.max).toBe(8);
    expect(funnel!.data.map((d) => d.value)).toEqual([8, 6, 3]);
  });

  it('labels a stage with its count and rounded conversion', () => {
    expect(funnelLabel('Proposal', 12, 0.756)).toBe('Proposal 12 (76%)');
    expect(funnelLabel('Qualification', 20, null)).toBe('Qualification 20');
  });

  it('does not divide by zero when no deal reached any stage', () => {
    const option = funnelOption([{ label: 'A', reached: 0, conversion: null }], { reached: 'Reached' }) as Record<string, unknown>;
    expect((option.series as { max: number }[])[0]!.max).toBe(1);
  });
});

describe('forecastOption', () => {
  const texts = { closed: 'Closed', commit: 'Commit', bestCase: 'Best case', pipeline: 'Pipeline', quota: 'Quota' };
  it('stacks the four categories and draws the quota as a line with gaps where there is none', () => {
    const option = forecastOption(
      [
        { label: 'Jan', closed: 100, commit: 50, bestCase: 20, pipeline: 10, quota: 300 },
        { label: 'Feb', closed: 0, commit: 0, bestCase: 0, pipeline: 500, quota: null },
      ],
      texts,
      (v) => `¥${v / 100}`,
    ) as Record<string, unknown>;
    const series = seriesOf(option);
    expect(series.filter((s) => s.stack === 'forecast').map((s) => s.name)).toEqual(['Closed', 'Commit', 'Best case', 'Pipeline']);
    expect(series.find((s) => s.name === 'Pipeline')!.data).toEqual([10, 500]);
    const quota = series.find((s) => s.type === 'line')!;
    expect(quota.data).toEqual([300, null]);
    const axis = option.yAxis as { axisLabel: { formatter: (v: number) => string } };
    expect(axis.axisLabel.formatter(12345)).toBe('¥123.45');
  });
});

describe('historyOption', () => {
  it('draws one line per category over the snapshot days', () => {
    const option = historyOption(
      [
        { takenOn: '2026-11-02', closed: 1, commit: 2, bestCase: 3, weighted: 4 },
        { takenOn: '2026-11-09', closed: 5, commit: 6, bestCase: 7, weighted: 8 },
      ],
      { closed: 'C', commit: 'M', bestCase: 'B', weighted: 'W' },
      String,
      (d) => d.slice(5),
    ) as Record<string, unknown>;
    expect((option.xAxis as { data: string[] }).data).toEqual(['11-02', '11-09']);
    expect(seriesOf(option).map((s) => s.data)).toEqual([
      [1, 5],
      [2, 6],
      [3, 7],
      [4, 8],
    ]);
  });
});

describe('compactMoney', () => {
  it('shortens axis amounts in the UI language, from minor units of the currency', () => {
    expect(compactMoney(400_000_000, 'CNY', 'en')).toBe('CN¥4M');
    expect(compactMoney(400_000_000, 'CNY', 'zh-CN')).toBe('¥400万');
    expect(compactMoney(5_000, 'JPY', 'en')).toBe('¥5K');
  });
});

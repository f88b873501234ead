import { describe, expect, it } from 'vitest';
import { createFormatter } from '../../ui/format';
import { durationParts, formatDuration, moneyList, pipelineName, reasonName, stageName } from './salesFormat';

const t = (key: string, options?: Record<string, unknown>) => (options && 'count' in options ? `${key}:${String(options.count)}` : key);

describe('sales names', () => {
  it('shows a built-in stage, pipeline or reason translated until it is renamed', () => {
    expect(stageName({ key: 'needs_analysis', name: null }, t)).toBe('sales.stageKeys.needs_analysis');
    expect(stageName({ key: 'proposal', name: '方案报价' }, t)).toBe('方案报价');
    expect(stageName({ key: null, name: 'Pilot 试点' }, t)).toBe('Pilot 试点');
    expect(pipelineName({ name: '' }, t)).toBe('sales.pipelines.defaultName');
    expect(pipelineName({ name: '渠道销售' }, t)).toBe('渠道销售');
    expect(reasonName({ key: 'no_budget', name: null }, t)).toBe('sales.reasonKeys.no_budget');
  });
});

describe('durations', () => {
  it('keeps the two largest units', () => {
    expect(durationParts(3 * 86_400 + 4 * 3_600 + 59 * 60 + 59)).toEqual([
      { unit: 'days', count: 3 },
      { unit: 'hours', count: 4 },
    ]);
    expect(durationParts(2 * 3_600 + 15 * 60 + 3)).toEqual([
      { unit: 'hours', count: 2 },
      { unit: 'minutes', count: 15 },
    ]);
  });

  it('leaves out a zero unit inside the two, and says less than a minute for seconds', () => {
    expect(durationParts(86_400 + 30 * 60)).toEqual([{ unit: 'days', count: 1 }]);
    expect(durationParts(59)).toEqual([]);
    expect(durationParts(-5)).toEqual([]);
    expect(formatDuration(59, t)).toBe('sales.duration.underMinute');
    expect(formatDuration(90 * 60, t)).toBe('sales.duration.hours:1 sales.duration.minutes:30');
  });
});

describe('money', () => {
  it('formats each currency of a stage in the UI language, from minor units', () => {
    const totals = [
      { currency: 'CNY', amount: 12_345_678, weighted: 6_172_839 },
      { currency: 'JPY', amount: 5000, weighted: 2500 },
    ];
    expect(moneyList(totals, 'amount', createFormatter({ locale: 'zh-CN' }))).toBe('¥123,456.78 · JP¥5,000');
    expect(moneyList(totals, 'weighted', createFormatter({ locale: 'en' }))).toBe('CN¥61,728.39 · ¥2,500');
    expect(moneyList([], 'amount', createFormatter({ locale: 'en' }))).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { learnRules, recommend } from './propensity.js';

const baskets = (spec: Record<string, string[]>) => new Map(Object.entries(spec).map(([k, v]) => [k, new Set(v)]));

describe('association rules', () => {
  // 10 customers. Tea: 5 buyers, 4 of them bought cups (80%); cups: 5 buyers; 10 customers → lift 0.8 / 0.5 = 1.6.
  const data = baskets({
    c1: ['tea', 'cups'],
    c2: ['tea', 'cups', '茶壶'],
    c3: ['tea', 'cups', '茶壶'],
    c4: ['tea', 'cups'],
    c5: ['tea'],
    c6: ['cups'],
    c7: ['coffee'],
    c8: ['coffee', 'milk'],
    c9: ['coffee', 'milk'],
    c10: ['milk'],
  });

  it('support, confidence and lift as defined', () => {
    const rules = learnRules(data);
    const teaCups = rules.get('tea')!.find((r) => r.to === 'cups')!;
    expect(teaCups).toEqual({ from: 'tea', to: 'cups', together: 4, support: 0.4, confidence: 0.8, lift: 1.6 });
    const potTea = rules.get('茶壶')!.find((r) => r.to === 'tea')!;
    expect(potTea.confidence).toBe(1);
    expect(potTea.lift).toBe(2);
  });

  it('drops pairs bought together once and pairs without lift', () => {
    const rules = learnRules(data);
    expect(rules.get('coffee')!.map((r) => r.to)).toEqual(['milk']);
    expect(learnRules(data, { minTogether: 3 }).get('coffee')).toBeUndefined();
    // tea and coffee never meet; cups → tea has lift 1.6 too, but nothing links tea to milk.
    expect(rules.get('tea')!.some((r) => r.to === 'milk')).toBe(false);
  });

  it('recommends what the customer lacks, strongest evidence first, with the rule behind it', () => {
    const rules = learnRules(data);
    const forC5 = recommend(new Set(['tea']), rules);
    expect(forC5.map((r) => r.productId)).toEqual(['cups', '茶壶']);
    expect(forC5[0]!.because).toMatchObject({ from: 'tea', confidence: 0.8 });
    expect(recommend(new Set(['tea', 'cups', '茶壶']), rules)).toEqual([]);
    expect(recommend(new Set(['unknown']), rules)).toEqual([]);
    expect(recommend(new Set(['tea']), rules, 1)).toHaveLength(1);
  });

  it('no baskets, no rules', () => {
    expect(learnRules(new Map()).size).toBe(0);
  });
});

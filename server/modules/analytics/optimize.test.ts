import { describe, expect, it } from 'vitest';
import { hyp2f1, lnGamma, minimizeWithRestarts, nelderMead } from './optimize.js';

describe('Nelder–Mead', () => {
  it('finds the minimum of Rosenbrock’s valley from the classic start (−1.2, 1)', () => {
    const rosenbrock = ([x, y]: number[]) => 100 * (y! - x! ** 2) ** 2 + (1 - x!) ** 2;
    const result = minimizeWithRestarts(rosenbrock, [-1.2, 1]);
    expect(result.x[0]).toBeCloseTo(1, 5);
    expect(result.x[1]).toBeCloseTo(1, 5);
    expect(result.value).toBeLessThan(1e-10);
  });

  it('a 4-dimensional quadratic with unequal scales, and non-finite values refused as +∞', () => {
    const target = [3, -2, 0.5, 10];
    const scales = [1, 100, 0.01, 5];
    const f = (x: number[]) => (x[0]! < -5 ? NaN : x.reduce((s, v, i) => s + scales[i]! * (v - target[i]!) ** 2, 0));
    const result = minimizeWithRestarts(f, [0, 0, 0, 0]);
    result.x.forEach((v, i) => expect(v).toBeCloseTo(target[i]!, 4));
    expect(nelderMead(() => NaN, [0, 0], { maxIterations: 20 }).value).toBe(Infinity);
  });

  it('stops at the iteration limit and says it did not converge', () => {
    const result = nelderMead(([x, y]) => 100 * (y! - x! ** 2) ** 2 + (1 - x!) ** 2, [-1.2, 1], { maxIterations: 5 });
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(5);
  });
});

describe('ln Γ', () => {
  it('matches factorials and Γ(½) = √π, also for large and small arguments', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 13);
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(lnGamma(0.01)).toBeCloseTo(4.599479878042022, 10);
    // ln 170! by summing logs.
    let lnFact = 0;
    for (let k = 2; k <= 170; k++) lnFact += Math.log(k);
    expect(lnGamma(171) / lnFact).toBeCloseTo(1, 13);
    expect(lnGamma(1e6)).toBeCloseTo(12815504.569147611, 4);
  });
});

describe('₂F₁', () => {
  it('matches closed forms: −ln(1−z)/z, (1−z)^(−a), arcsin', () => {
    for (const z of [-0.9, -0.3, 0.001, 0.5, 0.9, 0.99]) {
      expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log1p(-z) / z, 11);
      expect(hyp2f1(2.5, 3, 3, z) / (1 - z) ** -2.5).toBeCloseTo(1, 11);
    }
    for (const x of [0.2, 0.7, 0.95]) expect(hyp2f1(0.5, 0.5, 1.5, x * x)).toBeCloseTo(Math.asin(x) / x, 12);
  });

  it('a polynomial when a is a negative integer; z = 0 gives 1', () => {
    // ₂F₁(−2, b; c; z) = 1 − 2bz/c + b(b+1)z²/(c(c+1)).
    expect(hyp2f1(-2, 3, 4, 0.5)).toBeCloseTo(1 - (2 * 3 * 0.5) / 4 + (3 * 4 * 0.25) / (4 * 5), 14);
    expect(hyp2f1(7, 8, 9, 0)).toBe(1);
  });

  it('refuses |z| ≥ 1, a pole c, and says when the series would not converge', () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, -2, 0.5)).toThrow(/undefined/);
    expect(() => hyp2f1(50, 50, 1, 0.999999, 1e-14, 1000)).toThrow(/did not converge/);
  });
});

import { describe, expect, it } from 'vitest';
import { seededRandom } from './churn.model.js';
import {
  bgnbdLogLikelihood,
  clvScorer,
  correlation,
  expectedPurchases,
  expectedSpend,
  fitBgNbd,
  fitClv,
  fitGammaGamma,
  gammaGammaLogLikelihood,
  groupRfm,
  MIN_REPEAT_CUSTOMERS,
  probabilityAlive,
  rfmSummary,
  type BgNbdParams,
  type ClvInput,
  type Rfm,
} from './clv.bgnbd.js';

// The published fits on the CDNOW sample (weeks): BG/NBD, FHL 2005; Gamma-Gamma, FHL "RFM and CLV".
const CDNOW: BgNbdParams = { r: 0.2425, alpha: 4.4136, a: 0.7929, b: 2.4259 };
const CDNOW_SPEND = { p: 6.25, q: 3.74, gamma: 15.44 };

/** Gamma(shape, rate) by Marsaglia–Tsang (shape < 1 boosted by U^(1/shape)), normals by Box–Muller. */
function sampler(seed: number) {
  const u = seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  const gamma = (shape: number, rate: number): number => {
    if (shape < 1) return gamma(shape + 1, rate) * (1 - u()) ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const z = normal();
      const v = (1 + c * z) ** 3;
      if (v <= 0) continue;
      if (Math.log(1 - u()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return (d * v) / rate;
    }
  };
  return { u, gamma, beta: (a: number, b: number) => ((x) => x / (x + gamma(b, 1)))(gamma(a, 1)) };
}

/**
 * Customers of a BG/NBD process in weeks, CDNOW-like: first purchase in the first 12 weeks, a calibration
 * period to week 39, then a 39-week holdout. A customer buys at rate λ ~ Gamma(r, α) and after each repeat
 * purchase drops out with probability p ~ Beta(a, b).
 */
function simulate(n: number, params: BgNbdParams, seed: number, calibration = 39, holdout = 39) {
  const s = sampler(seed);
  return Array.from({ length: n }, () => {
    const lambda = s.gamma(params.r, params.alpha);
    const p = s.beta(params.a, params.b);
    const start = 12 * s.u();
    const T = calibration - start;
    let x = 0;
    let tx = 0;
    let later = 0;
    for (let t = 0; ; ) {
      t += -Math.log(1 - s.u()) / lambda;
      if (t > T + holdout) break;
      if (t <= T) [x, tx] = [x + 1, t];
      else later++;
      if (s.u() < p) break;
    }
    return { rfm: { x, tx, T }, later };
  });
}

describe('the RFM summary', () => {
  it('counts purchase days after the first, in whole UTC days', () => {
    const at = (iso: string) => new Date(iso);
    expect(rfmSummary(3, at('2026-01-01T23:00:00Z'), at('2026-01-11T01:00:00Z'), at('2026-02-01T12:00:00Z'))).toEqual({ x: 2, tx: 10, T: 31 });
    // First seen on the reference date: nothing observed yet.
    expect(rfmSummary(1, at('2026-02-01T08:00:00Z'), at('2026-02-01T08:00:00Z'), at('2026-02-01T12:00:00Z'))).toEqual({ x: 0, tx: 0, T: 0 });
  });

  it('groups customers with equal (x, t_x, T)', () => {
    const groups = groupRfm([{ x: 0, tx: 0, T: 5 }, { x: 0, tx: 0, T: 5 }, { x: 1, tx: 2, T: 5 }]);
    expect(groups).toEqual([{ x: 0, tx: 0, T: 5, count: 2 }, { x: 1, tx: 2, T: 5, count: 1 }]);
  });
});

describe('BG/NBD formulas against high-precision values (mpmath, 40 digits)', () => {
  it('the individual log-likelihood (with Beta functions, no ₂F₁)', () => {
    const one = (rfm: Rfm) => bgnbdLogLikelihood(CDNOW, groupRfm([rfm]));
    expect(one({ x: 2, tx: 30.43, T: 38.86 })).toBeCloseTo(-9.4599438541969255, 11);
    expect(one({ x: 0, tx: 0, T: 38.86 })).toBeCloseTo(-0.55359162608279876, 11);
    expect(one({ x: 1, tx: 5, T: 30 })).toBeCloseTo(-4.7667031883620972, 11);
    expect(bgnbdLogLikelihood({ ...CDNOW, r: -1 }, [{ x: 0, tx: 0, T: 1, count: 1 }])).toBe(-Infinity);
  });

  it('P(alive) and the conditional expectation: the paper’s customer (x = 2, t_x = 30.43, T = 38.86) expects 1.226 in 39 weeks', () => {
    const customer = { x: 2, tx: 30.43, T: 38.86 };
    expect(expectedPurchases(CDNOW, customer, 39)).toBeCloseTo(1.2258812664815175, 10);
    expect(probabilityAlive(CDNOW, customer)).toBeCloseTo(0.7266183489626329, 12);
    expect(probabilityAlive(CDNOW, { x: 0, tx: 0, T: 38.86 })).toBe(1);
  });

  it('huge counts, a customer first seen on the reference date, and a zero horizon', () => {
    expect(expectedPurchases(CDNOW, { x: 300, tx: 38, T: 39 }, 39) / 53.180013259198563).toBeCloseTo(1, 10);
    expect(expectedPurchases(CDNOW, { x: 5000, tx: 999, T: 1000 }, 520) / 2129.8763382395006).toBeCloseTo(1, 10);
    expect(probabilityAlive(CDNOW, { x: 5000, tx: 999, T: 1000 })).toBeCloseTo(0.97744061230364928, 12);
    expect(expectedPurchases(CDNOW, { x: 0, tx: 0, T: 0 }, 39)).toBeCloseTo(1.1945984886947384, 10);
    expect(expectedPurchases(CDNOW, { x: 0, tx: 0, T: 0 }, 1e-6) / 5.4943808136594499e-8).toBeCloseTo(1, 6);
    expect(expectedPurchases(CDNOW, { x: 3, tx: 2, T: 9 }, 0)).toBe(0);
  });

  it('near no dropout (a = e^−15, b = e^15, the fit’s bound): close to the NBD’s (r + x) t / (α + T), and exact', () => {
    const nbd = { r: 0.74, alpha: 62, a: Math.exp(-15), b: Math.exp(15) };
    for (const [x, T, exact] of [[0, 10, 1.89111111111072], [3, 200, 2.62656488549429], [40, 180, 30.9753774173907]] as const) {
      // The closed form subtracts two numbers near 1 and multiplies by ≈ b: about 8 digits left at the bound.
      expect(expectedPurchases(nbd, { x, tx: T / 2, T }, 184) / exact).toBeCloseTo(1, 7);
      expect(expectedPurchases(nbd, { x, tx: T / 2, T }, 184) / (((0.74 + x) * 184) / (62 + T))).toBeCloseTo(1, 4);
      expect(probabilityAlive(nbd, { x, tx: T / 2, T })).toBeGreaterThan(0.999);
    }
  });
});

describe('BG/NBD fit on 10,000 simulated customers of the CDNOW parameters', () => {
  const customers = simulate(10_000, CDNOW, 20260524);
  const groups = groupRfm(customers.map((c) => c.rfm));
  const started = performance.now();
  const fit = fitBgNbd(groups);
  const seconds = (performance.now() - started) / 1000;

  it('recovers the parameters within their sampling error (≈ 2 standard errors of the published fit, scaled to n)', () => {
    expect(fit.converged).toBe(true);
    expect(fit.params.r).toBeGreaterThan(CDNOW.r * 0.85);
    expect(fit.params.r).toBeLessThan(CDNOW.r * 1.15);
    expect(fit.params.alpha).toBeGreaterThan(CDNOW.alpha * 0.8);
    expect(fit.params.alpha).toBeLessThan(CDNOW.alpha * 1.2);
    expect(fit.params.a).toBeGreaterThan(CDNOW.a * 0.6);
    expect(fit.params.a).toBeLessThan(CDNOW.a * 1.4);
    expect(fit.params.b).toBeGreaterThan(CDNOW.b * 0.5);
    expect(fit.params.b).toBeLessThan(CDNOW.b * 1.5);
    expect(seconds).toBeLessThan(5);
  });

  it('is a maximum: the truth and every point around the fit have a lower likelihood', () => {
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(bgnbdLogLikelihood(CDNOW, groups));
    for (const key of ['r', 'alpha', 'a', 'b'] as const)
      for (const factor of [0.98, 1.02]) {
        expect(bgnbdLogLikelihood({ ...fit.params, [key]: fit.params[key] * factor }, groups)).toBeLessThan(fit.logLikelihood);
        expect(bgnbdLogLikelihood({ ...CDNOW, [key]: CDNOW[key] * factor }, groups)).toBeLessThan(fit.logLikelihood);
      }
  });

  it('predicts the holdout purchases within 3% in total, and per frequency', () => {
    const actual = customers.reduce((s, c) => s + c.later, 0);
    const predicted = customers.reduce((s, c) => s + expectedPurchases(fit.params, c.rfm, 39), 0);
    expect(Math.abs(predicted / actual - 1)).toBeLessThan(0.03);
    // Customers with 0, 1 and 2 calibration purchases: the conditional expectation, not just the total.
    for (const x of [0, 1, 2]) {
      const some = customers.filter((c) => c.rfm.x === x);
      const act = some.reduce((s, c) => s + c.later, 0);
      const pred = some.reduce((s, c) => s + expectedPurchases(fit.params, c.rfm, 39), 0);
      expect(Math.abs(pred / act - 1), `x = ${x}: ${pred} vs ${act}`).toBeLessThan(0.1);
    }
  });

  it('the same fit in another time unit: days scale α and nothing else', () => {
    const inDays = fitBgNbd(groups.map((g) => ({ ...g, tx: g.tx * 7, T: g.T * 7 })));
    expect(inDays.params.alpha / 7 / fit.params.alpha).toBeCloseTo(1, 3);
    expect(inDays.params.r / fit.params.r).toBeCloseTo(1, 3);
  });
});

describe('Gamma-Gamma', () => {
  it('the individual log-likelihood matches the integral over ν (mpmath quadrature)', () => {
    expect(gammaGammaLogLikelihood(CDNOW_SPEND, [{ n: 3, mean: 35.5 }])).toBeCloseTo(-4.0905522096788454, 11);
  });

  it('recovers (p, q, γ) from 5,000 simulated customers, and shrinks a mean toward the population’s', () => {
    const s = sampler(7);
    const spends = Array.from({ length: 5000 }, () => {
      const nu = s.gamma(CDNOW_SPEND.q, CDNOW_SPEND.gamma);
      const n = 1 + Math.floor(8 * s.u());
      let total = 0;
      for (let i = 0; i < n; i++) total += s.gamma(CDNOW_SPEND.p, nu);
      return { n, mean: total / n };
    });
    const fit = fitGammaGamma(spends);
    expect(fit.converged).toBe(true);
    expect(fit.params.p / CDNOW_SPEND.p).toBeGreaterThan(0.9);
    expect(fit.params.p / CDNOW_SPEND.p).toBeLessThan(1.1);
    expect(fit.params.q / CDNOW_SPEND.q).toBeGreaterThan(0.85);
    expect(fit.params.q / CDNOW_SPEND.q).toBeLessThan(1.15);
    expect(fit.params.gamma / CDNOW_SPEND.gamma).toBeGreaterThan(0.75);
    expect(fit.params.gamma / CDNOW_SPEND.gamma).toBeLessThan(1.25);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(gammaGammaLogLikelihood(CDNOW_SPEND, spends));
    const population = (CDNOW_SPEND.p * CDNOW_SPEND.gamma) / (CDNOW_SPEND.q - 1);
    expect(expectedSpend(CDNOW_SPEND, 0, 123)).toBeCloseTo(population, 12);
    const one = expectedSpend(CDNOW_SPEND, 1, 100);
    const many = expectedSpend(CDNOW_SPEND, 50, 100);
    expect(one).toBeGreaterThan(population);
    expect(many).toBeGreaterThan(one);
    expect(many).toBeLessThan(100);
  });

  it('correlation: ±1 on lines, 0 when constant', () => {
    expect(correlation([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 14);
    expect(correlation([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 14);
    expect(correlation([1, 2, 3], [5, 5, 5])).toBe(0);
  });
});

describe('the lifetime value of a workspace', () => {
  const customersOf = (n: number, x: (i: number) => number): ClvInput[] =>
    Array.from({ length: n }, (_, i) => ({ x: x(i), tx: x(i) > 0 ? 100 + (i % 50) : 0, T: 200 + (i % 100), orders: x(i) + 1, meanSpend: 1000 + ((i * 37) % 500) }));

  it('not identifiable with only one-time buyers or fewer than 20 repeat customers: null (the simple formula)', () => {
    expect(fitClv(customersOf(500, () => 0))).toBeNull();
    expect(fitClv(customersOf(500, (i) => (i < MIN_REPEAT_CUSTOMERS - 1 ? 2 : 0)))).toBeNull();
    // Repeat customers whose spend is not positive do not count toward the minimum.
    expect(fitClv(customersOf(500, (i) => (i < 30 ? 2 : 0)).map((c, i) => (i < 15 ? { ...c, meanSpend: 0 } : c)))).toBeNull();
    expect(fitClv([])).toBeNull();
  });

  it('simulated customers in days: P(alive), 12-month purchases and the discounted value; zero or negative spend is worth 0', () => {
    const s = sampler(11);
    const inputs: ClvInput[] = simulate(5000, CDNOW, 99).map(({ rfm }) => ({
      x: rfm.x,
      tx: Math.round(rfm.tx * 7),
      T: Math.round(rfm.T * 7),
      orders: rfm.x + 1,
      meanSpend: Math.round(s.gamma(CDNOW_SPEND.p, s.gamma(CDNOW_SPEND.q, CDNOW_SPEND.gamma)) * 100),
    }));
    const model = fitClv(inputs)!;
    expect(model).not.toBeNull();
    expect(Math.abs(model.frequencySpendCorrelation)).toBeLessThan(0.1);
    const score = clvScorer(model, { horizonMonths: 36, yearlyDiscount: 0.1 })!;
    const loyal = score({ x: 10, tx: 250, T: 260, orders: 11, meanSpend: 5000 });
    const gone = score({ x: 10, tx: 20, T: 260, orders: 11, meanSpend: 5000 });
    expect(loyal.probabilityAlive).toBeGreaterThan(0.8);
    expect(gone.probabilityAlive).toBeLessThan(0.1);
    expect(loyal.lifetimeValue).toBeGreaterThan(10 * gone.lifetimeValue);
    // Undiscounted over 12 months, the value is the expected purchases × the expected spend.
    const year = clvScorer(model, { horizonMonths: 12, yearlyDiscount: 0 })!({ x: 10, tx: 250, T: 260, orders: 11, meanSpend: 5000 });
    expect(year.lifetimeValue).toBe(Math.round(year.expectedPurchases12m * year.expectedSpend));
    const fresh = score({ x: 0, tx: 0, T: 0, orders: 1, meanSpend: 5000 });
    expect(fresh.probabilityAlive).toBe(1);
    expect(fresh.lifetimeValue).toBeGreaterThan(0);
    expect(score({ x: 3, tx: 100, T: 200, orders: 4, meanSpend: 0 }).lifetimeValue).toBe(0);
    expect(score({ x: 0, tx: 0, T: 200, orders: 1, meanSpend: -300 }).lifetimeValue).toBe(0);
    const huge = score({ x: 5000, tx: 1000, T: 1001, orders: 5001, meanSpend: 100 });
    expect(Number.isFinite(huge.lifetimeValue)).toBe(true);
    expect(huge.expectedPurchases12m).toBeGreaterThan(1000);
  });

  it('no scorer when the ₂F₁ series cannot converge (α tiny against the horizon): the run keeps the simple formula', () => {
    const fit = <P,>(params: P) => ({ params, logLikelihood: -1, converged: true, evaluations: 1 });
    const model = { bgnbd: fit({ r: 0.5, alpha: 1e-12, a: 0.5, b: 0.7 }), gammaGamma: fit(CDNOW_SPEND), repeatCustomers: 100, frequencySpendCorrelation: 0 };
    expect(clvScorer(model)).toBeNull();
    expect(clvScorer({ ...model, bgnbd: fit(CDNOW) })).not.toBeNull();
  });
});

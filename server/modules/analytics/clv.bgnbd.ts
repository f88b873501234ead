// The lifetime-value model: BG/NBD for the number of purchases (Fader, Hardie & Lee 2005, "Counting your
// customers the easy way") and Gamma-Gamma for the value of a purchase (Fader, Hardie & Lee 2005, "RFM and CLV";
// Fader & Hardie 2013, "The Gamma-Gamma model of monetary value"). Pure: no database. docs/analytics.md states
// the model, its units, the fallback and a validation on the UCI Online Retail data.

import { hyp2f1, lnGamma, minimizeWithRestarts } from './optimize.js';

const DAY = 86_400_000;
/** Days in a month for the monthly discounting (365/12). */
export const MONTH_DAYS = 365 / 12;
/** Below this many repeat customers a workspace's fit is not identifiable: the simple formula is used. */
export const MIN_REPEAT_CUSTOMERS = 20;

/**
 * One customer's purchase history in the lifetimes convention, in days (UTC calendar days): x repeat purchases
 * (days with a purchase, minus the first), t_x from the first to the last purchase, T from the first purchase
 * to the reference date.
 */
export interface Rfm {
  x: number;
  tx: number;
  T: number;
}

/** One customer's summary from their number of distinct purchase days and first and last purchase. */
export function rfmSummary(purchaseDays: number, firstAt: Date, lastAt: Date, reference: Date): Rfm {
  const day = (d: Date) => Math.floor(d.getTime() / DAY);
  const first = day(firstAt);
  const T = Math.max(0, day(reference) - first);
  return { x: Math.max(0, purchaseDays - 1), tx: Math.min(T, Math.max(0, day(lastAt) - first)), T };
}

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Customers with the same (x, t_x, T) counted once with their number: the likelihood only needs these. */
export interface RfmGroup extends Rfm {
  count: number;
}

export function groupRfm(customers: Iterable<Rfm>): RfmGroup[] {
  const groups = new Map<string, RfmGroup>();
  for (const c of customers) {
    const key = `${c.x}|${c.tx}|${c.T}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { x: c.x, tx: c.tx, T: c.T, count: 1 });
  }
  return [...groups.values()];
}

const logAddExp = (u: number, v: number) => (u > v ? u + Math.log1p(Math.exp(v - u)) : v + Math.log1p(Math.exp(u - v)));

/** Grouped customers indexed by their distinct x and distinct times, so a likelihood evaluation costs one ln Γ per x and one log per time. */
export interface PreparedRfm {
  xs: Float64Array;
  times: Float64Array;
  xIndex: Uint32Array;
  tIndex: Uint32Array;
  txIndex: Uint32Array;
  counts: Float64Array;
  customers: number;
}

export function prepareRfm(groups: RfmGroup[]): PreparedRfm {
  const indexer = () => {
    const map = new Map<number, number>();
    return { map, of: (v: number) => map.get(v) ?? (map.set(v, map.size), map.size - 1) };
  };
  const xi = indexer();
  const ti = indexer();
  const n = groups.length;
  const prepared = { xIndex: new Uint32Array(n), tIndex: new Uint32Array(n), txIndex: new Uint32Array(n), counts: new Float64Array(n), customers: 0 };
  groups.forEach((g, i) => {
    prepared.xIndex[i] = xi.of(g.x);
    prepared.tIndex[i] = ti.of(g.T);
    prepared.txIndex[i] = ti.of(g.tx);
    prepared.counts[i] = g.count;
    prepared.customers += g.count;
  });
  return { ...prepared, xs: Float64Array.from(xi.map.keys()), times: Float64Array.from(ti.map.keys()) };
}

/**
 * The BG/NBD log-likelihood of grouped customers (FHL 2005, eq. 6, in the closed form without ₂F₁):
 * L = B(a, b+x)/B(a, b) · Γ(r+x) αʳ / (Γ(r) (α+T)^(r+x)) + [x > 0] B(a+1, b+x−1)/B(a, b) · Γ(r+x) αʳ / (Γ(r) (α+t_x)^(r+x)).
 */
export function bgnbdLogLikelihood(params: BgNbdParams, data: RfmGroup[] | PreparedRfm): number {
  const { r, alpha, a, b } = params;
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return -Infinity;
  const d = Array.isArray(data) ? prepareRfm(data) : data;
  const common = r * Math.log(alpha) - lnGamma(r) + lnGamma(a + b) - lnGamma(b);
  const base = d.xs.map((x) => common + lnGamma(r + x) + lnGamma(b + x) - lnGamma(a + b + x));
  const dropped = d.xs.map((x) => (x > 0 ? Math.log(a) - Math.log(b + x - 1) : -Infinity));
  const lnTime = d.times.map((t) => Math.log(alpha + t));
  let total = 0;
  for (let i = 0; i < d.counts.length; i++) {
    const k = d.xIndex[i]!;
    const rx = r + d.xs[k]!;
    const stillAlive = -rx * lnTime[d.tIndex[i]!]!;
    const ll = d.xs[k]! > 0 ? logAddExp(stillAlive, dropped[k]! - rx * lnTime[d.txIndex[i]!]!) : stillAlive;
    total += d.counts[i]! * (base[k]! + ll);
  }
  return total;
}

export interface Fit<P> {
  params: P;
  logLikelihood: number;
  converged: boolean;
  evaluations: number;
}

/**
 * Log-parameters are kept within ±15 (e^15 ≈ 3.3 million): when the data show no dropout the likelihood keeps
 * rising as a → 0 and b → ∞ (the BG/NBD tends to the NBD, E[p] = a/(a+b) → 0) with predictions that no longer
 * change, while the closed form of the expectation loses about log10(b) of its 16 digits.
 */
const MAX_LOG_PARAM = 15;
const outOfBounds = (logParams: number[]) => logParams.some((v) => Math.abs(v) > MAX_LOG_PARAM);

/** Maximum likelihood by Nelder–Mead over log-parameters, from (1, mean T, 1, 1): scale-free in the time unit. */
export function fitBgNbd(groups: RfmGroup[]): Fit<BgNbdParams> {
  const data = prepareRfm(groups);
  const customers = Math.max(1, data.customers);
  const meanT = groups.reduce((s, g) => s + g.count * g.T, 0) / customers || 1;
  const toParams = ([r, alpha, a, b]: number[]) => ({ r: Math.exp(r!), alpha: Math.exp(alpha!), a: Math.exp(a!), b: Math.exp(b!) });
  const objective = (p: number[]) => (outOfBounds(p) ? Infinity : -bgnbdLogLikelihood(toParams(p), data) / customers);
  const result = minimizeWithRestarts(objective, [0, Math.log(meanT), 0, 0], { ftol: 1e-11, xtol: 1e-7 });
  return { params: toParams(result.x), logLikelihood: -result.value * customers, converged: result.converged, evaluations: result.evaluations };
}

/** P(alive | x, t_x, T) = 1 / (1 + [x > 0] a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)). */
export function probabilityAlive({ r, alpha, a, b }: BgNbdParams, { x, tx, T }: Rfm): number {
  if (x === 0) return 1;
  return 1 / (1 + Math.exp(Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + T) / (alpha + tx))));
}

/**
 * E[purchases in (T, T+t] | x, t_x, T] (FHL 2005, eq. 10):
 * (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))] / (1 + [x > 0] a/(b+x−1) ((α+T)/(α+t_x))^(r+x)).
 * The ₂F₁ goes through Euler's transformation, ₂F₁(A, B; C; z) = (1−z)^(C−A−B) ₂F₁(C−A, C−B; C; z): the bracket
 * becomes 1 − ((α+T)/(α+T+t))^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z), whose series has small numerators and
 * converges fast however many purchases the customer made (the direct series' terms overflow for large x).
 */
export function expectedPurchases(params: BgNbdParams, rfm: Rfm, t: number): number {
  return (expectedIfAlive(params, rfm.x, rfm.T, t) * probabilityAlive(params, rfm)) || 0;
}

/** The numerator of FHL eq. 10 (expected purchases before weighting by P(alive)): depends on x and T only. */
function expectedIfAlive({ r, alpha, a, b }: BgNbdParams, x: number, T: number, t: number): number {
  if (t <= 0) return 0;
  // a = 1 is a removable singularity of the closed form; a nudge keeps it finite within the fit's precision.
  const aa = Math.abs(a - 1) < 1e-9 ? 1 + 1e-9 : a;
  const z = t / (alpha + T + t);
  const bracket = 1 - Math.pow((alpha + T) / (alpha + T + t), aa - 1) * hyp2f1(aa + b - 1 - r, aa - 1, aa + b + x - 1, z);
  return ((aa + b + x - 1) / (aa - 1)) * bracket;
}

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/** A repeat customer's spend: the number of transactions and their mean value (positive). */
export interface Spend {
  n: number;
  mean: number;
}

/** Spends with the sums the likelihood needs precomputed: one logarithm per customer and evaluation remains. */
export interface PreparedSpends {
  spends: Spend[];
  /** Distinct transaction counts and how many customers have each. */
  counts: Map<number, number>;
  sumNLogN: number;
  sumNLogMean: number;
  sumLogMean: number;
}

export function prepareSpends(spends: Spend[]): PreparedSpends {
  const prepared: PreparedSpends = { spends, counts: new Map(), sumNLogN: 0, sumNLogMean: 0, sumLogMean: 0 };
  for (const { n, mean } of spends) {
    prepared.counts.set(n, (prepared.counts.get(n) ?? 0) + 1);
    prepared.sumNLogN += n * Math.log(n);
    prepared.sumNLogMean += n * Math.log(mean);
    prepared.sumLogMean += Math.log(mean);
  }
  return prepared;
}

/**
 * The Gamma-Gamma log-likelihood of customers' mean transaction values:
 * ℓ = ln Γ(pn+q) − ln Γ(pn) − ln Γ(q) + q ln γ + (pn−1) ln m + pn ln n − (pn+q) ln(γ + n m).
 */
export function gammaGammaLogLikelihood({ p, q, gamma }: GammaGammaParams, data: Spend[] | PreparedSpends): number {
  if (!(p > 0 && q > 0 && gamma > 0)) return -Infinity;
  const d = Array.isArray(data) ? prepareSpends(data) : data;
  let total = d.spends.length * (q * Math.log(gamma) - lnGamma(q)) + p * d.sumNLogMean - d.sumLogMean + p * d.sumNLogN;
  for (const [n, customers] of d.counts) total += customers * (lnGamma(p * n + q) - lnGamma(p * n));
  for (const { n, mean } of d.spends) total -= (p * n + q) * Math.log(gamma + n * mean);
  return total;
}

/** Maximum likelihood of (p, q, γ) from (1, 1, mean spend), over log-parameters. */
export function fitGammaGamma(spends: Spend[]): Fit<GammaGammaParams> {
  const data = prepareSpends(spends);
  const meanSpend = spends.reduce((s, c) => s + c.mean, 0) / Math.max(1, spends.length) || 1;
  const toParams = ([p, q, gamma]: number[]) => ({ p: Math.exp(p!), q: Math.exp(q!), gamma: Math.exp(gamma!) });
  // γ is in money units (minor units, up to millions): it gets the bound around the start.
  const objective = (x: number[]) => (outOfBounds([x[0]!, x[1]!, x[2]! - Math.log(meanSpend)]) ? Infinity : -gammaGammaLogLikelihood(toParams(x), data) / spends.length);
  const result = minimizeWithRestarts(objective, [0, 0, Math.log(meanSpend)], { ftol: 1e-11, xtol: 1e-7 });
  return { params: toParams(result.x), logLikelihood: -result.value * spends.length, converged: result.converged, evaluations: result.evaluations };
}

/**
 * E[mean transaction value | n, m] = (q−1)/(pn+q−1) · pγ/(q−1) + pn/(pn+q−1) · m: the population mean pγ/(q−1)
 * shrunk toward the customer's own mean as their transactions add up; for n = 0, the population mean.
 */
export function expectedSpend({ p, q, gamma }: GammaGammaParams, n: number, mean: number): number {
  return (p * (gamma + n * mean)) / (p * n + q - 1);
}

/** Pearson correlation: Gamma-Gamma assumes spend independent of purchase frequency; the run reports this. */
export function correlation(xs: number[], ys: number[]): number {
  const n = xs.length;
  if (n < 2) return 0;
  const mx = xs.reduce((s, v) => s + v, 0) / n;
  const my = ys.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

export interface ClvOptions {
  /** Months ahead (lifetimes' `time`). */
  horizonMonths: number;
  /** Yearly discount rate, applied monthly as (1 + d)^(1/12) − 1. */
  yearlyDiscount: number;
}
export const DEFAULT_CLV: ClvOptions = { horizonMonths: 36, yearlyDiscount: 0.1 };

export interface ClvModel {
  bgnbd: Fit<BgNbdParams>;
  gammaGamma: Fit<GammaGammaParams>;
  repeatCustomers: number;
  /** Correlation of repeat purchases and mean order value among repeat customers (near 0 is what Gamma-Gamma assumes). */
  frequencySpendCorrelation: number;
}

export interface ClvInput extends Rfm {
  /** Transactions behind `meanSpend` (orders), and their mean value; the Gamma-Gamma fit uses repeat customers with a positive mean. */
  orders: number;
  meanSpend: number;
}

/**
 * Fits both models on a workspace's customers, or returns null when the fit is not identifiable (fewer than
 * MIN_REPEAT_CUSTOMERS repeat customers with a positive spend) or fails (non-finite, or a Gamma-Gamma q ≤ 1
 * whose population mean spend does not exist): the caller then uses the simple formula.
 */
export function fitClv(customers: ClvInput[]): ClvModel | null {
  const repeat = customers.filter((c) => c.x > 0 && c.meanSpend > 0 && c.orders > 0);
  if (repeat.length < MIN_REPEAT_CUSTOMERS) return null;
  const bgnbd = fitBgNbd(groupRfm(customers));
  const gammaGamma = fitGammaGamma(repeat.map((c) => ({ n: c.orders, mean: c.meanSpend })));
  const finite = (o: object) => Object.values(o).every((v) => Number.isFinite(v) && v > 0);
  if (!finite(bgnbd.params) || !Number.isFinite(bgnbd.logLikelihood) || !finite(gammaGamma.params) || gammaGamma.params.q <= 1) return null;
  return {
    bgnbd,
    gammaGamma,
    repeatCustomers: repeat.length,
    frequencySpendCorrelation: correlation(
      repeat.map((c) => c.x),
      repeat.map((c) => c.meanSpend),
    ),
  };
}

export interface ClvFigures {
  probabilityAlive: number;
  /** Expected purchases (purchase days) in the next 12 months. */
  expectedPurchases12m: number;
  /** Expected value of a purchase (Gamma-Gamma). */
  expectedSpend: number;
  /** Σ over the horizon's months of expected purchases in the month × expected spend, discounted monthly. */
  lifetimeValue: number;
}

/**
 * Per-customer figures of a fitted model. Memoizes the part of the expected purchases that depends on (x, T)
 * only, so a million customers cost one ₂F₁ per distinct (x, T) and month. Null when the ₂F₁ series does not
 * converge for these parameters (α tiny against the horizon: z → 1), probed at its slowest case, x = T = 0 over
 * the whole horizon, so that a run never fails half-way: the caller then uses the simple formula.
 */
export function clvScorer(model: ClvModel, options: ClvOptions = DEFAULT_CLV): ((c: ClvInput) => ClvFigures) | null {
  const { params } = model.bgnbd;
  const monthly = (1 + options.yearlyDiscount) ** (1 / 12) - 1;
  const cache = new Map<string, { year: number; discounted: number }>();
  const ifAlive = (x: number, T: number) => {
    const key = `${x}|${T}`;
    let v = cache.get(key);
    if (!v) {
      let previous = 0;
      let discounted = 0;
      for (let m = 1; m <= options.horizonMonths; m++) {
        const upTo = expectedIfAlive(params, x, T, m * MONTH_DAYS);
        discounted += (upTo - previous) / (1 + monthly) ** m;
        previous = upTo;
      }
      v = { year: expectedIfAlive(params, x, T, 12 * MONTH_DAYS), discounted };
      cache.set(key, v);
    }
    return v;
  };
  try {
    ifAlive(0, 0);
  } catch {
    return null;
  }
  return (c) => {
    const alive = probabilityAlive(params, c);
    const { year, discounted } = ifAlive(c.x, c.T);
    // A customer whose purchases were all returned (net ≤ 0) has shown no value: nothing expected, as in the simple formula.
    const spend = c.meanSpend > 0 ? expectedSpend(model.gammaGamma.params, c.x > 0 ? c.orders : 0, c.meanSpend) : 0;
    return { probabilityAlive: alive, expectedPurchases12m: alive * year, expectedSpend: spend, lifetimeValue: Math.round(alive * discounted * spend) };
  };
}

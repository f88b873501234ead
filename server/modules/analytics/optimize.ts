// Small numerical tools for the lifetime-value model (clv.bgnbd.ts): a derivative-free minimizer, ln Γ and the
// Gaussian hypergeometric function. Dependency-free: no maintained JavaScript package offers them together.

export interface MinimizeResult {
  x: number[];
  value: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

export interface NelderMeadOptions {
  /** Stop when the simplex's function values differ by less than this… */
  ftol?: number;
  /** …and its vertices by less than this in every coordinate. */
  xtol?: number;
  maxIterations?: number;
  /** Size of the first simplex around the start, per coordinate. */
  step?: number;
}

/**
 * Nelder–Mead downhill simplex (Nelder & Mead 1965; Lagarias et al. 1998 conventions: reflection 1, expansion 2,
 * contraction ½, shrink ½). A non-finite function value counts as +∞, so the objective may refuse points
 * outside its domain. Unconstrained: optimize log-parameters for positive ones.
 */
export function nelderMead(f: (x: number[]) => number, start: number[], options: NelderMeadOptions = {}): MinimizeResult {
  const { ftol = 1e-10, xtol = 1e-8, maxIterations = 5000, step = 0.5 } = options;
  const n = start.length;
  let evaluations = 0;
  const value = (x: number[]) => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const simplex = [start.slice(), ...start.map((_, i) => start.map((s, j) => (i === j ? s + step : s)))];
  const values = simplex.map(value);
  const toward = (from: number[], to: number[], t: number) => from.map((v, j) => v + t * (to[j]! - v));
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    const order = values.map((_, i) => i).sort((i, j) => values[i]! - values[j]!);
    const sorted = order.map((i) => simplex[i]!);
    const sortedValues = order.map((i) => values[i]!);
    simplex.splice(0, n + 1, ...sorted);
    values.splice(0, n + 1, ...sortedValues);
    const best = simplex[0]!;
    const spreadX = Math.max(...simplex.slice(1).map((p) => Math.max(...p.map((v, j) => Math.abs(v - best[j]!)))));
    if (Math.abs(values[n]! - values[0]!) <= ftol && spreadX <= xtol) {
      converged = true;
      break;
    }
    iterations++;
    const centroid = best.map((_, j) => simplex.slice(0, n).reduce((s, p) => s + p[j]!, 0) / n);
    const worst = simplex[n]!;
    const reflected = toward(centroid, worst, -1);
    const fr = value(reflected);
    if (fr < values[0]!) {
      const expanded = toward(centroid, worst, -2);
      const fe = value(expanded);
      [simplex[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
      continue;
    }
    if (fr < values[n - 1]!) {
      [simplex[n], values[n]] = [reflected, fr];
      continue;
    }
    // Contract outside when the reflection improved on the worst, inside otherwise.
    const outside = fr < values[n]!;
    const contracted = toward(centroid, worst, outside ? -0.5 : 0.5);
    const fc = value(contracted);
    if (fc < (outside ? fr : values[n]!)) {
      [simplex[n], values[n]] = [contracted, fc];
      continue;
    }
    for (let i = 1; i <= n; i++) {
      simplex[i] = toward(best, simplex[i]!, 0.5);
      values[i] = value(simplex[i]!);
    }
  }
  const bestIndex = values.indexOf(Math.min(...values));
  return { x: simplex[bestIndex]!, value: values[bestIndex]!, iterations, evaluations, converged };
}

/**
 * Minimizes from the start, then restarts from the result until a restart no longer improves it: a fresh
 * simplex undoes Nelder–Mead's known stalls on a collapsed simplex.
 */
export function minimizeWithRestarts(f: (x: number[]) => number, start: number[], options: NelderMeadOptions & { restarts?: number } = {}): MinimizeResult {
  let result = nelderMead(f, start, options);
  let evaluations = result.evaluations;
  for (let i = 0; i < (options.restarts ?? 4); i++) {
    const next = nelderMead(f, result.x, { ...options, step: (options.step ?? 0.5) / 2 });
    evaluations += next.evaluations;
    const improved = next.value < result.value - Math.max(options.ftol ?? 1e-10, 1e-12 * Math.abs(result.value));
    if (next.value <= result.value) result = next;
    if (!improved) break;
  }
  return { ...result, evaluations };
}

const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9: about 15 significant digits). */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < 9; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * The Gaussian hypergeometric function ₂F₁(a, b; c; z) = Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ for |z| < 1, by its series.
 * Summed until the terms have stopped growing and three in a row are below the relative tolerance; throws when
 * that does not happen within `maxTerms` (z too close to 1 for the parameters) or c is a pole (0, −1, −2…).
 */
export function hyp2f1(a: number, b: number, c: number, z: number, tolerance = 1e-14, maxTerms = 200_000): number {
  if (!(Math.abs(z) < 1)) throw new RangeError(`2F1 series needs |z| < 1, got ${z}`);
  if (c <= 0 && Number.isInteger(c)) throw new RangeError(`2F1 is undefined for c = ${c}`);
  let term = 1;
  let sum = 1;
  let small = 0;
  for (let n = 0; n < maxTerms; n++) {
    const ratio = ((a + n) * (b + n)) / ((c + n) * (n + 1));
    term *= ratio * z;
    sum += term;
    if (term === 0) return sum;
    // Only trust small terms once the ratio has settled below 1: before that they may still grow.
    if (Math.abs(ratio * z) < 1 && Math.abs(term) <= tolerance * Math.abs(sum)) {
      if (++small >= 3) return sum;
    } else small = 0;
  }
  throw new RangeError(`2F1(${a}, ${b}; ${c}; ${z}) did not converge in ${maxTerms} terms`);
}

// A small, dependency-free logistic regression and the measures to judge it: enough to fit a churn model
// on a labelled file (docs/analytics.md reports it on the IBM Telco data) and to check a score's ranking power.

/** A deterministic pseudo-random generator (mulberry32): the same seed gives the same split on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Row indices split into a training and a test part, shuffled by a seeded Fisher–Yates. */
export function trainTestSplit(n: number, testShare: number, seed: number): { train: number[]; test: number[] } {
  const order = Array.from({ length: n }, (_, i) => i);
  const random = seededRandom(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const cut = Math.round(n * (1 - testShare));
  return { train: order.slice(0, cut), test: order.slice(cut) };
}

export interface Standardizer {
  mean: number[];
  sd: number[];
  apply(row: number[]): number[];
}

/** Column means and standard deviations of the training rows; a constant column is left centred (sd 1). */
export function fitStandardizer(rows: number[][]): Standardizer {
  const width = rows[0]?.length ?? 0;
  const mean = new Array<number>(width).fill(0);
  const sd = new Array<number>(width).fill(0);
  for (const row of rows) for (let j = 0; j < width; j++) mean[j]! += row[j]! / rows.length;
  for (const row of rows) for (let j = 0; j < width; j++) sd[j]! += (row[j]! - mean[j]!) ** 2 / rows.length;
  for (let j = 0; j < width; j++) sd[j] = Math.sqrt(sd[j]!) || 1;
  return { mean, sd, apply: (row) => row.map((x, j) => (x - mean[j]!) / sd[j]!) };
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export interface LogisticModel {
  weights: number[];
  bias: number;
  predict(row: number[]): number;
}

export interface FitOptions {
  /** Step size of full-batch gradient descent. */
  learningRate?: number;
  iterations?: number;
  /** L2 penalty on the weights (not the bias): keeps one-hot columns from drifting apart. */
  l2?: number;
}

/**
 * Logistic regression by full-batch gradient descent on the mean log-loss. Rows should be standardized
 * (fitStandardizer), so that one step size suits every column.
 */
export function fitLogistic(rows: number[][], labels: number[], { learningRate = 0.5, iterations = 500, l2 = 1e-3 }: FitOptions = {}): LogisticModel {
  const width = rows[0]?.length ?? 0;
  const weights = new Array<number>(width).fill(0);
  let bias = 0;
  const n = rows.length;
  for (let it = 0; it < iterations; it++) {
    const gradient = new Array<number>(width).fill(0);
    let gradientBias = 0;
    for (let i = 0; i < n; i++) {
      const row = rows[i]!;
      let z = bias;
      for (let j = 0; j < width; j++) z += weights[j]! * row[j]!;
      const error = sigmoid(z) - labels[i]!;
      gradientBias += error;
      for (let j = 0; j < width; j++) gradient[j]! += error * row[j]!;
    }
    bias -= (learningRate * gradientBias) / n;
    for (let j = 0; j < width; j++) weights[j]! -= learningRate * (gradient[j]! / n + l2 * weights[j]!);
  }
  return {
    weights,
    bias,
    predict: (row) => sigmoid(row.reduce((z, x, j) => z + weights[j]! * x, bias)),
  };
}

/** Mean log-loss of predictions (clipped away from 0 and 1). */
export function logLoss(scores: number[], labels: number[]): number {
  const eps = 1e-12;
  return -scores.reduce((sum, p, i) => sum + (labels[i] ? Math.log(Math.max(p, eps)) : Math.log(Math.max(1 - p, eps))), 0) / scores.length;
}

/**
 * Area under the ROC curve: the chance that a random positive scores above a random negative, ties counting
 * half (Mann–Whitney U with mid-ranks). 0.5 is a coin; 1 a perfect ranking. NaN without both classes.
 */
export function auc(scores: number[], labels: number[]): number {
  const order = scores.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  const ranks = new Array<number>(scores.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1]!] === scores[order[i]!]) j++;
    const midRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]!] = midRank;
    i = j + 1;
  }
  let positives = 0;
  let rankSum = 0;
  labels.forEach((label, i) => {
    if (label) {
      positives++;
      rankSum += ranks[i]!;
    }
  });
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

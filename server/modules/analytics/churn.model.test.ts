import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetPath } from '../../../test/datasets.js';
import { auc, fitLogistic, fitStandardizer, logLoss, seededRandom, trainTestSplit } from './churn.model.js';

describe('the measures', () => {
  it('AUC counts ordered pairs, ties as half, and is NaN with one class', () => {
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
    expect(auc([1, 2, 3], [0, 1, 1])).toBe(1);
    expect(auc([3, 2, 1], [0, 1, 1])).toBe(0);
    expect(auc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5);
    expect(auc([0.2, 0.3], [1, 1])).toBeNaN();
  });

  it('the seeded split is the same on every run, disjoint and complete', () => {
    const a = trainTestSplit(100, 0.3, 42);
    expect(trainTestSplit(100, 0.3, 42)).toEqual(a);
    expect(a.test).toHaveLength(30);
    expect(new Set([...a.train, ...a.test]).size).toBe(100);
    expect(trainTestSplit(100, 0.3, 43).test).not.toEqual(a.test);
  });

  it('recovers the direction and size of known coefficients from simulated data', () => {
    const random = seededRandom(7);
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < 4000; i++) {
      const x = [random() * 2 - 1, random() * 2 - 1, random() * 2 - 1];
      const p = 1 / (1 + Math.exp(-(0.5 + 2 * x[0]! - 1 * x[1]!)));
      rows.push(x);
      labels.push(random() < p ? 1 : 0);
    }
    const model = fitLogistic(rows, labels, { iterations: 3000, learningRate: 1, l2: 0 });
    expect(model.weights[0]).toBeCloseTo(2, 0);
    expect(model.weights[1]).toBeCloseTo(-1, 0);
    expect(Math.abs(model.weights[2]!)).toBeLessThan(0.25);
    expect(model.bias).toBeCloseTo(0.5, 0);
  });
});

/**
 * IBM Telco customer churn (7,043 customers, Apache-2.0, test/fixtures/datasets/telco-churn): one-hot
 * categories, tenure, monthly and total charges (blank total charges — 11 customers of tenure 0 — as 0);
 * 30% held out by a seeded split; standardized on the training part only.
 */
function telco() {
  const [header, ...lines] = readFileSync(datasetPath('telco-churn', 'Telco-Customer-Churn.csv'), 'utf8').trim().split(/\r?\n/);
  const columns = header!.split(',');
  const records = lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [columns[i]!, v])));
  const numeric = ['SeniorCitizen', 'tenure', 'MonthlyCharges', 'TotalCharges'];
  const categorical = columns.filter((c) => !numeric.includes(c) && c !== 'customerID' && c !== 'Churn');
  // Every level but the first of each category becomes a 0/1 column (the first is the baseline).
  const levels = Object.fromEntries(categorical.map((c) => [c, [...new Set(records.map((r) => r[c]!))].sort().slice(1)]));
  const rows = records.map((r) => [...numeric.map((c) => Number(r[c]!.trim() || 0)), ...categorical.flatMap((c) => levels[c]!.map((level) => (r[c] === level ? 1 : 0)))]);
  return { rows, labels: records.map((r) => (r.Churn === 'Yes' ? 1 : 0)) };
}

describe('the churn model on the Telco file', () => {
  it('ranks held-out churners above stayers with an AUC of at least 0.83', () => {
    const { rows, labels } = telco();
    expect(rows).toHaveLength(7043);
    expect(labels.filter(Boolean)).toHaveLength(1869);
    const { train, test } = trainTestSplit(rows.length, 0.3, 20261124);
    const scale = fitStandardizer(train.map((i) => rows[i]!));
    const model = fitLogistic(
      train.map((i) => scale.apply(rows[i]!)),
      train.map((i) => labels[i]!),
    );
    const scores = test.map((i) => model.predict(scale.apply(rows[i]!)));
    const testLabels = test.map((i) => labels[i]!);
    const heldOut = auc(scores, testLabels);
    // Figures reported in docs/analytics.md.
    console.info(`telco churn: held-out AUC ${heldOut.toFixed(4)}, log-loss ${logLoss(scores, testLabels).toFixed(4)}, ${test.length} customers`);
    expect(heldOut).toBeGreaterThanOrEqual(0.83);
    // A score that knows nothing (a constant) is a coin toss: the bar above is real ranking power.
    expect(auc(test.map(() => 0.5), testLabels)).toBe(0.5);
  });
});

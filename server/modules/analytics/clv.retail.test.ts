import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { datasetPath } from '../../../test/datasets.js';
import { clvScorer, expectedPurchases, fitClv, rfmSummary, type ClvInput } from './clv.bgnbd.js';
import { customerValue, DEFAULT_LTV } from './value.model.js';

// A holdout validation of the lifetime-value model on the UCI Online Retail subset (docs/analytics.md reports
// these figures): fit on the purchases before the calibration date, predict each customer's purchase days in
// the following half-year, compare with what they did. Orders as the value job counts them: an invoice worth
// more than 0 (returns, `C…`, subtract from revenue but are no purchase). Days as written in the file (UK time).
// CLV_RETAIL_FILE=/path/to/online_retail.csv.gz runs the same validation on the full file and prints it.
const FILE = process.env.CLV_RETAIL_FILE ?? datasetPath('online-retail', 'online_retail_subset.csv.gz');
const CALIBRATION_END = '2011-06-09';
const HOLDOUT_END = '2011-12-10';
const DAY = 86_400_000;

interface Order {
  day: string;
  net: number;
}

function ordersByCustomer(): Map<string, Order[]> {
  const rows = parse(gunzipSync(readFileSync(FILE)), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const invoices = new Map<string, { customer: string; day: string; net: number; ret: boolean }>();
  for (const row of rows) {
    if (!row.CustomerID || row.InvoiceNo!.startsWith('A')) continue;
    const invoice = invoices.get(row.InvoiceNo!) ?? { customer: row.CustomerID.split('.')[0]!, day: row.InvoiceDate!.slice(0, 10), net: 0, ret: row.InvoiceNo!.startsWith('C') };
    invoice.net += Number(row.Quantity) * Math.round(Number(row.UnitPrice) * 100);
    invoices.set(row.InvoiceNo!, invoice);
  }
  const byCustomer = new Map<string, Order[]>();
  for (const { customer, day, net, ret } of invoices.values()) {
    const list = byCustomer.get(customer) ?? [];
    // A return lowers revenue but is not an order.
    list.push({ day, net: ret ? Math.min(0, net) : net });
    byCustomer.set(customer, list);
  }
  return byCustomer;
}

function validate() {
  const reference = new Date(`${CALIBRATION_END}T00:00:00Z`);
  const holdoutDays = (new Date(`${HOLDOUT_END}T00:00:00Z`).getTime() - reference.getTime()) / DAY;
  const customers: { input: ClvInput; orders: number; revenue: number; firstAt: Date; lastAt: Date; heldOut: number; heldOutRevenue: number }[] = [];
  for (const orders of ordersByCustomer().values()) {
    const before = orders.filter((o) => o.day < CALIBRATION_END);
    const bought = before.filter((o) => o.net > 0);
    if (bought.length === 0) continue;
    const days = [...new Set(bought.map((o) => o.day))].sort();
    const revenue = before.reduce((s, o) => s + o.net, 0);
    const firstAt = new Date(`${days[0]}T00:00:00Z`);
    const lastAt = new Date(`${days.at(-1)}T00:00:00Z`);
    const later = orders.filter((o) => o.day >= CALIBRATION_END && o.day < HOLDOUT_END && o.net > 0);
    customers.push({
      input: { ...rfmSummary(days.length, firstAt, lastAt, reference), orders: bought.length, meanSpend: revenue / bought.length },
      orders: bought.length,
      revenue,
      firstAt,
      lastAt,
      heldOut: new Set(later.map((o) => o.day)).size,
      heldOutRevenue: later.reduce((s, o) => s + o.net, 0),
    });
  }
  const model = fitClv(customers.map((c) => c.input))!;
  const score = clvScorer(model)!;
  const { bgnbd } = model;
  const predictions = customers.map((c) => {
    const x = c.input;
    const figures = score(x);
    // The simple formula's rate (purchase days a year, over at least 90 days) kept up through the holdout.
    const simple = (customerValue({ key: '', revenue: c.revenue, orders: x.x + 1, firstAt: c.firstAt, lastAt: c.lastAt }, reference, { ...DEFAULT_LTV, retention: 1 }).ordersPerYear * holdoutDays) / 365;
    return { expected: expectedPurchases(bgnbd.params, x, holdoutDays), simple, actual: c.heldOut, spend: figures.expectedSpend, heldOutRevenue: c.heldOutRevenue };
  });
  const sum = (f: (p: (typeof predictions)[number]) => number) => predictions.reduce((s, p) => s + f(p), 0);
  return {
    customers: customers.length,
    repeatCustomers: model.repeatCustomers,
    params: bgnbd.params,
    spendParams: model.gammaGamma.params,
    correlation: model.frequencySpendCorrelation,
    holdoutDays,
    actual: sum((p) => p.actual),
    predicted: sum((p) => p.expected),
    simplePredicted: sum((p) => p.simple),
    mae: sum((p) => Math.abs(p.expected - p.actual)) / predictions.length,
    simpleMae: sum((p) => Math.abs(p.simple - p.actual)) / predictions.length,
    actualRevenue: sum((p) => p.heldOutRevenue),
    predictedRevenue: sum((p) => p.expected * p.spend),
  };
}

describe('BG/NBD + Gamma-Gamma on the Online Retail subset: calibration to 2011-06-08, holdout to 2011-12-09', () => {
  const result = validate();
  if (process.env.CLV_RETAIL_FILE) console.log(JSON.stringify(result, null, 2));

  // 121 customers, 64 of them repeat; the holdout holds the autumn peak of this wholesaler, which a model without
  // seasons cannot foresee: 211 predicted for 262 (−19%), the simple formula 369 (+41%).
  it('fits (enough repeat customers) and predicts the holdout purchase days within 25% in total, the simple formula not', () => {
    expect(result.customers).toBe(121);
    expect(result.repeatCustomers).toBe(64);
    expect(result.actual).toBe(262);
    expect(Math.abs(result.predicted / result.actual - 1)).toBeLessThan(0.25);
    expect(Math.abs(result.simplePredicted / result.actual - 1)).toBeGreaterThan(0.25);
  });

  it('per customer, its absolute error is below the simple formula’s', () => {
    expect(result.mae).toBeLessThan(result.simpleMae);
  });
});

import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { datasetPath } from '../../../test/datasets.js';

// The "CRM + Sales + Opportunities" files (MavenTech, 8,800 deals) loaded through the product's own imports —
// members and teams, accounts, products, deals — and the pipeline, win/loss and forecast read back against
// figures computed here straight from the CSV.

let t: TestApp;
let admin: SignedIn;
const file = (name: string) => fs.readFileSync(datasetPath(`crm-sales-opportunities/${name}`));
type Row = Record<string, string>;
const csv = (name: string) => parse(file(name), { columns: true, skip_empty_lines: true }) as Row[];
const deals = csv('sales_pipeline.csv');
const teams = csv('sales_teams.csv');

beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app, 'MavenTech');
}, 120_000);
afterAll(() => t.close());

const call = (method: string, url: string, payload?: object) =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: admin.cookie, 'accept-language': 'en' }, ...(payload ? { payload } : {}) });

async function finishedJob(jobId: string) {
  await t.app.jobs.run(admin.workspaceId, jobId);
  const job = (await call('GET', `/jobs/${jobId}`)).json();
  expect(job.state, JSON.stringify(job).slice(0, 500)).toBe('succeeded');
  return job;
}

const cents = (value: string) => Math.round(Number(value) * 100);

describe('the CRM + Sales + Opportunities dataset', () => {
  it('loads members and teams, accounts, products and 8,800 deals through the imports', async () => {
    await call('PATCH', '/workspace', { defaultCurrency: 'USD' });
    const domain = `maventech-${process.pid}-${Date.now().toString(36)}.example`;
    const members = await call('POST', '/members/import', { content: file('sales_teams.csv').toString('base64'), emailDomain: domain });
    expect(members.statusCode, members.body).toBe(200);
    const managers = new Set(teams.map((r) => r.manager));
    expect(members.json()).toMatchObject({ created: teams.length + managers.size, teamsCreated: managers.size, problems: [] });

    const upload = (await call('POST', '/imports', { objectType: 'accounts', fileName: 'accounts.csv', content: file('accounts.csv').toString('base64') })).json();
    const started = await call('POST', `/imports/${upload.id}/start`);
    await finishedJob(started.json().jobId);
    const products = await call('POST', '/products/import', { fileName: 'products.csv', content: file('products.csv').toString('base64'), currency: 'USD' });
    expect(products.statusCode, products.body).toBe(200);

    const imported = await call('POST', '/opportunities/import', { content: file('sales_pipeline.csv').toString('base64') });
    expect(imported.statusCode, imported.body).toBe(202);
    expect(imported.json().rows).toBe(deals.length);
    const job = await finishedJob(imported.json().jobId);
    expect(job.result).toMatchObject({ created: deals.length, skipped: 0, problemCount: 0 });

    // Importing the same file again adds nothing.
    const again = await finishedJob((await call('POST', '/opportunities/import', { content: file('sales_pipeline.csv').toString('base64') })).json().jobId);
    expect(again.result).toMatchObject({ created: 0, skipped: deals.length });
  }, 600_000);

  it('shows the pipeline board with the file’s stage counts', async () => {
    const [pipeline] = (await call('GET', '/pipelines')).json().data;
    // The file's deals closed in 2016–2017: ask the won and lost columns for ten years instead of the last 90 days.
    const board = (await call('GET', `/pipelines/${pipeline.id}/board?limit=1&closedWithinDays=3660`)).json();
    const count = (key: string) => board.columns.find((c: { stage: { key: string } }) => c.stage.key === key).count;
    const inFile = (stage: string) => deals.filter((d) => d.deal_stage === stage).length;
    expect([count('qualification'), count('needs_analysis'), count('won'), count('lost')]).toEqual([inFile('Prospecting'), inFile('Engaging'), inFile('Won'), inFile('Lost')]);
  });

  it('gives win rates and won amounts per agent and per regional office as the file has them', async () => {
    const closed = deals.filter((d) => d.deal_stage === 'Won' || d.deal_stage === 'Lost');
    const from = closed.map((d) => d.close_date).sort()[0]!;
    const to = closed.map((d) => d.close_date).sort().at(-1)!;
    const res = (await call('GET', `/sales/win-loss?from=${from}&to=${to}&by=region`)).json();
    expect(res.total.won).toBe(closed.filter((d) => d.deal_stage === 'Won').length);
    expect(res.total.wonAmount).toBe(closed.filter((d) => d.deal_stage === 'Won').reduce((n, d) => n + cents(d.close_value!), 0));
    const officeOf = new Map(teams.map((r) => [r.sales_agent, r.regional_office]));
    for (const office of new Set(teams.map((r) => r.regional_office))) {
      const mine = closed.filter((d) => officeOf.get(d.sales_agent!) === office);
      const row = res.rows.find((r: { key: string }) => r.key === office);
      expect(row, office).toMatchObject({ won: mine.filter((d) => d.deal_stage === 'Won').length, lost: mine.filter((d) => d.deal_stage === 'Lost').length });
    }

    const byOwner = (await call('GET', `/sales/win-loss?from=${from}&to=${to}&by=owner`)).json().rows;
    const names = new Map(((await call('GET', '/members?limit=200')).json().data as { userId: string; name: string }[]).map((m) => [m.userId, m.name]));
    const darcel = byOwner.find((r: { key: string }) => names.get(r.key) === 'Darcel Schlecht');
    const his = closed.filter((d) => d.sales_agent === 'Darcel Schlecht');
    expect(darcel.winRate).toBeCloseTo(his.filter((d) => d.deal_stage === 'Won').length / his.length, 10);
    expect(darcel.wonAmount).toBe(his.filter((d) => d.deal_stage === 'Won').reduce((n, d) => n + cents(d.close_value!), 0));

    const byProduct = (await call('GET', `/sales/win-loss?from=${from}&to=${to}&by=product`)).json().rows;
    expect(byProduct.reduce((n: number, r: { won: number }) => n + r.won, 0)).toBe(res.total.won);
  });

  it('puts the won amounts in the forecast’s closed column month by month', async () => {
    const won = deals.filter((d) => d.deal_stage === 'Won');
    const months = [...new Set(won.map((d) => d.close_date!.slice(0, 7)))].sort();
    const forecast = (await call('GET', `/sales/forecast?from=${months[0]}&to=${months.at(-1)}`)).json();
    expect(forecast.currency).toBe('USD');
    for (const month of months) {
      const expected = won.filter((d) => d.close_date!.startsWith(month)).reduce((n, d) => n + cents(d.close_value!), 0);
      expect(forecast.rows.find((r: { period: string }) => r.period === month)?.closed, month).toBe(expected);
    }
  });
});

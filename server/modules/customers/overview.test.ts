import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { contributeToOverview } from '../../platform/records/overview.js';

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app);
});
afterAll(() => t.close());

const call = (method: string, url: string, payload?: object) =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: admin.cookie }, ...(payload ? { payload } : {}) });

describe('360-degree views', () => {
  it('shows an account with its contacts, subsidiaries and key figures', async () => {
    const group = (await call('POST', '/accounts', { name: '美的集团' })).json();
    await call('POST', '/accounts', { name: '美的空调', parentId: group.id, industry: '家电' });
    const anna = (await call('POST', '/contacts', { name: '陈静', title: '市场总监' })).json();
    await call('PUT', `/accounts/${group.id}/contacts/${anna.id}`, { role: 'decision_maker' });
    const view = (await call('GET', `/accounts/${group.id}/overview`)).json();
    expect(view.account.name).toBe('美的集团');
    expect(view.figures.find((f: { key: string }) => f.key === 'contacts').value).toBe(1);
    expect(view.figures.find((f: { key: string }) => f.key === 'subsidiaries').value).toBe(1);
    expect(view.panels.find((p: { key: string }) => p.key === 'contacts').items[0]).toMatchObject({ id: anna.id, title: '陈静', subtitle: 'decision_maker · 市场总监' });
    const contactView = (await call('GET', `/contacts/${anna.id}/overview`)).json();
    expect(contactView.panels[0].items[0]).toMatchObject({ id: group.id, title: '美的集团' });
    expect(Date.parse(contactView.figures.find((f: { key: string }) => f.key === 'lastChange').value)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('takes panels and figures from other modules without changes here', async () => {
    contributeToOverview('contact', async (_tx, _ctx, id) => ({
      figures: [{ key: 'lifetimeRevenue', value: 123_400, format: 'money', currency: 'CNY' }],
      panels: [{ key: 'orders', recordType: 'order', total: 1, items: [{ id: `order-of-${id}`, title: 'SO-0001', subtitle: null }] }],
    }));
    const c = (await call('POST', '/contacts', { name: '插件测试' })).json();
    const view = (await call('GET', `/contacts/${c.id}/overview`)).json();
    expect(view.figures.map((f: { key: string }) => f.key)).toContain('lifetimeRevenue');
    // This module's panel first, then every other module's in registration order, the test's own last.
    const panels = view.panels.map((p: { key: string }) => p.key);
    expect(panels[0]).toBe('accounts');
    expect(panels.at(-1)).toBe('orders');
  });
});

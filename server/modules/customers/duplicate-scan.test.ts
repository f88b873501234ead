import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../db/testing.js';
import { groupPairs } from './duplicate-scan.js';

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signUpWorkspace(t.app);
});
afterAll(() => t.close());

const call = (method: string, url: string, payload?: object, who: SignedIn = admin) =>
  t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie }, ...(payload ? { payload } : {}) });

async function scan() {
  const started = await call('POST', '/contacts/duplicate-scan');
  expect(started.statusCode).toBe(202);
  await t.app.jobs.run(admin.workspaceId, started.json().jobId);
  const job = (await call('GET', `/jobs/${started.json().jobId}`)).json();
  expect(job).toMatchObject({ state: 'succeeded' });
  return { job, groups: (await call('GET', '/contacts/duplicate-groups')).json().data as { id: string; score: number; reasons: string[]; contacts: { name: string }[] }[] };
}

describe('duplicate scan', () => {
  it('groups pairs that share a record', () => {
    const groups = groupPairs([
      { a: '1', b: '2', score: 0.9, reasons: ['phone'] },
      { a: '2', b: '3', score: 0.95, reasons: ['email'] },
      { a: '7', b: '8', score: 0.85, reasons: ['name_company'] },
    ]);
    expect(groups).toEqual([
      { ids: ['1', '2', '3'], score: 0.95, reasons: ['email', 'phone'] },
      { ids: ['7', '8'], score: 0.85, reasons: ['name_company'] },
    ]);
  });

  it('finds groups across the workspace with progress, and keeps dismissed ones dismissed', async () => {
    const items = [
      { name: '王伟', email: 'ww@huawei.test' },
      { name: 'Wang Wei', email: 'WW@huawei.test' },
      { name: '王伟', phone: '13800138000', company: '华为' },
      { name: '黃國華', company: '鴻海精密' },
      { name: '黄国华', company: '鸿海精密' },
      { name: 'Unrelated Person' },
      { name: '张三', company: 'A公司' },
      { name: '张三', company: 'B公司' },
    ];
    await call('POST', '/contacts/bulk', { items });
    const { job, groups } = await scan();
    expect(job.result).toMatchObject({ scanned: 8, groups: 2 });
    expect(job.progress).toBe(8);
    expect(groups.map((g) => g.contacts.map((c) => c.name).sort())).toEqual([['Wang Wei', '王伟'], ['黃國華', '黄国华']]);
    expect(groups[0]!.reasons).toContain('email');

    expect((await call('POST', `/contacts/duplicate-groups/${groups[1]!.id}/dismiss`)).statusCode).toBe(204);
    const again = await scan();
    expect(again.groups.map((g) => g.contacts.length)).toEqual([2]);
  });

  it('finds a typo in a name at the same company, and leaves out an address shared by hundreds', async () => {
    const shared = Array.from({ length: 501 }, (_, i) => ({ name: `前台 ${i}`, email: 'info@shared.test' }));
    await call('POST', '/contacts/bulk', { items: [...shared, { name: 'Jonathan Smith', company: 'Acme Ltd' }, { name: 'Jonathon Smith', company: 'ACME Ltd.' }] });
    const { job, groups } = await scan();
    expect(job.result.scanned).toBe(8 + 503);
    expect(groups.map((g) => g.contacts.map((c) => c.name).sort())).toContainEqual(['Jonathan Smith', 'Jonathon Smith']);
    expect(groups.find((g) => g.contacts.some((c) => c.name.startsWith('前台')))).toBeUndefined();
  });

  it('is for admins and managers', async () => {
    const rep = await addMember(t.app, admin, 'sales');
    expect((await call('POST', '/contacts/duplicate-scan', undefined, rep)).statusCode).toBe(403);
    expect((await call('GET', '/contacts/duplicate-groups', undefined, rep)).statusCode).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../server/db/testing.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('API reference', () => {
  it('serves an OpenAPI 3.1 document where every operation declares its responses', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const ops = Object.entries(doc.paths as Record<string, Record<string, { responses?: object; summary?: string; tags?: string[] }>>).flatMap(([path, o]) =>
      Object.entries(o).map(([method, op]) => ({ path, method, op })),
    );
    expect(ops.length).toBeGreaterThan(20);
    for (const { path, method, op } of ops) {
      expect(path.startsWith('/api/v1/'), path).toBe(true);
      expect(op.summary, `${method} ${path} summary`).toBeTruthy();
      expect(op.tags?.length, `${method} ${path} tags`).toBeGreaterThan(0);
      expect(Object.keys(op.responses ?? {}).some((s) => s.startsWith('2')), `${method} ${path} success response`).toBe(true);
    }
  });

  it('serves the interactive reference', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });

  it('answers health and readiness checks', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).json().status).toBe('ready');
  });

  it('answers unknown API routes with a 404 problem, not the web app', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('ROUTE_NOT_FOUND');
  });
});

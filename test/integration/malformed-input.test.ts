import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUpWorkspace, type SignedIn, type TestApp } from '../../server/db/testing.js';
import { minimalExample, type JsonSchema } from './openapi-examples.js';

/**
 * Bad input never gets a 500: every route with a JSON body (enumerated from the OpenAPI document) is sent
 * malformed JSON, wrong top-level types, unknown fields, a wrong type in each field and an oversized body;
 * every route with an id gets a malformed id. Each must answer 4xx problem+json naming what is wrong.
 */
let t: TestApp;
let admin: SignedIn;
type Operation = { requestBody?: { content: Record<string, { schema: JsonSchema }> } };
let routes: { method: string; path: string; schema?: JsonSchema }[] = [];
const BODY_LIMIT = 64 * 1024;

beforeAll(async () => {
  t = await createTestApp({ BODY_LIMIT: String(BODY_LIMIT), IMPORT_BODY_LIMIT: String(BODY_LIMIT), LOGIN_RATE_LIMIT: '1000' });
  admin = await signUpWorkspace(t.app);
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, Operation>> };
  routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, schema: op.requestBody?.content['application/json']?.schema })),
  );
});
afterAll(() => t.close());

const urlOf = (path: string) => path.replace(/\{(\w+)\}/g, '01934b7e-0000-7000-8000-000000000000');

async function send(method: string, url: string, body: string) {
  return t.app.inject({ method: method as 'POST', url, headers: { cookie: admin.cookie, 'content-type': 'application/json', 'accept-language': 'en' }, body });
}

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number, code: string, where: string) {
  expect(res.statusCode, `${where}: ${res.body.slice(0, 200)}`).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  expect(JSON.parse(res.body).code, where).toBe(code);
}

/** A value of the wrong JSON type for a property schema. */
function wrongTypeFor(schema: JsonSchema): unknown {
  const type = Array.isArray(schema.type) ? schema.type[0] : (schema.type ?? schema.anyOf?.[0]?.type);
  return type === 'string' ? 12345 : type === 'array' ? 'not-an-array' : type === 'object' ? [] : 'not-a-number';
}

describe('malformed input on every route', () => {
  it('finds the routes with bodies', () => {
    expect(routes.filter((r) => r.schema).length).toBeGreaterThanOrEqual(12);
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    for (const r of routes.filter((x) => x.schema)) expectProblem(await send(r.method, urlOf(r.path), '{"name": "王伟",'), 400, 'MALFORMED_JSON', `${r.method} ${r.path}`);
  });

  it('answers a body of the wrong type (array, string, null) with 400', async () => {
    for (const r of routes.filter((x) => x.schema)) {
      for (const body of ['[]', '"text"', 'null', '42']) {
        const res = await send(r.method, urlOf(r.path), body);
        expect(res.statusCode, `${r.method} ${r.path} ${body}: ${res.body}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, `${r.method} ${r.path} ${body}`).toBeLessThan(500);
      }
    }
  });

  it('rejects unknown fields, naming them, instead of dropping them', async () => {
    for (const r of routes.filter((x) => x.schema)) {
      const body = { ...(minimalExample(r.schema) as object), nonsenseField: 1 };
      const res = await send(r.method, urlOf(r.path), JSON.stringify(body));
      expectProblem(res, 400, 'VALIDATION_FAILED', `${r.method} ${r.path}`);
      expect(res.json().errors).toContainEqual(expect.objectContaining({ field: 'nonsenseField', code: 'unknown' }));
    }
  });

  it('names each field sent with a wrong type', async () => {
    for (const r of routes.filter((x) => x.schema?.properties)) {
      for (const [field, schema] of Object.entries(r.schema!.properties!)) {
        const body = { ...(minimalExample(r.schema) as object), [field]: wrongTypeFor(schema) };
        const res = await send(r.method, urlOf(r.path), JSON.stringify(body));
        expectProblem(res, 400, 'VALIDATION_FAILED', `${r.method} ${r.path} .${field}`);
        expect(res.json().errors.map((e: { field: string }) => e.field), `${r.path} .${field}`).toContain(field);
      }
    }
  });

  it('answers oversized bodies with 413 BODY_TOO_LARGE', async () => {
    for (const r of routes.filter((x) => x.schema)) {
      const res = await send(r.method, urlOf(r.path), JSON.stringify({ name: 'x'.repeat(BODY_LIMIT + 10) }));
      expectProblem(res, 413, 'BODY_TOO_LARGE', `${r.method} ${r.path}`);
    }
  });

  it('answers malformed ids with 400 naming the parameter', async () => {
    for (const r of routes.filter((x) => x.path.includes('{id}'))) {
      const url = r.path.replace('{id}', "1' or '1'='1");
      const res = await t.app.inject({ method: r.method as 'GET', url, headers: { cookie: admin.cookie }, ...(r.schema ? { payload: minimalExample(r.schema) as object } : {}) });
      expectProblem(res, 400, 'VALIDATION_FAILED', `${r.method} ${url}`);
      expect(res.json().errors[0].field).toBe('id');
    }
  });

  it('answers non-JSON content types with 415', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { cookie: admin.cookie, 'content-type': 'text/plain' }, body: 'name=x' });
    expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'text/plain');
  });

  it('translates messages by Accept-Language, with the field named', async () => {
    for (const [lang, text] of [['zh-CN', '姓名为必填项'], ['zh-TW', '姓名為必填欄位'], ['en', 'Name is required']]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { cookie: admin.cookie, 'accept-language': `${lang},en;q=0.5` }, payload: {} });
      expect(res.headers['content-language']).toBe(lang === 'zh-CN' ? 'zh-CN' : lang);
      expect(res.json().errors[0]).toMatchObject({ field: 'name', code: 'required' });
      expect(res.json().errors[0].message).toContain(text);
    }
  });
});

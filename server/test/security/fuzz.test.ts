import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Api, type TestServer } from '../harness';
import { allRoutes, concretePaths, paramRefs, pathParams } from './routes';
import { bodyFor, buildWorld, type World } from './world';

/**
 * Bad input never makes a 500: generated over the route table. Every route is called with wrong
 * path parameters, wrong query values and wrong bodies (empty, wrong types, huge, negative,
 * unicode, each field of a valid body replaced in turn).
 */
let t: TestServer;
let W: World;
beforeAll(async () => {
  t = await startTestServer();
  W = await buildWorld(t);
}, 120_000);
afterAll(async () => t.close());

const BAD_IDS = ['abc', '0', '-1', '99999999999999999999', '999999999999999999', '1.5', '%E4%B8%AD%E6%96%87', '%20', '1e3'];
const BAD_VALUES: unknown[] = ['', '中文🙂', -1, 0, 99999999999999999999, 1.5, '99999999999999999999', true, null, [], {}, 'x'.repeat(5000), '2026-13-45', '1e400'];
const session = allRoutes.filter((r) => r.spec.auth !== 'none' && r.spec.method !== ('options' as string));
const send = (api: Api, method: string, path: string, body?: unknown) => api.request(method, path, method === 'GET' ? undefined : body);

function shapeKeys(schema: unknown): string[] {
  let s = schema as { shape?: Record<string, unknown>; def?: { in?: unknown; innerType?: unknown; type?: string } } | undefined;
  for (let i = 0; s && !s.shape && i < 5; i++) s = (s.def?.in ?? s.def?.innerType) as typeof s;
  return s?.shape ? Object.keys(s.shape) : [];
}

describe('security: bad input is a 4xx, never a 500', () => {
  // A walk over every route, thousands of requests one after another: its time is not what it tests.
  it('every route with path parameters, with malformed, zero, negative and huge ids', { timeout: 240_000 }, async () => {
    const bad: string[] = [];
    for (const r of session.filter((x) => pathParams(x.spec.path).length > 0)) {
      const method = r.spec.method.toUpperCase();
      for (const v of BAD_IDS) {
        const path = r.spec.path.replace(/:[A-Za-z]+/g, v);
        const res = await send(W.corp.users.admin!.api, method, path, bodyFor(W, r.key, W.corp.users.admin!) ?? {});
        if (res.status >= 500) bad.push(`${method} ${path} → ${res.status} ${res.text.slice(0, 200)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  // A walk over every route, thousands of requests one after another: its time is not what it tests.
  it('every route with a query schema, with each field set to wrong values', { timeout: 240_000 }, async () => {
    const bad: string[] = [];
    for (const r of session.filter((x) => x.spec.query)) {
      const refs = paramRefs(r) ?? [];
      const [base] = pathParams(r.spec.path).length ? concretePaths(r.spec.path, refs, W.ids) : [r.spec.path];
      if (!base) continue;
      const method = r.spec.method.toUpperCase();
      for (const key of shapeKeys(r.spec.query)) {
        for (const v of BAD_VALUES) {
          if (typeof v === 'object' && v !== null) continue;
          const qs = `${key}=${encodeURIComponent(String(v))}`;
          const path = `${base}?${qs}`;
          const res = await send(W.corp.users.admin!.api, method, path, method === 'GET' ? undefined : {});
          if (res.status >= 500) bad.push(`${method} ${path.slice(0, 120)} → ${res.status} ${res.text.slice(0, 200)}`);
        }
        const twice = await send(W.corp.users.rep1!.api, method, `${base}?${key}=1&${key}=2`, method === 'GET' ? undefined : {});
        if (twice.status >= 500) bad.push(`${method} ${base}?${key}=1&${key}=2 → ${twice.status} ${twice.text.slice(0, 200)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  // A walk over every route, thousands of requests one after another: its time is not what it tests.
  it('every write route, with empty, wrong-typed and field-by-field corrupted bodies', { timeout: 300_000 }, async () => {
    const bad: string[] = [];
    const writes = session.filter((x) => x.spec.method !== 'get' && x.spec.bodyType !== 'raw');
    for (const r of writes) {
      const refs = paramRefs(r);
      if (pathParams(r.spec.path).length && !refs) continue;
      const method = r.spec.method.toUpperCase();
      const [path] = refs ? concretePaths(r.spec.path, refs, W.ids) : [r.spec.path];
      const valid = (bodyFor(W, r.key, W.corp.users.rep1!) ?? {}) as Record<string, unknown>;
      const keys = [...new Set([...shapeKeys(r.spec.body), ...Object.keys(valid)])];
      const bodies: unknown[] = [{}, [], 'null', '"x"', '123', '{"a":', { ...valid, extra: 1 }];
      for (const k of keys) for (const v of BAD_VALUES) bodies.push({ ...valid, [k]: v });
      for (const b of bodies) {
        for (const who of ['admin', 'rep1'] as const) {
          const res = await send(W.corp.users[who]!.api, method, path!, b);
          if (res.status >= 500) bad.push(`${who}: ${method} ${path} ${JSON.stringify(b).slice(0, 120)} → ${res.status} ${res.text.slice(0, 200)}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});

import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leads } from '../../src/db/schema/index';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';

let t: TestServer;
let corp: TestCorp;
const u = (k: string) => corp.users[k]!.api;
let ipSeq = 0;
const ip = () => `198.18.0.${++ipSeq}`;

beforeAll(async () => {
  t = await startTestServer({ TRUST_PROXY: 'on' });
  corp = await makeCorp(t);
  await u('admin').post('/api/pools', { entityType: 'lead', name: '线索池', isDefault: true });
});
afterAll(async () => t.close());

async function campaign(extra: Record<string, unknown> = {}) {
  const res = await u('manager').post('/api/campaigns', { name: '官网落地页', type: 'online_promotion', status: 'active', ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; webFormPath: string; allowedOrigins: string[] | null };
}
const preflight = (path: string, origin: string) =>
  fetch(t.url + path, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
const formPost = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(t.url + path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip(), ...headers }, body: new URLSearchParams(fields).toString() });

describe('web form from other websites (CORS on the public form route only)', () => {
  it('answers the preflight of a listed origin; an unlisted origin gets no CORS header', async () => {
    const c = await campaign({ allowedOrigins: ['https://www.Example.com', 'http://localhost:8080'] });
    expect(c.allowedOrigins).toEqual(['https://www.example.com', 'http://localhost:8080']);
    const ok = await preflight(c.webFormPath, 'https://www.example.com');
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://www.example.com');
    expect(ok.headers.get('access-control-allow-methods')).toContain('POST');
    expect(ok.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
    expect(ok.headers.get('vary')).toContain('Origin');
    const no = await preflight(c.webFormPath, 'https://evil.example.net');
    expect(no.headers.get('access-control-allow-origin')).toBeNull();
    // A browser post from an unlisted origin is refused and carries no CORS header.
    const post = await t.api.post(c.webFormPath, { name: '外站访客', mobile: '13622220001' }, { origin: 'https://evil.example.net', 'x-forwarded-for': ip() });
    expect(post.status).toBe(403);
    expect(post.body.error.code).toBe('origin_not_allowed');
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
    expect(await t.db.select().from(leads).where(and(eq(leads.corpId, corp.id), eq(leads.mobile, '13622220001')))).toHaveLength(0);
    // A JSON post from a listed origin is answered with its CORS header, errors included.
    const bad = await t.api.post(c.webFormPath, { name: '', mobile: '1' }, { origin: 'http://localhost:8080', 'x-forwarded-for': ip() });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('access-control-allow-origin')).toBe('http://localhost:8080');
  });

  it('a campaign without allowedOrigins answers any origin with *', async () => {
    const c = await campaign();
    expect(c.allowedOrigins).toBeNull();
    const res = await preflight(c.webFormPath, 'https://landing.example.org');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const post = await t.api.post(c.webFormPath, { name: '任意来源', mobile: '13622220002' }, { origin: 'https://landing.example.org', 'x-forwarded-for': ip() });
    expect(post.status).toBe(201);
    expect(post.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('a plain HTML form post (url-encoded) creates the lead, with the same validation', async () => {
    const c = await campaign({ allowedOrigins: ['https://www.example.com'] });
    const res = await formPost(c.webFormPath, { name: '表单访客', mobile: '13622220003', company: '表单贸易', wechatId: '', need: '要演示' }, { origin: 'https://www.example.com' });
    expect(res.status).toBe(201);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://www.example.com');
    expect(await res.json()).toMatchObject({ ok: true });
    const [lead] = await t.db.select().from(leads).where(and(eq(leads.corpId, corp.id), eq(leads.mobile, '13622220003')));
    expect(lead).toMatchObject({ name: '表单访客', company: '表单贸易', wechatId: null, need: '要演示', campaignId: Number(c.id), ownerId: null });
    const bad = await formPost(c.webFormPath, { name: '表单访客', mobile: '123', ownerId: '1' });
    expect(bad.status).toBe(400);
    const err = (await bad.json()) as any;
    expect(err.error.details.map((d: any) => d.path)).toEqual(expect.arrayContaining(['body.mobile']));
    const other = await fetch(t.url + c.webFormPath, { method: 'POST', headers: { 'content-type': 'text/csv', 'x-forwarded-for': ip() }, body: 'a,b' });
    expect(other.status).toBe(415);
  });

  it('no other /api route answers cross-origin', async () => {
    const res = await fetch(`${t.url}/api/leads`, { method: 'OPTIONS', headers: { origin: 'https://www.example.com', 'access-control-request-method': 'GET' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const get = await t.api.get('/api/me', { origin: 'https://www.example.com', authorization: `Bearer ${corp.users.rep1!.token}` });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allowedOrigins are validated and documented; openapi.json describes the form body and the preflight', async () => {
    const bad = await u('manager').post('/api/campaigns', { name: '坏来源', type: 'other', allowedOrigins: ['https://a.example.com/landing'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toMatch(/^body\.allowedOrigins/);
    const c = await campaign({ allowedOrigins: ['https://a.example.com'] });
    const cleared = await u('manager').patch(`/api/campaigns/${c.id}`, { allowedOrigins: [] });
    expect(cleared.body.allowedOrigins).toBeNull();
    const doc = (await t.api.get('/api/openapi.json')).body;
    const path = doc.paths['/api/public/campaigns/{key}/leads'];
    expect(Object.keys(path.post.requestBody.content['application/json'].schema.properties)).toEqual(expect.arrayContaining(['name', 'mobile']));
    expect(path.options.summary).toContain('CORS');
  });
});

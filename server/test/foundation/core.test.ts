import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';

let t: TestServer;
let corp: TestCorp;
beforeAll(async () => {
  t = await startTestServer();
  corp = await makeCorp(t);
});
afterAll(async () => t.close());

describe('health', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await t.api.get('/healthz')).body).toEqual({ ok: true });
    const ready = await t.api.get('/readyz');
    expect(ready.status).toBe(200);
  });
});

describe('sessions', () => {
  it('refuses /api/me without a session, in the error shape', async () => {
    const res = await t.api.get('/api/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
    expect(typeof res.body.error.message).toBe('string');
  });

  it('shows the caller with decimal-string ids and departments', async () => {
    const res = await corp.users.rep1!.api.get('/api/me');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ wecomUserId: 'rep1', role: 'rep', departmentIds: [String(corp.departments['销售一部'])] });
    expect(res.body.id).toMatch(/^\d+$/);
  });

  it('revokes the session on logout', async () => {
    const user = corp.users.rep2!;
    expect((await user.api.post('/api/auth/logout')).status).toBe(200);
    expect((await user.api.get('/api/me')).status).toBe(401);
  });

  it('dev-login signs in a seeded user of the configured corp and sets an HttpOnly cookie', async () => {
    const s = await startTestServer({ WECOM_CORP_ID: corp.wecomCorpId });
    try {
      const res = await s.api.post('/api/auth/dev-login', { wecomUserId: 'rep1' });
      expect(res.status).toBe(200);
      expect(res.body.token).toBeTruthy();
      const cookie = res.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/scrm_session=/);
      expect(cookie.toLowerCase()).toContain('httponly');
      expect(cookie.toLowerCase()).toContain('samesite=lax');
      const me = await s.api.get('/api/me', { cookie: cookie.split(';')[0]! });
      expect(me.body.wecomUserId).toBe('rep1');
      expect((await s.api.post('/api/auth/dev-login', { wecomUserId: 'nobody' })).status).toBe(404);
    } finally {
      await s.close();
    }
  });

  it('has no dev-login in production mode', async () => {
    const s = await startTestServer({
      APP_MODE: 'production',
      SESSION_SECRET: 'a-production-secret-of-length',
      WECOM_CORP_ID: corp.wecomCorpId,
      WECOM_AGENT_ID: '1000002',
      WECOM_SECRET: 'secret',
    });
    try {
      const res = await s.api.post('/api/auth/dev-login', { wecomUserId: 'rep1' });
      expect(res.status).toBe(404);
      expect((await s.api.get('/api/auth/dev-users')).status).toBe(404);
    } finally {
      await s.close();
    }
  });
});

describe('bad input never gets a 500', () => {
  it('broken JSON → 400 invalid_json', async () => {
    const res = await t.api.post('/api/auth/dev-login', '{"wecomUserId":');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_json');
  });

  it('wrong types → 400 listing the field', async () => {
    const res = await t.api.post('/api/auth/dev-login', { wecomUserId: 42 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details).toEqual([{ path: 'body.wecomUserId', message: expect.any(String) }]);
  });

  it('too-long strings → 400', async () => {
    const res = await t.api.post('/api/auth/dev-login', { wecomUserId: 'x'.repeat(65) });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('body.wecomUserId');
  });

  it('oversize body → 413', async () => {
    const res = await t.api.post('/api/auth/dev-login', { wecomUserId: 'x'.repeat(1024 * 1024 + 10) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('non-JSON content type → 415', async () => {
    const res = await t.api.request('POST', '/api/auth/dev-login', 'wecomUserId=rep1', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(415);
  });

  it('unknown routes → 404 in the same shape', async () => {
    const res = await t.api.get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('never leaks a stack trace', async () => {
    const res = await t.api.post('/api/auth/dev-login', '[[[[');
    expect(res.text).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
  });
});

describe('openapi', () => {
  it('describes every /api route', async () => {
    const res = await t.api.get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/me', '/api/auth/dev-login', '/api/auth/logout']));
    expect(res.body.paths['/api/auth/dev-login'].post.requestBody).toBeTruthy();
  });
});

describe('front end', () => {
  it('serves a page telling how to build the H5 when it is not built', async () => {
    const res = await t.api.get('/pages/workbench/workbench');
    expect(res.status).toBe(200);
    expect(res.text).toContain('npm run build:h5');
  });
});

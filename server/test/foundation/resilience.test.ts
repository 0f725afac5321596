import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { openDatabase } from '../../src/db/client';
import { createLogger } from '../../src/logger';
import { Api, makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';

describe('database unavailable', () => {
  it('answers /readyz 503 and API calls 503 database_unavailable, while /healthz stays up', async () => {
    // A server whose database is a closed port: what users see while MySQL is down.
    const url = 'mysql://root@127.0.0.1:1/scrm_nowhere';
    const config = loadConfig({ APP_MODE: 'test', DATABASE_URL: url, LOG_LEVEL: 'silent', WORKERS: 'off', H5_DIST_DIR: '/nonexistent' });
    const handle = openDatabase(url, { connectTimeout: 1000 });
    const server = createServer(
      createApp({ config, db: handle.db, pool: handle.pool, logger: createLogger('silent'), now: () => new Date() }).callback(),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const api = new Api(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 'some-token');
    try {
      expect((await api.get('/healthz')).status).toBe(200);
      expect((await api.get('/readyz')).status).toBe(503);
      const me = await api.get('/api/me');
      expect(me.status).toBe(503);
      expect(me.body.error.code).toBe('database_unavailable');
      expect(me.text).not.toMatch(/ECONNREFUSED|at \w+ \(/);
    } finally {
      server.close();
      await handle.close().catch(() => undefined);
    }
  });
});

let t: TestServer;
let corp: TestCorp;
beforeAll(async () => {
  t = await startTestServer();
  corp = await makeCorp(t);
});
afterAll(async () => t.close());

describe('unknown and malformed ids', () => {
  it('an id that does not exist is 404, a malformed id is 400 naming the parameter', async () => {
    const api = corp.users.rep1!.api;
    const missing = await api.get('/api/customers/987654321');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    const malformed = await api.get('/api/customers/abc');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details[0].path).toBe('params.id');
    const huge = await api.get('/api/customers/99999999999999999999999');
    expect([400, 404]).toContain(huge.status);
  });

  it('an unknown field type inside a write is a 400, never a 500', async () => {
    const res = await corp.users.rep1!.api.post('/api/customers', { name: { nested: true } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });
});

describe('idempotent retries', () => {
  it('replays the first answer for a retried create with the same Idempotency-Key', async () => {
    const api = corp.users.rep2!.api;
    const headers = { 'idempotency-key': `retry-${Date.now()}` };
    const first = await api.post('/api/customers', { name: '重试测试科技有限公司' }, headers);
    const second = await api.post('/api/customers', { name: '重试测试科技有限公司' }, headers);
    expect(first.status).toBeLessThan(300);
    expect(second.status).toBe(first.status);
    expect(second.body.id).toBe(first.body.id);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const reused = await api.post('/api/customers', { name: '另一家公司' }, headers);
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
  });
});

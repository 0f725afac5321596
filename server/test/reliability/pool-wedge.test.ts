/**
 * Issue 18: a burst of identical retried creates (one Idempotency-Key, a double-tapping client or
 * a retrying proxy) must not wedge the connection pool: every request is answered, one record is
 * created, and the server keeps serving afterwards.
 */
import { randomBytes } from 'node:crypto';
import { createPool, type Pool } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';

const BURST = 100;
const ROUNDS = 4;
const CLIENT_TIMEOUT_MS = 20_000;

let t: TestServer;
let corp: TestCorp;
/** A connection of the test's own: counting rows must not depend on the pool under test. */
let probe: Pool;
beforeAll(async () => {
  t = await startTestServer();
  corp = await makeCorp(t);
  probe = createPool({ uri: inject('testDatabaseUrl'), connectionLimit: 2 });
});
afterAll(async () => {
  await probe?.end();
  // A wedged pool never closes: do not hang the run on it.
  await Promise.race([t?.close(), new Promise((r) => setTimeout(r, 5000))]);
});

type Outcome = { status: number; code?: string; replayed: boolean; ms: number } | { status: 'timeout' | 'error'; error: string; ms: number };

async function post(path: string, token: string, body: string, key: string): Promise<Outcome> {
  const started = Date.now();
  try {
    const res = await fetch(t.url + path, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
      body,
      signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
    });
    const text = await res.text();
    let code: string | undefined;
    try {
      code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
    } catch {
      /* not JSON */
    }
    return { status: res.status, code, replayed: res.headers.get('idempotent-replayed') === 'true', ms: Date.now() - started };
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    return { status: name === 'TimeoutError' ? 'timeout' : 'error', error: String(err), ms: Date.now() - started };
  }
}

async function customersNamed(name: string): Promise<number> {
  const [rows] = (await probe.query('SELECT COUNT(*) AS n FROM customers WHERE corp_id = ? AND name = ?', [corp.id, name])) as unknown as [{ n: number }[]];
  return Number(rows[0]!.n);
}
/** /readyz with a client timeout: 0 when it does not answer within 5 s. */
const readyz = () =>
  fetch(`${t.url}/readyz`, { signal: AbortSignal.timeout(5000) })
    .then((r) => r.status)
    .catch(() => 0);

describe('a burst of identical creates with one Idempotency-Key', () => {
  it('the same fields in another key order with the same Idempotency-Key replay the first answer', { timeout: 30_000 }, async () => {
    const api = corp.users.rep2!.api;
    const key = `order-${randomBytes(6).toString('hex')}`;
    const name = `键序客户 ${randomBytes(3).toString('hex')}`;
    const first = await api.post('/api/customers', `{"name":${JSON.stringify(name)},"industry":"零售","contact":{"name":"李四","title":"经理"}}`, { 'idempotency-key': key });
    expect(first.status).toBeLessThan(300);
    const again = await api.post('/api/customers', `{"contact":{"title":"经理","name":"李四"},"industry":"零售","name":${JSON.stringify(name)}}`, { 'idempotency-key': key });
    expect(again.status, JSON.stringify(again.body)).toBe(first.status);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expect(await customersNamed(name)).toBe(1);
  });

  it(`${ROUNDS} rounds of ${BURST} concurrent twins: every request answered (2xx or 409 idempotency_in_progress), one customer per key, the server still serves`, { timeout: 240_000 }, async () => {
    const token = corp.users.rep1!.token;
    const rounds: Record<string, unknown>[] = [];
    const failures: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const key = `wedge-${round}-${randomBytes(6).toString('hex')}`;
      const name = `连点客户 ${round} ${randomBytes(3).toString('hex')}`;
      const body = JSON.stringify({ name, industry: '制造业', contact: { name: '张三', title: '采购' } });
      const started = Date.now();
      const outcomes = await Promise.all(Array.from({ length: BURST }, () => post('/api/customers', token, body, key)));
      const tally: Record<string, number> = {};
      for (const o of outcomes) {
        const label = typeof o.status === 'number' ? `${o.status}${'code' in o && o.code ? ` ${o.code}` : ''}` : o.status;
        tally[label] = (tally[label] ?? 0) + 1;
      }
      const acceptable = outcomes.filter((o) => (typeof o.status === 'number' && o.status >= 200 && o.status < 300) || (o.status === 409 && 'code' in o && o.code === 'idempotency_in_progress'));
      const rows = await customersNamed(name);
      const ready = await readyz();
      rounds.push({ round, wallMs: Date.now() - started, slowestMs: Math.max(...outcomes.map((o) => o.ms)), tally, customers: rows, readyz: ready });
      if (acceptable.length !== BURST) failures.push(`round ${round}: ${BURST - acceptable.length} of ${BURST} not 2xx/409 in_progress: ${JSON.stringify(tally)}`);
      if (rows !== 1) failures.push(`round ${round}: ${rows} customers for one key`);
      if (ready !== 200) {
        failures.push(`round ${round}: /readyz ${ready || 'no answer within 5 s'} after the burst`);
        break; // the server is wedged: further rounds would only time out too
      }
    }
    console.log('[pool-wedge] rounds', JSON.stringify(rounds));

    // Afterwards the server serves normally.
    const ready = await readyz();
    const list = await fetch(`${t.url}/api/customers?scope=mine`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(5000) })
      .then((r) => r.status)
      .catch(() => 0);
    expect(failures).toEqual([]);
    expect(ready).toBe(200);
    expect(list).toBe(200);
  });

});

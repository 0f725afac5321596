/**
 * Issue 18: what users and operators see when the database freezes or dies. A private MariaDB
 * (started here, on its own data directory) is frozen with SIGSTOP and killed with SIGKILL under
 * real traffic; the app runs in-process against it with short pool timeouts.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { openAppDatabase, withStatementTimeout, type DbHandle } from '../../src/db/client';
import { ensureDatabaseExists, runMigrations } from '../../src/db/migrate';
import type { AppDeps } from '../../src/http/context';
import { createLogger } from '../../src/logger';
import { Api, makeCorp, TestClock, type TestCorp, type TestServer } from '../harness';
import { sleep, startPrivateMariadb, waitFor, type PrivateMariadb } from './lib';

const ACQUIRE_MS = 1000;
const STATEMENT_MS = 2000;
/** Statement timeout + acquire timeout + slack. */
const ANSWER_WITHIN_MS = 5000;

let mdb: PrivateMariadb;
let handle: DbHandle;
let server: Server;
let t: TestServer;
let corp: TestCorp;

beforeAll(async () => {
  mdb = await startPrivateMariadb();
  const url = `${mdb.serverUrl}/scrm_faults`;
  const config = loadConfig({
    APP_MODE: 'test',
    DATABASE_URL: url,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    WORKERS: 'off',
    H5_DIST_DIR: '/nonexistent-h5-dist',
    UPLOAD_DIR: `/tmp/scrm-rel-uploads-${randomBytes(4).toString('hex')}`,
    DB_POOL_SIZE: '10',
    DB_ACQUIRE_TIMEOUT_MS: String(ACQUIRE_MS),
    DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_MS),
  });
  await ensureDatabaseExists(url);
  handle = openAppDatabase(config);
  await withStatementTimeout(0, () => runMigrations(handle.db));
  const clock = new TestClock();
  const deps: AppDeps = { config, db: handle.db, pool: handle.pool, logger: createLogger(config.logLevel), now: clock.now };
  server = createServer(createApp(deps).callback());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  t = { deps, db: handle.db, clock, url: base, api: new Api(base), close: async () => undefined };
  corp = await makeCorp(t);
}, 120_000);

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  await mdb?.destroy();
  await Promise.race([handle?.close().catch(() => undefined), sleep(5000)]);
});

interface Answer {
  kind: 'read' | 'write';
  startedAt: number;
  ms: number;
  status: number | 'timeout' | 'error';
  code?: string;
  body?: any;
}

/** One request with a client timeout of 20 s; never throws. */
async function call(kind: Answer['kind'], method: string, path: string, body?: unknown): Promise<Answer> {
  const startedAt = Date.now();
  try {
    const res = await fetch(t.url + path, {
      method,
      headers: { authorization: `Bearer ${corp.users.rep1!.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(20_000),
    });
    const text = await res.text();
    let parsed: any;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
    return { kind, startedAt, ms: Date.now() - startedAt, status: res.status, code: parsed?.error?.code, body: parsed };
  } catch (err) {
    return { kind, startedAt, ms: Date.now() - startedAt, status: err instanceof Error && err.name === 'TimeoutError' ? 'timeout' : 'error', code: String(err) };
  }
}

const tag = randomBytes(3).toString('hex');
let seq = 0;
const createCustomer = () => {
  const n = ++seq;
  return call('write', 'POST', '/api/customers', { name: `故障客户 ${tag} ${n}`, industry: '制造业', contact: { name: `联系人${n}`, title: '采购' } });
};
const listCustomers = () => call('read', 'GET', '/api/customers?scope=mine&limit=20');

/** Fires a read or a write every `everyMs` until `stop()`; returns every answer. */
function trickle(everyMs: number) {
  const answers: Promise<Answer>[] = [];
  let i = 0;
  const timer = setInterval(() => answers.push(i++ % 2 ? createCustomer() : listCustomers()), everyMs);
  return {
    async stop() {
      clearInterval(timer);
      return Promise.all(answers);
    },
  };
}

const summary = (answers: Answer[]) => {
  const tally: Record<string, number> = {};
  for (const a of answers) {
    const k = `${a.kind} ${a.status}${a.code && a.status !== 200 && a.status !== 201 ? ` ${a.code}` : ''}`;
    tally[k] = (tally[k] ?? 0) + 1;
  }
  return { tally, slowestMs: Math.max(0, ...answers.map((a) => a.ms)) };
};
const is2xx = (a: Answer) => typeof a.status === 'number' && a.status >= 200 && a.status < 300;
const is503 = (a: Answer) => a.status === 503 && (a.code === 'database_unavailable' || a.code === 'database_busy');

describe('the database frozen (SIGSTOP) for 10 s', () => {
  it('every request answers within 5 s with 503 database_unavailable/busy (never 500), /healthz stays 200, and service resumes after SIGCONT', { timeout: 90_000 }, async () => {
    expect((await listCustomers()).status).toBe(200);
    const load = trickle(200);
    await sleep(1000);
    const frozenAt = Date.now();
    mdb.freeze();
    let health: number[] = [];
    let readyDuring = 0;
    try {
      await sleep(4000);
      health = await Promise.all([0, 1, 2].map(async () => (await fetch(`${t.url}/healthz`, { signal: AbortSignal.timeout(5000) }).catch(() => null))?.status ?? 0));
      readyDuring = (await fetch(`${t.url}/readyz`, { signal: AbortSignal.timeout(10_000) }).catch(() => null))?.status ?? 0;
      await sleep(Math.max(0, 10_000 - (Date.now() - frozenAt)));
    } finally {
      mdb.thaw();
    }
    const thawedAt = Date.now();
    // Service resumes: a read and a write succeed within a few seconds of SIGCONT.
    let recoveredAfterMs = -1;
    try {
      await waitFor('a read and a write to succeed again', async () => is2xx(await listCustomers()) && is2xx(await createCustomer()), 10_000, 200);
      recoveredAfterMs = Date.now() - thawedAt;
    } catch {
      /* asserted below */
    }
    const answers = await load.stop();
    const ready = await fetch(`${t.url}/readyz`).then((r) => r.status);
    // Requests made while the database was frozen (answered before or after SIGCONT).
    const during = answers.filter((a) => a.startedAt >= frozenAt + 100 && a.startedAt < thawedAt);
    const slow = answers.filter((a) => a.ms >= ANSWER_WITHIN_MS);
    const bad = answers.filter((a) => !is2xx(a) && !is503(a));
    console.log('[database-faults] freeze', JSON.stringify({ all: summary(answers), during: summary(during), duringSlowerThan5s: during.filter((a) => a.ms >= ANSWER_WITHIN_MS).length, healthzDuring: health, readyzDuring: readyDuring, recoveredAfterMs, readyzAfter: ready }));

    expect.soft(health, '/healthz while the database is frozen').toEqual([200, 200, 200]);
    expect.soft(readyDuring, '/readyz while the database is frozen').toBe(503);
    expect.soft(bad.map((a) => `${a.kind} ${a.status} ${a.code ?? ''}`), 'answers other than 2xx or 503 database_*').toEqual([]);
    expect.soft(slow.map((a) => `${a.kind} ${a.status} after ${a.ms} ms`), `answers slower than ${ANSWER_WITHIN_MS} ms`).toEqual([]);
    expect.soft(during.length).toBeGreaterThan(10);
    // Made while frozen, not just before SIGCONT (those may legitimately succeed once it thaws).
    const deepInFreeze = during.filter((a) => a.startedAt < thawedAt - 3000);
    expect.soft(deepInFreeze.filter((a) => !is503(a)).map((a) => `${a.kind} ${a.status} after ${a.ms} ms`), 'requests made while frozen that did not answer 503').toEqual([]);
    expect.soft(recoveredAfterMs, 'service did not resume within 10 s of SIGCONT').toBeGreaterThanOrEqual(0);
    expect.soft(recoveredAfterMs).toBeLessThan(5000);
    expect.soft(ready).toBe(200);
  });
});

describe('the database killed (SIGKILL) with write transactions in flight', () => {
  it('answers are 2xx or 503 only, /healthz stays 200, and after a restart every acknowledged write is whole and nothing is half-written', { timeout: 120_000 }, async () => {
    expect((await listCustomers()).status).toBe(200);
    const answers: Answer[] = [];
    let running = true;
    // Eight clients creating customers with an inline contact, back to back.
    const writers = Array.from({ length: 8 }, async () => {
      while (running) answers.push(await createCustomer());
    });
    await sleep(1500);
    const killedAt = Date.now();
    await mdb.crash();
    await sleep(2500);
    const health = await Promise.all([0, 1, 2].map(async () => (await fetch(`${t.url}/healthz`, { signal: AbortSignal.timeout(5000) }).catch(() => null))?.status ?? 0));
    const readyDown = (await fetch(`${t.url}/readyz`, { signal: AbortSignal.timeout(10_000) }).catch(() => null))?.status ?? 0;
    running = false;
    await Promise.all(writers);
    const restartAt = Date.now();
    await mdb.start();
    let recoveredAfterMs = -1;
    try {
      await waitFor('a write to succeed after the restart', async () => is2xx(await createCustomer()), 15_000, 250);
      recoveredAfterMs = Date.now() - restartAt;
    } catch {
      /* asserted below */
    }

    const acked = answers.filter(is2xx);
    const bad = answers.filter((a) => !is2xx(a) && !is503(a));
    // What is in the database now (read on a fresh statement through the app's pool).
    const conn = await handle.pool.getConnection();
    let rows: { id: number; name: string; contacts: number }[];
    try {
      const [r] = (await conn.query(
        'SELECT c.id, c.name, (SELECT COUNT(*) FROM contacts k WHERE k.customer_id = c.id) AS contacts FROM customers c WHERE c.corp_id = ? AND c.name LIKE ?',
        [corp.id, `故障客户 ${tag} %`],
      )) as unknown as [{ id: number; name: string; contacts: number }[]];
      rows = r.map((x) => ({ id: Number(x.id), name: x.name, contacts: Number(x.contacts) }));
    } finally {
      conn.release();
    }
    const byId = new Map(rows.map((r) => [r.id, r]));
    const lost = acked.filter((a) => !byId.has(Number(a.body?.id)));
    const halfWritten = rows.filter((r) => r.contacts !== 1);
    console.log(
      '[database-faults] kill',
      JSON.stringify({
        inFlightAtKill: answers.filter((a) => a.startedAt < killedAt && a.startedAt + a.ms > killedAt).length,
        answers: summary(answers),
        healthzDuring: health,
        readyzDuring: readyDown,
        recoveredAfterMs,
        lostAcknowledged: lost.length,
        halfWritten: halfWritten.length,
      }),
    );

    expect.soft(health, '/healthz while the database is down').toEqual([200, 200, 200]);
    expect.soft(readyDown, '/readyz while the database is down').toBe(503);
    expect.soft(bad.map((a) => `${a.status} ${a.code ?? ''}`), 'answers other than 2xx or 503 database_*').toEqual([]);
    expect.soft(acked.length).toBeGreaterThan(0);
    expect.soft(lost.map((a) => a.body?.id), 'acknowledged creates missing after the restart').toEqual([]);
    expect.soft(halfWritten, 'customers without the contact created in the same request').toEqual([]);
    expect.soft(recoveredAfterMs, 'writes did not succeed within 15 s of the restart').toBeGreaterThanOrEqual(0);
    expect.soft((await fetch(`${t.url}/readyz`)).status).toBe(200);
  });
});

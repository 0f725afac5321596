import { sql } from 'drizzle-orm';
import { inject } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, SecondConnectionError } from '../../src/db/client';
import { customers, jobRuns } from '../../src/db/schema/index';
import { describeError, isDatabaseBusy, isDatabaseDown } from '../../src/http/errors';
import { runExclusive } from '../../src/lib/jobs';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';

describe('a pool connection inside a transaction', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => t.close());

  it('fails in tests when a flow holding a transaction asks the pool for another connection (the pattern that wedged the pool)', async () => {
    await expect(t.db.transaction(async () => t.db.select({ id: customers.id }).from(customers).limit(1))).rejects.toSatisfy((err: unknown) =>
      describeError(err).includes('DB_SECOND_CONNECTION'),
    );
    await expect(t.db.transaction(async () => t.db.transaction(async () => 1))).rejects.toBeInstanceOf(SecondConnectionError);
    // The transaction's own handle, and the pool once the transaction is over, are fine.
    await expect(t.db.transaction(async (tx) => (await tx.select({ id: customers.id }).from(customers).limit(1)).length)).resolves.toBeGreaterThanOrEqual(0);
    await expect(t.db.select({ id: customers.id }).from(customers).limit(1)).resolves.toBeDefined();
  });
});

describe('a pool whose every connection is held', () => {
  let t: TestServer;
  let corp: TestCorp;
  beforeAll(async () => {
    // A small pool with short limits: the shape of a production pool, seconds instead of minutes.
    t = await startTestServer({ DB_POOL_SIZE: '2', DB_ACQUIRE_TIMEOUT_MS: '400', DB_STATEMENT_TIMEOUT_MS: '800' });
    corp = await makeCorp(t);
  });
  afterAll(async () => t.close());

  it('answers 503 database_busy within the acquire timeout instead of hanging; /readyz says so; liveness fails only once the pool is wedged; all recovers when the connections come back', async () => {
    const held = [await t.deps.pool.getConnection(), await t.deps.pool.getConnection()];
    try {
      const started = Date.now();
      const res = await corp.users.rep1!.api.get('/api/customers');
      expect(Date.now() - started).toBeLessThan(2000);
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('database_busy');
      const ready = await t.api.get('/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body.error.code).toBe('database_busy');
      expect(ready.body.pool).toMatchObject({ limit: 2, held: 2 });
      // Held for less than the wedge threshold: busy, not wedged — the process stays alive.
      expect((await t.api.get('/healthz')).status).toBe(200);
      // Every connection held far longer than any statement may run while callers starve: wedged.
      await new Promise((r) => setTimeout(r, 2600));
      await corp.users.rep1!.api.get('/api/customers');
      const live = await t.api.get('/healthz');
      expect(live.status).toBe(503);
      expect(live.body.error.code).toBe('pool_wedged');
    } finally {
      for (const c of held) c.release();
    }
    expect((await corp.users.rep1!.api.get('/api/customers')).status).toBe(200);
    expect((await t.api.get('/readyz')).status).toBe(200);
    expect((await t.api.get('/healthz')).status).toBe(200);
  });

  it('a statement that outlives the statement timeout answers 503 and its connection is dropped, not reused', async () => {
    const conn = await t.deps.pool.getConnection();
    try {
      const started = Date.now();
      const err = await conn.query('SELECT SLEEP(3)').then(
        () => null,
        (e: unknown) => e,
      );
      expect(Date.now() - started).toBeLessThan(2000);
      expect(isDatabaseDown(err)).toBe(true);
      expect(describeError(err)).toContain('DB_STATEMENT_TIMEOUT');
    } finally {
      conn.release();
    }
    const res = await corp.users.rep1!.api.get('/api/customers');
    expect(res.status).toBe(200);
  });
});

describe('database errors behind wrappers', () => {
  it("recognises an outage through drizzle's wrapper and through a failed rollback that replaced the original error", () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' });
    const wrapped = new Error('Failed query: insert into `customers` …\nparams: 1,secret-token', { cause: refused });
    expect(isDatabaseDown(wrapped)).toBe(true);
    // What drizzle throws when the rollback after a lost connection fails: mysql2's fatal error, no code.
    const closed = Object.assign(new Error("Can't add new command when connection is in closed state"), { fatal: true });
    expect(isDatabaseDown(new Error('Failed query: rollback\nparams: ', { cause: closed }))).toBe(true);
    const deadlock = Object.assign(new Error('Deadlock found when trying to get lock; try restarting transaction'), {
      code: 'ER_LOCK_DEADLOCK',
      errno: 1213,
      sqlState: '40001',
      sqlMessage: 'Deadlock found when trying to get lock; try restarting transaction',
    });
    const failed = new Error('Failed query: update `customers` set …\nparams: 5,secret-token', { cause: deadlock });
    expect(isDatabaseDown(failed)).toBe(false);
    expect(isDatabaseBusy(failed)).toBe(true);
    const line = describeError(failed);
    expect(line).toContain('ER_LOCK_DEADLOCK 1213 40001');
    expect(line).toContain('Deadlock found');
    expect(line).not.toContain('secret-token');
  });
});

describe('periodic jobs on several instances', () => {
  it('each scheduled pass runs once, on one instance, whatever the number of instances racing for it', async () => {
    const url = inject('testDatabaseUrl');
    const instances = [0, 1, 2].map(() => openDatabase(url, { connectionLimit: 3 }));
    const t = await startTestServer();
    try {
      let runs = 0;
      const name = `test_job_${Date.now().toString(36)}`;
      const base = Date.UTC(2026, 11, 4, 10, 0, 0);
      for (let slot = 0; slot < 5; slot++) {
        const now = () => new Date(base + slot * 60_000 + 5_000);
        const results = await Promise.all(
          instances.flatMap((h) =>
            [0, 1].map(() =>
              runExclusive({ ...t.deps, db: h.db, pool: h.pool, now }, name, async (db) => {
                runs++;
                await db.execute(sql`SELECT SLEEP(0.05)`);
                return 'ran';
              }, { slotMs: 60_000 }),
            ),
          ),
        );
        expect(results.filter((r) => r === 'ran')).toHaveLength(1);
      }
      expect(runs).toBe(5);
      const rows = await t.db.select().from(jobRuns).where(sql`${jobRuns.name} = ${name}`);
      expect(rows).toHaveLength(5);
      expect(rows.every((r) => r.finishedAt !== null && r.outcome === '"ran"')).toBe(true);
    } finally {
      await t.close();
      await Promise.all(instances.map((h) => h.close()));
    }
  });

  it('a failed pass gives its slot back, so a retry runs it', async () => {
    const t = await startTestServer();
    try {
      const name = `test_job_fail_${Date.now().toString(36)}`;
      await expect(runExclusive(t.deps, name, async () => Promise.reject(new Error('boom')), { slotMs: 3_600_000 })).rejects.toThrow('boom');
      await expect(runExclusive(t.deps, name, async () => 'second try', { slotMs: 3_600_000 })).resolves.toBe('second try');
    } finally {
      await t.close();
    }
  });
});

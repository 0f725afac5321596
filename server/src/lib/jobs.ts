import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { drizzle } from 'drizzle-orm/mysql2';
import type { PoolConnection } from 'mysql2/promise';
import { withStatementTimeout, type Database } from '../db/client';
import * as schema from '../db/schema/index';
import type { AppDeps } from '../http/context';
import { describeError, sqlErrorCode } from '../http/errors';
import type { Worker } from '../modules/types';

/** Statements of a job pass are set-based over whole tables: far more than a request's timeout. */
export const JOB_STATEMENT_TIMEOUT_MS = 10 * 60_000;

/** This process, as written in `job_runs.instance`. */
const INSTANCE = `${hostname().slice(0, 40)}:${process.pid}:${randomBytes(3).toString('hex')}`;

/**
 * Reruns `fn` when InnoDB picks its transaction as a deadlock victim (or a lock wait times out),
 * after a jittered, growing pause. Jobs and event handlers touching shared rows (the outbox,
 * counters) collide now and then; that is not a failure of the work, only of that attempt.
 */
export async function retryOnDeadlock<T>(fn: () => Promise<T>, tries = 5, baseMs = 20): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const code = sqlErrorCode(err);
      if ((code !== 'ER_LOCK_DEADLOCK' && code !== 'ER_LOCK_WAIT_TIMEOUT') || attempt >= tries) throw err;
      // baseMs, 2×, 4× … each scaled by a random factor in [0.5, 1.5): colliders do not collide again in step.
      await new Promise((r) => setTimeout(r, Math.round(baseMs * 2 ** (attempt - 1) * (0.5 + Math.random()))));
    }
  }
}

export interface ExclusiveOptions {
  /**
   * Claim the pass for the time slot `floor(now / slotMs)` in `job_runs`: of all instances, the
   * first to claim a slot runs it, the others skip it (a scheduled pass runs once). Without it,
   * the named lock alone keeps passes from overlapping (on-demand runs, tests).
   */
  slotMs?: number;
}

/**
 * Runs one pass of a job on one instance at a time: a MySQL named lock (`GET_LOCK`, no wait) on a
 * dedicated connection, and `fn` gets a database on that same connection (its transactions run
 * there; nothing else is taken from the pool). With `slotMs`, the pass is also claimed for its
 * time slot so every instance's scheduler agrees who runs it. Returns `null` when skipped; a failed
 * pass releases its slot so a retry may run it.
 */
export async function runExclusive<T>(deps: AppDeps, name: string, fn: (db: Database) => Promise<T>, opts: ExclusiveOptions = {}): Promise<T | null> {
  const conn: PoolConnection = await deps.pool.getConnection();
  try {
    const [[got]] = (await conn.query('SELECT GET_LOCK(?, 0) AS got', [name])) as unknown as [[{ got: number | null }]];
    if (Number(got.got) !== 1) return null;
    try {
      const slot = opts.slotMs ? Math.floor(deps.now().getTime() / opts.slotMs) : null;
      if (slot !== null) {
        const [res] = (await conn.query('INSERT IGNORE INTO job_runs (name, slot, instance, started_at) VALUES (?, ?, ?, ?)', [
          name.slice(0, 64),
          slot,
          INSTANCE,
          deps.now(),
        ])) as unknown as [{ affectedRows: number }];
        if (res.affectedRows !== 1) return null;
      }
      const db = drizzle(conn, { schema, mode: 'default', casing: 'snake_case' }) as unknown as Database;
      try {
        const result = await withStatementTimeout(JOB_STATEMENT_TIMEOUT_MS, () => fn(db));
        if (slot !== null) {
          await conn.query('UPDATE job_runs SET finished_at = ?, outcome = ? WHERE name = ? AND slot = ?', [
            deps.now(),
            JSON.stringify(result ?? null).slice(0, 2000),
            name.slice(0, 64),
            slot,
          ]);
        }
        return result;
      } catch (err) {
        // The slot is free again: a retry (this instance's or another's) may run the pass.
        if (slot !== null) await conn.query('DELETE FROM job_runs WHERE name = ? AND slot = ?', [name.slice(0, 64), slot]).catch(() => undefined);
        throw err;
      }
    } finally {
      await conn.query('SELECT RELEASE_LOCK(?)', [name]).catch(() => undefined);
    }
  } finally {
    conn.release();
  }
}

/**
 * Runs a job after `firstDelayMs` and then every `intervalMs`, one pass at a time, on one instance
 * per interval (`runExclusive` with the interval as its slot), retrying deadlocks; a failed pass is
 * logged with its cause and the next one runs on schedule. `stop` waits for the pass in flight.
 */
export function startPeriodicJob(
  deps: AppDeps,
  /** `name` is also the named lock (≤ 64 chars) an on-demand `runExclusive` of the same job uses. */
  job: { name: string; intervalMs: number; firstDelayMs?: number; run: (db: Database) => Promise<unknown> },
): Worker {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    running = retryOnDeadlock(() => runExclusive(deps, job.name, job.run, { slotMs: job.intervalMs }))
      .catch((err) => deps.logger.error({ err, job: job.name, cause: describeError(err) }, 'job failed'))
      .finally(() => {
        busy = false;
      });
  };
  const first = setTimeout(tick, job.firstDelayMs ?? 1000);
  const timer = setInterval(tick, job.intervalMs);
  first.unref();
  timer.unref();
  return {
    stop: async () => {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}

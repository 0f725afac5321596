import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { AppDeps } from '../../http/context';
import { startPeriodicJob } from '../../lib/jobs';
import type { Worker } from '../types';

/**
 * Repair of customers' follow-up rollups (count, last, next) that drifted from their follow-up
 * rows — left by code that bypassed the lock protocol of rollups.ts, a manual SQL fix, a bug.
 * Works in batches by id range so it never holds many rows for long:
 *   1. finds the drifted customers of the range with one set-based, non-locking read;
 *   2. if any, in a short READ COMMITTED transaction: locks exactly those customer rows (by id, the
 *      same customer-first order every writer uses, so it cannot deadlock with them), re-checks
 *      them against the follow-up rows as now committed (a writer that held a lock has finished),
 *      and rewrites the ones still wrong with one UPDATE.
 */

export interface RepairCustomerRollupsOptions {
  /** Customers per id range (default 500). */
  batchSize?: number;
}

export interface RepairCustomerRollupsResult {
  /** Customers looked at. */
  scanned: number;
  /** Customers whose rollups were rewritten (ids, ascending). */
  repairedIds: number[];
}

const DAY_MS = 86_400_000;
/** The nightly pass runs at 03:00 Asia/Shanghai (19:00 UTC). */
const RUN_AT_UTC_HOUR = 19;

/** The exact rollups of customer `c` (the alias `c` of `customers`), as correlated sub-selects. */
const truth = {
  count: sql`(SELECT COUNT(*) FROM follow_ups f WHERE f.corp_id = c.corp_id AND f.customer_id = c.id)`,
  last: sql`(SELECT MAX(f.occurred_at) FROM follow_ups f WHERE f.corp_id = c.corp_id AND f.customer_id = c.id)`,
  next: sql`(SELECT f.next_follow_up_at FROM follow_ups f WHERE f.corp_id = c.corp_id AND f.customer_id = c.id AND f.next_follow_up_at IS NOT NULL ORDER BY f.occurred_at DESC, f.id DESC LIMIT 1)`,
};
const drifted = sql`(c.follow_up_count <> ${truth.count} OR NOT (c.last_follow_up_at <=> ${truth.last}) OR NOT (c.next_follow_up_at <=> ${truth.next}))`;

type Runner = Pick<Database, 'execute'>;

async function ids(db: Runner, query: SQL): Promise<number[]> {
  const [rows] = (await db.execute(query)) as unknown as [{ id: number }[]];
  return rows.map((r) => Number(r.id));
}

const corpFilter = (corpId: number | undefined) => (corpId === undefined ? sql`` : sql` AND c.corp_id = ${corpId}`);
const idList = (list: number[]) => sql.join(list.map((id) => sql`${id}`), sql`, `);

/**
 * Recomputes, exactly, the follow-up rollups of every customer (of `corpId`, or of all corps) whose
 * stored values differ from its follow-up rows; returns what it looked at and what it fixed.
 * `db` is the pool handle, not a transaction: each batch that needs a fix runs its own.
 */
export async function repairCustomerRollups(db: Database, corpId?: number, opts: RepairCustomerRollupsOptions = {}): Promise<RepairCustomerRollupsResult> {
  const batchSize = Math.max(1, opts.batchSize ?? 500);
  const out: RepairCustomerRollupsResult = { scanned: 0, repairedIds: [] };
  let after = 0;
  for (;;) {
    const range = await ids(db, sql`SELECT c.id FROM customers c WHERE c.id > ${after}${corpFilter(corpId)} ORDER BY c.id LIMIT ${batchSize}`);
    if (!range.length) break;
    const lo = range[0]!;
    const hi = range[range.length - 1]!;
    after = hi;
    out.scanned += range.length;
    const suspects = await ids(db, sql`SELECT c.id FROM customers c WHERE c.id BETWEEN ${lo} AND ${hi}${corpFilter(corpId)} AND ${drifted}`);
    if (!suspects.length) continue;
    const fixed = await db.transaction(
      async (tx) => {
        await tx.execute(sql`SELECT c.id FROM customers c WHERE c.id IN (${idList(suspects)}) ORDER BY c.id FOR UPDATE`);
        const still = await ids(tx, sql`SELECT c.id FROM customers c WHERE c.id IN (${idList(suspects)}) AND ${drifted} ORDER BY c.id`);
        if (still.length) {
          await tx.execute(
            sql`UPDATE customers c SET c.follow_up_count = ${truth.count}, c.last_follow_up_at = ${truth.last}, c.next_follow_up_at = ${truth.next} WHERE c.id IN (${idList(still)})`,
          );
        }
        return still;
      },
      { isolationLevel: 'read committed' },
    );
    out.repairedIds.push(...fixed);
  }
  return out;
}

/** Milliseconds from `now` to the next nightly run time. */
export function msUntilNightlyRun(now: Date): number {
  const next = new Date(now);
  next.setUTCHours(RUN_AT_UTC_HOUR, 0, 0, 0);
  if (next.getTime() <= now.getTime()) next.setTime(next.getTime() + DAY_MS);
  return next.getTime() - now.getTime();
}

/** The nightly repair worker (03:00 Shanghai time, then every 24 h); a repair is logged as a warning (something bypassed the protocol). */
export function startCustomerRollupRepairWorker(deps: AppDeps): Worker {
  return startPeriodicJob(deps, {
    name: 'scrm_customer_rollup_repair',
    intervalMs: DAY_MS,
    firstDelayMs: msUntilNightlyRun(deps.now()),
    run: async (db) => {
      const started = Date.now();
      const r = await repairCustomerRollups(db);
      const fields = { job: 'customer-rollup-repair', scanned: r.scanned, repaired: r.repairedIds.length, ms: Date.now() - started };
      if (r.repairedIds.length) deps.logger.warn({ ...fields, customerIds: r.repairedIds.slice(0, 50) }, 'customer rollups repaired');
      else deps.logger.info(fields, 'customer rollups checked');
    },
  });
}

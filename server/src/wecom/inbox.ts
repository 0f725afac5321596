import { randomBytes } from 'node:crypto';
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Pool } from 'mysql2/promise';
import type { Database } from '../db/client';
import { wecomInbox } from '../db/schema/index';
import type { AppDeps } from '../http/context';
import { ensureLocalCorp } from './corp';
import { WecomRateLimitError } from './errors';
import { dispatchCallback, prefetchForEvent, type RemoteMemo } from './events';
import { describeError } from '../http/errors';
import { payloadHash } from './crypto';
import { retryOnDeadlock } from '../lib/jobs';

/** After this many failed attempts an event becomes a dead letter (visible to admins, replayable). */
export const INBOX_MAX_ATTEMPTS = 6;
/** A claimed row not finished within this lease is claimed again (the worker crashed). */
const LEASE_MS = 120_000;
const FLUSH_BATCH = 500;
const MAX_FLUSHES = 4;

/** The kind and ordering key of a callback: events of one external contact / chat / the org run in order. */
export function classify(wecomCorpId: string, p: Record<string, any>, hash: string): { kind: string; orderKey: string } {
  const event = String(p.Event ?? p.MsgType ?? 'unknown');
  const kind = p.ChangeType ? `${event}:${String(p.ChangeType)}` : event;
  let key: string;
  if (event === 'change_external_contact' && p.ExternalUserID) key = `ext:${String(p.ExternalUserID)}`;
  else if (event === 'change_external_chat' && p.ChatId) key = `chat:${String(p.ChatId)}`;
  else if (event === 'change_contact') key = 'org';
  else key = `one:${hash.slice(0, 32)}`;
  return { kind: kind.slice(0, 96), orderKey: `${wecomCorpId}:${key}`.slice(0, 128) };
}

interface Pending {
  row: typeof wecomInbox.$inferInsert;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/**
 * Group commit for intake: concurrent callbacks are written in one multi-row INSERT, each request
 * answered only after its row is durably committed. Duplicates (same payload hash) are no-ops.
 */
class IntakeWriter {
  private queue: Pending[] = [];
  private flushing = 0;
  constructor(private readonly pool: Pool) {}

  add(row: Pending['row']): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      if (this.flushing < MAX_FLUSHES) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing++;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, FLUSH_BATCH);
        try {
          // Plain mysql2 bulk VALUES: the hottest write of the app, no query builder per batch.
          await this.pool.query(INTAKE_INSERT, [
            batch.map(({ row: r }) => [r.payloadHash, r.wecomCorpId, r.kind, r.orderKey, JSON.stringify(r.payload), r.status, r.attempts, r.nextAttemptAt, r.receivedAt]),
          ]);
          for (const b of batch) b.resolve();
        } catch (err) {
          for (const b of batch) b.reject(err);
        }
      }
    } finally {
      this.flushing--;
    }
  }
}
const INTAKE_INSERT =
  'INSERT INTO wecom_inbox (payload_hash, wecom_corp_id, kind, order_key, payload, status, attempts, next_attempt_at, received_at) VALUES ? ON DUPLICATE KEY UPDATE id = id';
const writers = new WeakMap<Database, IntakeWriter>();

/** Stores a verified, decrypted callback durably (deduplicated by payload hash). */
export async function storeCallback(deps: AppDeps, wecomCorpId: string, message: string, payload: Record<string, any>): Promise<void> {
  const hash = payloadHash(message);
  const { kind, orderKey } = classify(wecomCorpId, payload, hash);
  let writer = writers.get(deps.db);
  if (!writer) writers.set(deps.db, (writer = new IntakeWriter(deps.pool)));
  const now = deps.now();
  await writer.add({ payloadHash: hash, wecomCorpId, kind, orderKey, payload, status: 'pending', attempts: 0, nextAttemptAt: now, receivedAt: now });
}

type InboxRow = typeof wecomInbox.$inferSelect;

/** An event unfinished this long (pending behind rate limits or a failing dependency) is dead-lettered with the reason. */
export const INBOX_STUCK_MS = 24 * 3600_000;
const LEASE_EXPIRED = 'lease expired: the worker processing it crashed or hung';

let claimSeq = 0;
/** A fresh fencing token per claim (≤ 32 chars): finishing a row requires still holding it. */
const claimToken = (workerId: string) => `${workerId.slice(0, 20)}:${(++claimSeq).toString(36)}`;

/**
 * Claims due events, correct by construction:
 * - per ordering key only the HEAD is eligible — the oldest unfinished (pending or processing) event
 *   of that key — whatever its `next_attempt_at`; a newer event never overtakes an older one that
 *   is backing off, and a released or expired lease cannot reorder anything;
 * - the claim is one conditional UPDATE per head (status and due time re-checked under the row
 *   lock), so of any number of workers on any number of instances exactly one wins a row, and a
 *   row whose lease has not run out is never taken;
 * - an expired lease counts as an attempt, so an event that kills its worker every time ends as a
 *   dead letter with the reason instead of stalling its key.
 */
export async function claimInbox(deps: AppDeps, workerId: string, limit = 20): Promise<InboxRow[]> {
  const now = deps.now();
  // Only this server's corp: it has no credentials to process another corp's events.
  const corpId = deps.config.wecom.corpId;
  // Due heads, in due order: walks the claim index and checks each candidate's key with the order
  // index. A plain read: the conditional UPDATE below is what decides, under the row lock.
  const [heads] = (await deps.db.execute(sql`
    SELECT i.id FROM wecom_inbox i
    WHERE i.status IN ('pending', 'processing') AND i.next_attempt_at <= ${now} AND i.wecom_corp_id = ${corpId}
      AND NOT EXISTS (
        SELECT 1 FROM wecom_inbox e
        WHERE e.order_key = i.order_key AND e.id < i.id AND e.status IN ('pending', 'processing')
      )
    ORDER BY i.next_attempt_at, i.id
    LIMIT ${limit}`)) as unknown as [{ id: number }[]];
  if (!heads.length) return [];
  const ids = heads.map((h) => Number(h.id));
  const token = claimToken(workerId);
  // Assignments run left to right: attempts and last_error see the old status, status the new attempts.
  await deps.db.execute(sql`
    UPDATE wecom_inbox SET
      attempts = IF(status = 'processing', attempts + 1, attempts),
      last_error = IF(status = 'processing', ${LEASE_EXPIRED}, last_error),
      status = IF(status = 'processing' AND attempts >= ${INBOX_MAX_ATTEMPTS}, 'dead', 'processing'),
      locked_by = ${token},
      next_attempt_at = ${new Date(now.getTime() + LEASE_MS)}
    WHERE id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})
      AND status IN ('pending', 'processing') AND next_attempt_at <= ${now}`);
  const rows = await deps.db
    .select()
    .from(wecomInbox)
    .where(and(inArray(wecomInbox.id, ids), eq(wecomInbox.lockedBy, token)));
  for (const r of rows) {
    if (r.status === 'dead') deps.logger.warn({ inboxId: r.id, kind: r.kind, attempts: r.attempts }, 'wecom event dead: its lease expired too often');
  }
  return rows.filter((r) => r.status === 'processing').sort((a, b) => a.id - b.id);
}

/**
 * The stuck-key detector: an event still unfinished `INBOX_STUCK_MS` after it arrived (e.g. WeCom
 * rate-limiting it for a day) becomes a dead letter with the reason, so its key moves on and an
 * admin sees it. Returns how many were dead-lettered.
 */
export async function deadLetterStuckInbox(deps: AppDeps): Promise<number> {
  const cutoff = new Date(deps.now().getTime() - INBOX_STUCK_MS);
  const res = await deps.db
    .update(wecomInbox)
    .set({ status: 'dead', lockedBy: null, lastError: sql`CONCAT('stuck: unfinished for more than 24 h; last error: ', COALESCE(${wecomInbox.lastError}, 'none'))` })
    .where(and(eq(wecomInbox.wecomCorpId, deps.config.wecom.corpId), eq(wecomInbox.status, 'pending'), lt(wecomInbox.receivedAt, cutoff)));
  const n = Number((res as unknown as [{ affectedRows: number }])[0].affectedRows);
  if (n) deps.logger.warn({ count: n }, 'wecom events dead-lettered: unfinished for more than 24 h');
  return n;
}

function backoffMs(attempts: number, err: unknown): number {
  if (err instanceof WecomRateLimitError) return err.retryAfterMs;
  return Math.min(3600_000, 5_000 * 2 ** (attempts - 1));
}

/**
 * Processes one claimed row in two phases. First, outside any transaction, the WeCom reads the
 * event needs (`prefetchForEvent`, e.g. `externalcontact/get`); their results are memoised for
 * this attempt, so a deadlock retry of the transaction never calls WeCom again. Then the handlers
 * and the "done" mark commit in one transaction, fenced by the claim token: a crash or a lost
 * lease means the event runs again with the same effect, and never twice.
 */
export async function processInboxRow(deps: AppDeps, row: InboxRow, workerId: string): Promise<boolean> {
  const token = row.lockedBy ?? workerId;
  const remote = memo();
  try {
    await prefetchForEvent({ deps, payload: row.payload, remote });
    await retryOnDeadlock(() => deps.db.transaction(async (tx) => {
      const [mine] = await tx
        .select({ id: wecomInbox.id })
        .from(wecomInbox)
        .where(and(eq(wecomInbox.id, row.id), eq(wecomInbox.status, 'processing'), eq(wecomInbox.lockedBy, token)))
        .for('update');
      if (!mine) throw new LeaseLost();
      const corpId = await ensureLocalCorp(tx, deps, row.wecomCorpId);
      await dispatchCallback({ corpId, payload: row.payload, db: tx, deps, remote });
      await tx.update(wecomInbox).set({ status: 'done', processedAt: deps.now(), lockedBy: null, lastError: null }).where(eq(wecomInbox.id, row.id));
    }));
    return true;
  } catch (err) {
    if (err instanceof LeaseLost) return false;
    // WeCom's frequency limit says nothing about the event: back off without spending its retry budget.
    const attempts = err instanceof WecomRateLimitError ? row.attempts : row.attempts + 1;
    const dead = attempts >= INBOX_MAX_ATTEMPTS;
    const message = describeError(err);
    deps.logger.warn({ inboxId: row.id, kind: row.kind, attempts, dead, err }, 'wecom event failed');
    await deps.db
      .update(wecomInbox)
      .set({
        status: dead ? 'dead' : 'pending',
        attempts,
        lastError: message.slice(0, 2000),
        lockedBy: null,
        nextAttemptAt: new Date(deps.now().getTime() + backoffMs(attempts, err)),
      })
      .where(and(eq(wecomInbox.id, row.id), eq(wecomInbox.lockedBy, token)));
    return false;
  }
}

/** Resolves when `work` settles or the lease runs out, whichever is first. */
function withinLease(work: Promise<unknown>, onExpired: () => void): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise((r) => {
    timer = setTimeout(() => {
      onExpired();
      r(undefined);
    }, LEASE_MS);
    timer.unref();
  });
  return Promise.race([work.catch(() => undefined), expired]).finally(() => clearTimeout(timer));
}

/** Memoises outbound reads by key for one processing attempt. */
function memo(): RemoteMemo {
  const cache = new Map<string, Promise<unknown>>();
  return <T>(key: string, fetch: () => Promise<T>): Promise<T> => {
    let p = cache.get(key) as Promise<T> | undefined;
    if (!p) {
      p = fetch();
      cache.set(key, p);
      // A failure is the caller's to see; the cache must not raise an unhandled rejection.
      p.catch(() => undefined);
    }
    return p;
  };
}
class LeaseLost extends Error {}


/** Processes every due event now (tests run with WORKERS=off and call this). */
export async function drainInbox(deps: AppDeps, opts: { concurrency?: number } = {}): Promise<{ processed: number; failed: number }> {
  const workerId = `drain-${randomBytes(4).toString('hex')}`;
  let processed = 0;
  let failed = 0;
  for (;;) {
    const rows = await claimInbox(deps, workerId, opts.concurrency ?? 16);
    if (!rows.length) return { processed, failed };
    const results = await Promise.all(rows.map((r) => processInboxRow(deps, r, workerId)));
    for (const ok of results) ok ? processed++ : failed++;
    if (results.every((ok) => !ok)) return { processed, failed };
  }
}

/** The background worker: claims and processes until stopped; `stop` waits for the batch in flight. */
export function startInboxWorker(deps: AppDeps, opts: { idleMs?: number; concurrency?: number } = {}) {
  const workerId = `w-${randomBytes(4).toString('hex')}`;
  let running = true;
  let wake: (() => void) | undefined;
  let detectedAt = 0;
  const loop = (async () => {
    while (running) {
      let rows: InboxRow[] = [];
      try {
        if (Date.now() - detectedAt > 60_000) {
          detectedAt = Date.now();
          await deadLetterStuckInbox(deps);
        }
        rows = await claimInbox(deps, workerId, opts.concurrency ?? 16);
        // A row that outlives its lease is another worker's by then (its finish is fenced off):
        // the loop moves on instead of waiting for it, so one hung event cannot stop the worker.
        await Promise.all(rows.map((r) => withinLease(processInboxRow(deps, r, workerId), () => deps.logger.error({ inboxId: r.id, kind: r.kind }, 'wecom event still processing when its lease ran out'))));
      } catch (err) {
        deps.logger.error({ err }, 'inbox worker cycle failed');
      }
      if (!rows.length && running) await new Promise<void>((r) => ((wake = r), setTimeout(r, opts.idleMs ?? 250)));
    }
  })();
  return {
    async stop() {
      running = false;
      wake?.();
      await loop;
    },
  };
}

/** Dead letters, newest first. */
export function listDeadInbox(deps: AppDeps, limit: number) {
  return deps.db.select().from(wecomInbox).where(eq(wecomInbox.status, 'dead')).orderBy(desc(wecomInbox.id)).limit(limit);
}

/** Puts a dead letter back in the queue with a fresh attempt budget. */
export async function replayInbox(deps: AppDeps, id: number): Promise<boolean> {
  const res = await deps.db
    .update(wecomInbox)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: deps.now(), lockedBy: null })
    .where(and(eq(wecomInbox.id, id), eq(wecomInbox.status, 'dead')));
  return Number((res as unknown as [{ affectedRows: number }])[0].affectedRows) === 1;
}

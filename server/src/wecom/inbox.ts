import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Pool } from 'mysql2/promise';
import type { Database } from '../db/client';
import { wecomInbox } from '../db/schema/index';
import type { AppDeps } from '../http/context';
import { ensureLocalCorp } from './corp';
import { WecomRateLimitError } from './errors';
import { dispatchCallback } from './events';
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

/** Claims due rows (SKIP LOCKED, so instances cooperate), at most one per ordering key and only the oldest unfinished. */
export async function claimInbox(deps: AppDeps, workerId: string, limit = 20): Promise<InboxRow[]> {
  const now = deps.now();
  // Leases of crashed workers run out: their rows become claimable again.
  // Only this server's corp: it has no credentials to process another corp's events.
  const corp = eq(wecomInbox.wecomCorpId, deps.config.wecom.corpId);
  await deps.db
    .update(wecomInbox)
    .set({ status: 'pending', lockedBy: null })
    .where(and(eq(wecomInbox.status, 'processing'), lte(wecomInbox.nextAttemptAt, now), corp));
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(wecomInbox)
      .where(and(eq(wecomInbox.status, 'pending'), lte(wecomInbox.nextAttemptAt, now), corp))
      .orderBy(asc(wecomInbox.nextAttemptAt), asc(wecomInbox.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    const chosen: InboxRow[] = [];
    const keys = new Set<string>();
    for (const r of rows) {
      if (keys.has(r.orderKey)) continue;
      keys.add(r.orderKey);
      const [earlier] = await tx
        .select({ id: wecomInbox.id })
        .from(wecomInbox)
        .where(and(eq(wecomInbox.orderKey, r.orderKey), lt(wecomInbox.id, r.id), inArray(wecomInbox.status, ['pending', 'processing'])))
        .limit(1);
      if (!earlier) chosen.push(r);
    }
    if (chosen.length) {
      await tx
        .update(wecomInbox)
        .set({ status: 'processing', lockedBy: workerId, nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
        .where(inArray(wecomInbox.id, chosen.map((r) => r.id)));
    }
    return chosen;
  });
}

function backoffMs(attempts: number, err: unknown): number {
  if (err instanceof WecomRateLimitError) return err.retryAfterMs;
  return Math.min(3600_000, 5_000 * 2 ** (attempts - 1));
}

/**
 * Processes one claimed row: handlers and the "done" mark commit in one transaction, fenced by
 * the claim, so a crash or a lost lease means the event runs again with the same effect.
 */
export async function processInboxRow(deps: AppDeps, row: InboxRow, workerId: string): Promise<boolean> {
  try {
    await retryOnDeadlock(() => deps.db.transaction(async (tx) => {
      const [mine] = await tx
        .select({ id: wecomInbox.id })
        .from(wecomInbox)
        .where(and(eq(wecomInbox.id, row.id), eq(wecomInbox.status, 'processing'), eq(wecomInbox.lockedBy, workerId)))
        .for('update');
      if (!mine) throw new LeaseLost();
      const corpId = await ensureLocalCorp(tx, deps, row.wecomCorpId);
      await dispatchCallback({ corpId, payload: row.payload, db: tx, deps });
      await tx.update(wecomInbox).set({ status: 'done', processedAt: deps.now(), lockedBy: null, lastError: null }).where(eq(wecomInbox.id, row.id));
    }));
    return true;
  } catch (err) {
    if (err instanceof LeaseLost) return false;
    // WeCom's frequency limit says nothing about the event: back off without spending its retry budget.
    const attempts = err instanceof WecomRateLimitError ? row.attempts : row.attempts + 1;
    const dead = attempts >= INBOX_MAX_ATTEMPTS;
    const message = err instanceof Error ? err.message : String(err);
    deps.logger.warn({ inboxId: row.id, kind: row.kind, attempts, dead, err: message }, 'wecom event failed');
    await deps.db
      .update(wecomInbox)
      .set({
        status: dead ? 'dead' : 'pending',
        attempts,
        lastError: message.slice(0, 2000),
        lockedBy: null,
        nextAttemptAt: new Date(deps.now().getTime() + backoffMs(attempts, err)),
      })
      .where(and(eq(wecomInbox.id, row.id), eq(wecomInbox.lockedBy, workerId)));
    return false;
  }
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
  const loop = (async () => {
    while (running) {
      let rows: InboxRow[] = [];
      try {
        rows = await claimInbox(deps, workerId, opts.concurrency ?? 16);
        await Promise.all(rows.map((r) => processInboxRow(deps, r, workerId)));
      } catch (err) {
        deps.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'inbox worker cycle failed');
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

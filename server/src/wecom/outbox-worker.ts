import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { WecomAppMessage } from '@scrm/shared';
import { corps, wecomOutbox } from '../db/schema/index';
import type { AppDeps } from '../http/context';
import { wecomClient } from './client';
import { WecomApiError, WecomConfigError, WecomRateLimitError } from './errors';
import { CARD_UPDATE, outboxSkipCheck, type CardUpdateMsg } from './outbox';
import { describeError } from '../http/errors';

export const OUTBOX_MAX_ATTEMPTS = 6;
const LEASE_MS = 60_000;

type Row = typeof wecomOutbox.$inferSelect;

let claimSeq = 0;

/**
 * Claims due messages for this worker: SKIP LOCKED keeps instances off each other's rows, and the
 * claim token it writes fences everything after it (lease renewal, the send, the "done" mark).
 */
async function claim(deps: AppDeps, limit: number, workerId: string): Promise<Row[]> {
  const now = deps.now();
  // Only this server's corp: it has no credentials to send another corp's messages.
  const [corp] = await deps.db.select({ id: corps.id }).from(corps).where(eq(corps.wecomCorpId, deps.config.wecom.corpId));
  if (!corp) return [];
  const token = `${workerId.slice(0, 20)}:${(++claimSeq).toString(36)}`;
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(wecomOutbox)
      .where(and(inArray(wecomOutbox.status, ['pending', 'processing']), lte(wecomOutbox.nextAttemptAt, now), eq(wecomOutbox.corpId, corp.id)))
      .orderBy(asc(wecomOutbox.nextAttemptAt), asc(wecomOutbox.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (rows.length) {
      await tx
        .update(wecomOutbox)
        .set({ status: 'processing', lockedBy: token, nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
        .where(inArray(wecomOutbox.id, rows.map((r) => r.id)));
    }
    return rows.map((r) => ({ ...r, status: 'processing' as const, lockedBy: token }));
  });
}

/** The row, still ours: fenced by the claim token. */
const ours = (row: Row) => and(eq(wecomOutbox.id, row.id), eq(wecomOutbox.status, 'processing'), eq(wecomOutbox.lockedBy, row.lockedBy!));

/**
 * Renews the row's lease right before its send, so a batch sent one by one never outlives its
 * lease; false when another worker took it over meanwhile (then this one must not send it).
 */
async function renewLease(deps: AppDeps, row: Row): Promise<boolean> {
  const res = await deps.db
    .update(wecomOutbox)
    .set({ nextAttemptAt: new Date(deps.now().getTime() + LEASE_MS) })
    .where(ours(row));
  return Number((res as unknown as [{ affectedRows: number }])[0].affectedRows) === 1;
}

/** Sends one message; only a crash between the send and the "done" mark sends it again (at least once). */
async function send(deps: AppDeps, row: Row): Promise<boolean> {
  try {
    if (!(await renewLease(deps, row))) return false;
    const [corp] = await deps.db.select({ wecomCorpId: corps.wecomCorpId }).from(corps).where(eq(corps.id, row.corpId));
    if (corp?.wecomCorpId !== deps.config.wecom.corpId) throw new Error('outbox row of a corp this server has no credentials for');
    if (row.msgType === CARD_UPDATE) return await updateCard(deps, row);
    const skip = await outboxSkipCheck(row.sourceModule)?.(deps.db, row);
    if (skip) {
      await deps.db
        .update(wecomOutbox)
        .set({ status: 'done', lockedBy: null, lastError: `skipped: ${skip}`.slice(0, 2000) })
        .where(ours(row));
      return true;
    }
    const res = await wecomClient(deps).sendMessage(row.toUsers, row.message as unknown as WecomAppMessage);
    await deps.db
      .update(wecomOutbox)
      .set({ status: 'done', lockedBy: null, sentAt: deps.now(), msgId: res.msgid ?? null, responseCode: res.response_code ?? null, lastError: null })
      .where(ours(row));
    return true;
  } catch (err) {
    // WeCom's frequency limit says nothing about the message: back off without spending its retry budget.
    const attempts = err instanceof WecomRateLimitError || err instanceof CardNotSentYet ? row.attempts : row.attempts + 1;
    // 40059: the card's response_code is used up or expired; no retry can bring it back.
    const permanent = err instanceof WecomConfigError || (err instanceof WecomApiError && [40058, 40059, 81013, 82001].includes(err.errcode));
    const dead = permanent || attempts >= OUTBOX_MAX_ATTEMPTS;
    const wait = err instanceof WecomRateLimitError ? err.retryAfterMs : Math.min(3600_000, 5_000 * 2 ** Math.max(0, attempts - 1));
    if (!(err instanceof CardNotSentYet) && !(err instanceof WecomRateLimitError)) deps.logger.warn({ outboxId: row.id, attempts, dead, err }, 'wecom message failed');
    await deps.db
      .update(wecomOutbox)
      .set({
        status: dead ? 'dead' : 'pending',
        attempts,
        lockedBy: null,
        lastError: describeError(err).slice(0, 2000),
        nextAttemptAt: new Date(deps.now().getTime() + wait),
      })
      .where(ours(row));
    return false;
  }
}

/** Waits for the card it updates to be sent (its response_code); a retriable failure until then. */
class CardNotSentYet extends Error {}

/**
 * An `update_template_card` row: the response_code is the row's own (a button press's) or the one
 * WeCom returned when the card (`card`, the card's dedupe key) was sent. A card that was never
 * delivered has nothing to update.
 */
async function updateCard(deps: AppDeps, row: Row): Promise<boolean> {
  const m = row.message as unknown as CardUpdateMsg;
  let responseCode = m.response_code ?? null;
  if (!responseCode && m.card) {
    const [card] = await deps.db
      .select({ status: wecomOutbox.status, responseCode: wecomOutbox.responseCode })
      .from(wecomOutbox)
      .where(and(eq(wecomOutbox.corpId, row.corpId), eq(wecomOutbox.dedupeKey, m.card)));
    if (card && (card.status === 'pending' || card.status === 'processing')) throw new CardNotSentYet(`card ${m.card} not sent yet`);
    responseCode = card?.responseCode ?? null;
  }
  if (responseCode) {
    await wecomClient(deps).updateTemplateCard({ userids: row.toUsers, responseCode, replaceName: m.button.replace_name });
  }
  await deps.db
    .update(wecomOutbox)
    .set({ status: 'done', lockedBy: null, sentAt: deps.now(), responseCode, lastError: responseCode ? null : 'card never delivered: nothing to update' })
    .where(ours(row));
  return true;
}

/** Sends every due message now (tests; WORKERS=off). */
export async function drainOutbox(deps: AppDeps): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  const workerId = `drain-${randomBytes(4).toString('hex')}`;
  for (;;) {
    const rows = await claim(deps, 20, workerId);
    if (!rows.length) return { sent, failed };
    for (const r of rows) ((await send(deps, r)) ? sent++ : failed++);
  }
}

export function startOutboxWorker(deps: AppDeps, opts: { idleMs?: number } = {}) {
  let running = true;
  let wake: (() => void) | undefined;
  const id = randomBytes(3).toString('hex');
  const loop = (async () => {
    while (running) {
      let n = 0;
      try {
        const rows = await claim(deps, 20, `o-${id}`);
        n = rows.length;
        for (const r of rows) await send(deps, r);
      } catch (err) {
        deps.logger.error({ worker: id, err }, 'outbox worker cycle failed');
      }
      if (!n && running) await new Promise<void>((r) => ((wake = r), setTimeout(r, opts.idleMs ?? 500)));
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

/** Marks a button_interaction card done for the users (e.g. "已同意"); the response_code comes from the event. */
export async function completeTemplateCard(deps: AppDeps, input: { userids: string[]; responseCode: string; replaceName: string }): Promise<void> {
  await wecomClient(deps).updateTemplateCard(input);
}

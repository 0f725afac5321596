import { and, eq, gte, inArray, isNotNull, isNull, lt, lte } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { customers, followUps, leads, users } from '../../db/schema/index';
import type { AppDeps } from '../../http/context';
import { runExclusive, startPeriodicJob } from '../../lib/jobs';
import { toIso } from '../../lib/time';
import { enqueueMessage } from '../../wecom/outbox';
import type { Worker } from '../types';

const LOCK_NAME = 'scrm_follow_up_reminders';
const INTERVAL_MS = 5 * 60_000;
/** Follow-ups whose next time is older than this when first seen (e.g. after downtime) are marked, not sent. */
export const STALE_AFTER_MS = 3 * 24 * 3600_000;
/** Rows per pass (the next pass takes the rest). */
const BATCH = 500;

/**
 * Sends the "next follow-up is due" reminder to each follow-up's author, once per follow-up:
 * one SELECT of the due rows (not reminded, next time reached, not stale), one UPDATE marking
 * them, and an outbox message each (deduped by follow-up id and time) — all in the caller's transaction,
 * so a crash sends nothing twice and loses nothing. Editing the next time clears `reminded_at`.
 */
export async function runFollowUpReminders(db: Db, now: Date): Promise<{ reminded: number; skippedStale: number }> {
  const staleBefore = new Date(now.getTime() - STALE_AFTER_MS);
  const stale = await db
    .update(followUps)
    .set({ remindedAt: now })
    .where(and(isNull(followUps.remindedAt), isNotNull(followUps.nextFollowUpAt), lt(followUps.nextFollowUpAt, staleBefore)));
  const due = await db
    .select({
      id: followUps.id,
      corpId: followUps.corpId,
      at: followUps.nextFollowUpAt,
      nextStep: followUps.nextStep,
      customerName: customers.name,
      leadName: leads.name,
      wecomUserId: users.wecomUserId,
    })
    .from(followUps)
    .innerJoin(users, eq(users.id, followUps.authorId))
    .leftJoin(customers, eq(customers.id, followUps.customerId))
    .leftJoin(leads, eq(leads.id, followUps.leadId))
    .where(and(isNull(followUps.remindedAt), lte(followUps.nextFollowUpAt, now), gte(followUps.nextFollowUpAt, staleBefore)))
    .orderBy(followUps.nextFollowUpAt)
    .limit(BATCH)
    .for('update', { skipLocked: true });
  if (due.length) {
    await db.update(followUps).set({ remindedAt: now }).where(and(inArray(followUps.id, due.map((d) => d.id)), isNull(followUps.remindedAt)));
  }
  for (const d of due) {
    const subject = d.customerName ?? (d.leadName ? `线索 ${d.leadName}` : '客户');
    const step = d.nextStep ? `，下一步：${d.nextStep}` : '';
    const when = toIso(d.at)!.slice(0, 16).replace('T', ' ');
    await enqueueMessage(db, {
      corpId: d.corpId,
      toWecomUserIds: [d.wecomUserId],
      message: { msgtype: 'text', text: { content: `跟进提醒：${subject} 约定在 ${when} 再次跟进${step}。` } },
      dedupeKey: `follow-up-next:${d.id}:${d.at!.getTime()}`,
      source: { module: 'followups', ref: `follow_up:${d.id}` },
    });
  }
  return { reminded: due.length, skippedStale: Number((stale as unknown as [{ affectedRows?: number }])[0]?.affectedRows ?? 0) };
}

/** Runs a pass on one instance at a time (a MySQL named lock on a dedicated connection); null when another holds it. */
export function runFollowUpRemindersExclusive(deps: AppDeps): Promise<{ reminded: number; skippedStale: number } | null> {
  return runExclusive(deps, LOCK_NAME, (db) => db.transaction((tx) => runFollowUpReminders(tx, deps.now())));
}

/** The reminder worker: a pass every few minutes (and shortly after start-up) on one instance, deadlocks retried. */
export function startFollowUpReminderWorker(deps: AppDeps): Worker {
  return startPeriodicJob(deps, { name: LOCK_NAME, intervalMs: INTERVAL_MS, firstDelayMs: 7_000, run: (db) => db.transaction((tx) => runFollowUpReminders(tx, deps.now())) });
}

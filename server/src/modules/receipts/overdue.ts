import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contracts, paymentInstalments, users } from '../../db/schema/index';
import { startPeriodicJob } from '../../lib/jobs';
import type { AppDeps } from '../../http/context';
import { enqueueMessage } from '../../wecom/outbox';
import { shanghaiDate } from '../contracts/money';
import type { Worker } from '../types';

/**
 * Marks instalments past their due date and still owed as overdue, and queues one WeCom
 * reminder per instalment to the contract owner. Idempotent; returns how many were marked.
 */
export async function markOverdueInstalments(db: Db, now: Date): Promise<number> {
  const today = shanghaiDate(now);
  const due = await db
    .select({ i: paymentInstalments, number: contracts.number, title: contracts.title, corpId: contracts.corpId, owner: users.wecomUserId })
    .from(paymentInstalments)
    .innerJoin(contracts, eq(contracts.id, paymentInstalments.contractId))
    .innerJoin(users, eq(users.id, contracts.ownerId))
    .where(and(inArray(paymentInstalments.status, ['pending', 'partial', 'overdue']), lt(paymentInstalments.dueOn, today), eq(contracts.status, 'effective')));
  let marked = 0;
  for (const d of due) {
    if (d.i.status !== 'overdue') {
      await db.update(paymentInstalments).set({ status: 'overdue' }).where(eq(paymentInstalments.id, d.i.id));
      marked++;
    }
    if (d.i.remindedAt) continue;
    const owed = ((d.i.amount - d.i.receivedAmount) / 100).toFixed(2);
    await enqueueMessage(db, {
      corpId: d.corpId,
      toWecomUserIds: [d.owner],
      message: { msgtype: 'text', text: { content: `回款逾期提醒：合同 ${d.number}「${d.title}」第 ${d.i.period} 期（应于 ${d.i.dueOn} 回款）尚欠 ${owed} 元。` } },
      dedupeKey: `instalment-overdue:${d.i.id}`,
      source: { module: 'receipts', ref: `instalment:${d.i.id}` },
    });
    await db.update(paymentInstalments).set({ remindedAt: now }).where(and(eq(paymentInstalments.id, d.i.id), isNull(paymentInstalments.remindedAt)));
  }
  return marked;
}

/** Runs the overdue job shortly after start-up and then hourly (it only changes anything once a day). */
export function startOverdueWorker(deps: AppDeps): Worker {
  return startPeriodicJob(deps, {
    name: 'scrm_overdue_instalments',
    intervalMs: 60 * 60 * 1000,
    firstDelayMs: 3_000,
    run: (db) => db.transaction((tx) => markOverdueInstalments(tx, deps.now())),
  });
}

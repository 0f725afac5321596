import { eq } from 'drizzle-orm';
import { visits } from '../../db/schema/index';
import type { AppDeps } from '../../http/context';
import { startPeriodicJob } from '../../lib/jobs';
import { toIso } from '../../lib/time';
import { enqueueMessage } from '../../wecom/outbox';
import type { Worker } from '../types';
import { visitsDueForReminder } from './repo';
import { visitSettingsOf } from './rules';

/** Reminders go out at most this long ahead, whatever a corp configures. */
const MAX_AHEAD_MINUTES = 24 * 60;
const INTERVAL_MS = 60_000;

/**
 * Queues a WeCom reminder (outbox, deduplicated per visit) for each planned visit that starts
 * within its corp's `reminderMinutesBefore`, and marks it reminded. Returns how many were queued.
 */
export async function runVisitReminders(deps: AppDeps): Promise<number> {
  const now = deps.now();
  const due = await visitsDueForReminder(deps.db, now, MAX_AHEAD_MINUTES, 200);
  let queued = 0;
  for (const row of due) {
    const { reminderMinutesBefore } = visitSettingsOf(row.settings.visits);
    if (reminderMinutesBefore === 0) continue;
    if (row.v.plannedStart.getTime() - now.getTime() > reminderMinutesBefore * 60_000) continue;
    await deps.db.transaction(async (tx) => {
      await enqueueMessage(tx, {
        corpId: row.v.corpId,
        toWecomUserIds: [row.wecomUserId],
        dedupeKey: `visit:${row.v.id}:reminder`,
        source: { module: 'visits', ref: String(row.v.id) },
        message: {
          msgtype: 'textcard',
          textcard: {
            title: `拜访提醒：${row.customerName}`,
            description: `计划时间 ${toIso(row.v.plannedStart).slice(11, 16)}（${toIso(row.v.plannedStart).slice(0, 10)}）\n拜访目的：${row.v.purpose}`,
            url: `${deps.config.publicBaseUrl}/pages/visits/detail?id=${row.v.id}`,
            btntxt: '去签到',
          },
        },
      });
      await tx.update(visits).set({ remindedAt: now }).where(eq(visits.id, row.v.id));
    });
    queued++;
  }
  return queued;
}

/** The reminder loop: a round every minute on one instance; `stop` waits for a round in flight. */
export function startVisitReminderWorker(deps: AppDeps): Worker[] {
  return [startPeriodicJob(deps, { name: 'scrm_visit_reminders', intervalMs: INTERVAL_MS, firstDelayMs: INTERVAL_MS, run: (db) => runVisitReminders({ ...deps, db }) })];
}

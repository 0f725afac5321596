import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { approvalTasks, users } from '../../db/schema/index';
import { AppError } from '../../http/errors';
import { enqueueCardUpdate, onOutboxSend, type OutboxRowInfo } from '../../wecom/outbox';
import { onTemplateCardEvent, type TemplateCardEvent } from '../../wecom/events';
import { act } from './service';
import { CARD_MODULE, cardClosedKey, parseCardTaskId } from './notify';

/** A press on the card of a rejected-by-card decision carries no typed comment; this one is recorded. */
export const CARD_REJECT_COMMENT = '在企业微信卡片上驳回';

/**
 * `template_card_event` on an approval card: acts as the presser (who must be the task's
 * approver), then replaces the buttons with the result. A press that loses a race (or repeats)
 * still updates the card with what happened.
 */
export async function handleApprovalCard(ev: TemplateCardEvent): Promise<void> {
  const taskId = parseCardTaskId(ev.taskId) ?? (ev.source ? Number(ev.source.ref) : null);
  if (!taskId) return;
  const [task] = await ev.db
    .select()
    .from(approvalTasks)
    .where(and(eq(approvalTasks.id, taskId), eq(approvalTasks.corpId, ev.corpId)));
  const [user] = await ev.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.corpId, ev.corpId), eq(users.wecomUserId, ev.fromWecomUserId)));
  if (!task || !user || task.approverId !== user.id) {
    ev.deps.logger.warn({ taskId: ev.taskId, from: ev.fromWecomUserId }, 'approval card press by someone who is not its approver');
    return;
  }
  if (ev.responseCode) await ev.db.update(approvalTasks).set({ cardResponseCode: ev.responseCode }).where(eq(approvalTasks.id, task.id));
  const action = ev.eventKey === 'reject' ? 'reject' : ev.eventKey === 'approve' ? 'approve' : null;
  if (!action) return;
  let label = action === 'approve' ? '已同意' : '已驳回';
  try {
    // A savepoint: a refused action must not roll back the inbox transaction around us.
    await ev.db.transaction(async (tx) => {
      await act(tx, ev.deps, {
        corpId: ev.corpId,
        instanceId: task.instanceId,
        actorId: user.id,
        action,
        comment: action === 'reject' ? CARD_REJECT_COMMENT : null,
        via: 'card',
      });
    });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    label = err.status === 409 ? '已处理' : '无法处理';
  }
  if (!ev.responseCode) return;
  // Through the outbox: only if this transaction commits, retried, once per card.
  await enqueueCardUpdate(ev.db, {
    corpId: ev.corpId,
    toWecomUserIds: [ev.fromWecomUserId],
    replaceName: label,
    dedupeKey: cardClosedKey(task.instanceId, task.id),
    responseCode: ev.responseCode,
    source: { module: CARD_MODULE, ref: String(task.id) },
  });
}

/** Outbox "still wanted?" check: a task card whose task was decided before it went out is not sent. */
export async function cardStillWanted(db: Db, row: OutboxRowInfo): Promise<string | null> {
  const taskId = row.msgType === 'template_card' && row.taskId ? parseCardTaskId(row.taskId) : null;
  if (!taskId) return null;
  const [task] = await db
    .select({ status: approvalTasks.status })
    .from(approvalTasks)
    .where(and(eq(approvalTasks.id, taskId), eq(approvalTasks.corpId, row.corpId)));
  return task && task.status !== 'pending' ? `approval task ${taskId} already ${task.status}` : null;
}

let registered = false;
/** Routes approval card presses here and vets approval cards before they are sent (once per process). */
export function registerApprovalCards(): void {
  if (registered) return;
  registered = true;
  onTemplateCardEvent(CARD_MODULE, handleApprovalCard);
  onOutboxSend(CARD_MODULE, cardStillWanted);
}

import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { TemplateCardMsg } from '@scrm/shared';
import type { Db } from '../../db/client';
import { approvalCc, approvalTasks, users } from '../../db/schema/index';
import type { AppDeps } from '../../http/context';
import { enqueueCardUpdate, enqueueMessage } from '../../wecom/outbox';
import type { ApprovalDecision, Instance } from './types';

/** The module name cards are sent under; `template_card_event` presses come back to it. */
export const CARD_MODULE = 'approvals';
/** WeCom task_id of the card sent for one task (allowed chars: letters, digits, `_-@`). */
export const cardTaskId = (taskId: number) => `${CARD_MODULE}-${taskId}`;
export const parseCardTaskId = (taskId: string): number | null => {
  const m = /^approvals-(\d+)$/.exec(taskId);
  return m ? Number(m[1]) : null;
};

/** The outbox dedupe key of a task's card (its row holds WeCom's response_code once sent). */
export const cardDedupeKey = (instanceId: number, taskId: number) => `approval:${instanceId}:task:${taskId}`;
/** The outbox dedupe key of the update that replaces a task card's buttons: once per card. */
export const cardClosedKey = (instanceId: number, taskId: number) => `${cardDedupeKey(instanceId, taskId)}:closed`;

const DOC_NAMES: Record<string, string> = {
  expense: '费用报销',
  advance: '借支',
  quote_discount: '报价折扣',
  contract: '合同',
  contract_change: '合同变更',
  refund: '退款',
};
const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;
const detailUrl = (deps: AppDeps, id: number) => `${deps.config.publicBaseUrl}/pages/approvals/detail?id=${id}`;

async function wecomIds(db: Db, ids: number[]): Promise<Map<number, { wecomUserId: string; name: string }>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: users.id, wecomUserId: users.wecomUserId, name: users.name }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Sends each new pending task's approver a button card (同意 / 驳回) through the outbox. */
export async function notifyApprovers(db: Db, deps: AppDeps, inst: Instance, stepName: string, tasks: (typeof approvalTasks.$inferSelect)[]) {
  const pending = tasks.filter((t) => t.status === 'pending');
  if (!pending.length) return;
  const people = await wecomIds(db, [inst.applicantId, ...pending.map((t) => t.approverId)]);
  const applicant = people.get(inst.applicantId)?.name ?? '';
  for (const task of pending) {
    const to = people.get(task.approverId);
    if (!to) continue;
    const taskId = cardTaskId(task.id);
    const message: TemplateCardMsg = {
      msgtype: 'template_card',
      template_card: {
        card_type: 'button_interaction',
        task_id: taskId,
        main_title: { title: `待审批：${inst.title}`.slice(0, 36), desc: `${DOC_NAMES[inst.docType] ?? '审批'} · ${stepName}` },
        sub_title_text: inst.summary.slice(0, 100),
        horizontal_content_list: [
          { keyname: '申请人', value: applicant },
          ...(inst.amount != null ? [{ keyname: '金额', value: yuan(inst.amount) }] : []),
        ],
        card_action: { type: 1, url: detailUrl(deps, inst.id) },
        button_list: [
          { text: '驳回', style: 2, key: 'reject' },
          { text: '同意', style: 1, key: 'approve' },
        ],
      },
    };
    await enqueueMessage(db, {
      corpId: inst.corpId,
      toWecomUserIds: [to.wecomUserId],
      message,
      dedupeKey: cardDedupeKey(inst.id, task.id),
      source: { module: CARD_MODULE, ref: String(task.id) },
    });
    await db.update(approvalTasks).set({ cardTaskId: taskId }).where(eq(approvalTasks.id, task.id));
  }
}

const DECISION_WORDS: Record<ApprovalDecision, string> = { approved: '已通过', rejected: '被驳回', returned: '被退回修改', withdrawn: '已撤回' };

/** Tells the applicant how their approval ended (or that it came back to them). */
export async function notifyApplicant(db: Db, deps: AppDeps, inst: Instance, decision: ApprovalDecision, comment: string | null) {
  const people = await wecomIds(db, [inst.applicantId]);
  const to = people.get(inst.applicantId);
  if (!to) return;
  await enqueueMessage(db, {
    corpId: inst.corpId,
    toWecomUserIds: [to.wecomUserId],
    message: {
      msgtype: 'textcard',
      textcard: {
        title: `你的${DOC_NAMES[inst.docType] ?? ''}申请${DECISION_WORDS[decision]}`,
        description: `${inst.title}${comment ? `\n意见：${comment}` : ''}`.slice(0, 500),
        url: detailUrl(deps, inst.id),
        btntxt: '查看',
      },
    },
    dedupeKey: `approval:${inst.id}:round:${inst.round}:${decision}`,
    source: { module: CARD_MODULE, ref: String(inst.id) },
  });
}

/** Tells the CC list that an approval went through. */
export async function notifyCc(db: Db, deps: AppDeps, inst: Instance) {
  const rows = await db.select({ userId: approvalCc.userId }).from(approvalCc).where(and(eq(approvalCc.instanceId, inst.id)));
  const people = await wecomIds(db, rows.map((r) => r.userId));
  if (!people.size) return;
  await enqueueMessage(db, {
    corpId: inst.corpId,
    toWecomUserIds: [...people.values()].map((p) => p.wecomUserId),
    message: {
      msgtype: 'textcard',
      textcard: { title: `抄送：${DOC_NAMES[inst.docType] ?? ''}审批已通过`, description: inst.title, url: detailUrl(deps, inst.id), btntxt: '查看' },
    },
    dedupeKey: `approval:${inst.id}:cc`,
    source: { module: CARD_MODULE, ref: String(inst.id) },
  });
}

/** Pending tasks of an instance that were sent a card: taken before an action, to close the cards it settles. */
export function openCardTasks(db: Db, instanceId: number) {
  return db
    .select({ id: approvalTasks.id, approverId: approvalTasks.approverId })
    .from(approvalTasks)
    .where(and(eq(approvalTasks.instanceId, instanceId), eq(approvalTasks.status, 'pending'), isNotNull(approvalTasks.cardTaskId)));
}

const CLOSED_WORDS: Record<string, string> = { approve: '已同意', reject: '已驳回', return: '已退回', transfer: '已转交', withdraw: '已撤回' };

/**
 * After an action: every card of `open` whose task is no longer pending (the actor's own, the other
 * approvers' of a decided step, all of a withdrawn or rejected instance) gets its buttons replaced
 * with the outcome, e.g. "张三已同意", through the outbox (after commit, once the card was sent).
 * `skipTaskId`: a card whose press is being answered with the press's own response_code.
 */
export async function closeSettledCards(
  db: Db,
  inst: Pick<Instance, 'id' | 'corpId'>,
  open: { id: number; approverId: number }[],
  actorId: number,
  action: string,
  skipTaskId?: number,
): Promise<void> {
  const word = CLOSED_WORDS[action];
  if (!word || !open.length) return;
  const now = await db.select({ id: approvalTasks.id, status: approvalTasks.status }).from(approvalTasks).where(inArray(approvalTasks.id, open.map((t) => t.id)));
  const settled = open.filter((t) => t.id !== skipTaskId && now.find((n) => n.id === t.id)?.status !== 'pending');
  if (!settled.length) return;
  const people = await wecomIds(db, [actorId, ...settled.map((t) => t.approverId)]);
  const label = `${people.get(actorId)?.name ?? ''}${word}`;
  for (const t of settled) {
    const to = people.get(t.approverId);
    if (!to) continue;
    await enqueueCardUpdate(db, {
      corpId: inst.corpId,
      toWecomUserIds: [to.wecomUserId],
      replaceName: label,
      dedupeKey: cardClosedKey(inst.id, t.id),
      card: cardDedupeKey(inst.id, t.id),
      source: { module: CARD_MODULE, ref: String(t.id) },
    });
  }
}

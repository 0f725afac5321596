import { and, desc, eq, inArray, max } from 'drizzle-orm';
import type { ApprovalAction, ApprovalDocType } from '@scrm/shared';
import type { Db } from '../../db/client';
import { approvalInstances, approvalSteps, approvalTasks, users } from '../../db/schema/index';
import type { AppDeps } from '../../http/context';
import { errors } from '../../http/errors';
import { toIso } from '../../lib/time';
import { activateFrom, addCc, currentStepRow, finish, flowOf, lastDecision, recordHistory, type Instance, type Via } from './engine';
import { activeFlow, loadApplicant } from './flows';
import { closeSettledCards, notifyApprovers, openCardTasks } from './notify';

export { onApprovalDecided, type ApprovalDecision, type DecisionEvent, type DecisionHandler, type Instance } from './engine';

export interface StartApprovalInput {
  corpId: number;
  docType: ApprovalDocType;
  docId: number;
  applicantUserId: number;
  /** fen; drives amount conditions */
  amount?: number | null;
  currency?: string;
  /** e.g. `{category: ['招待']}` for category conditions */
  attributes?: Record<string, unknown>;
  title: string;
  summary?: string;
}

/**
 * Starts (or, after a return, restarts) the approval of a document inside the caller's
 * transaction. The instance pins the flow version active now; a returned (draft) instance of the
 * same document is restarted in a new round on its original version. Call it after locking the
 * document row. 409 `approval_already_pending` when the document is already under approval.
 */
export async function startApproval(db: Db, deps: AppDeps, input: StartApprovalInput): Promise<Instance> {
  const now = deps.now();
  const [latest] = await db
    .select()
    .from(approvalInstances)
    .where(and(eq(approvalInstances.corpId, input.corpId), eq(approvalInstances.docType, input.docType), eq(approvalInstances.docId, input.docId)))
    .orderBy(desc(approvalInstances.id))
    .limit(1)
    .for('update');
  if (latest?.status === 'pending') throw errors.conflict('approval_already_pending', '该单据正在审批中');
  const fields = {
    title: input.title.slice(0, 200),
    summary: (input.summary ?? '').slice(0, 1000),
    amount: input.amount ?? null,
    currency: input.currency ?? 'CNY',
    attributes: input.attributes ?? {},
  };
  let inst: Instance;
  if (latest?.status === 'draft' && latest.applicantId === input.applicantUserId) {
    await db
      .update(approvalInstances)
      .set({ ...fields, status: 'pending', round: latest.round + 1, decidedAt: null, updatedAt: now })
      .where(eq(approvalInstances.id, latest.id));
    inst = { ...latest, ...fields, status: 'pending', round: latest.round + 1, decidedAt: null };
    await recordHistory(db, deps, inst, { action: 'resubmit', actorId: input.applicantUserId, via: 'app' });
  } else {
    const flow = await activeFlow(db, input.corpId, input.docType);
    const applicant = await loadApplicant(db, input.corpId, input.applicantUserId);
    const [row] = await db
      .insert(approvalInstances)
      .values({
        corpId: input.corpId,
        flowId: flow.id,
        docType: input.docType,
        docId: input.docId,
        applicantId: input.applicantUserId,
        departmentId: applicant.departmentId,
        ...fields,
        status: 'pending',
        round: 1,
        createdAt: now,
        updatedAt: now,
      })
      .$returningId();
    [inst] = (await db.select().from(approvalInstances).where(eq(approvalInstances.id, row!.id))) as [Instance];
    await recordHistory(db, deps, inst, { action: 'submit', actorId: input.applicantUserId, via: 'app' });
    await addCc(db, deps, inst, flow.definition);
  }
  await activateFrom(db, deps, inst, 0);
  const [fresh] = await db.select().from(approvalInstances).where(eq(approvalInstances.id, inst.id));
  return fresh!;
}

/** 409 `document_locked_by_approval` while the document's approval is pending. */
export async function assertNotUnderApproval(db: Db, corpId: number, docType: ApprovalDocType, docId: number): Promise<void> {
  const [row] = await db
    .select({ id: approvalInstances.id })
    .from(approvalInstances)
    .where(and(eq(approvalInstances.corpId, corpId), eq(approvalInstances.docType, docType), eq(approvalInstances.docId, docId), eq(approvalInstances.status, 'pending')))
    .limit(1);
  if (row) throw errors.conflict('document_locked_by_approval', '单据审批中，不能修改');
}

export interface ActInput {
  corpId: number;
  instanceId: number;
  actorId: number;
  action: ApprovalAction;
  comment?: string | null;
  toUserId?: number | null;
  via?: Via;
}

const ACTION_WORDS: Record<string, string> = {
  approve: '同意',
  reject: '驳回',
  return: '退回',
  withdraw: '撤回',
  transfer: '转交',
  complete: '审批通过',
};

/** A 409 telling the loser of a race what happened (who did what, when, and the status now). */
async function alreadyDecided(db: Db, inst: Instance, code = 'approval_already_decided') {
  const last = await lastDecision(db, inst.id);
  let actor: { id: string; name: string } | null = null;
  if (last?.actorId) {
    const [u] = await db.select({ name: users.name }).from(users).where(eq(users.id, last.actorId));
    actor = { id: String(last.actorId), name: u?.name ?? '' };
  }
  const at = last ? toIso(last.createdAt) : null;
  const when = at ? `（${at.slice(0, 16).replace('T', ' ')}）` : '';
  const what = last ? `${actor ? actor.name : '系统'}已${ACTION_WORDS[last.action] ?? last.action}${when}` : '状态已变化';
  return errors.conflict(code, `该审批已被处理：${what}`, {
    status: inst.status,
    actorName: actor?.name ?? null,
    action: last?.action ?? null,
    at,
    lastAction: last ? { action: last.action, actor, comment: last.comment, at } : null,
  });
}

async function activeUser(db: Db, corpId: number, userId: number | null | undefined) {
  if (!userId) throw errors.validation([{ path: 'body.toUserId', message: '请选择人员' }]);
  const [u] = await db.select().from(users).where(and(eq(users.id, userId), eq(users.corpId, corpId), eq(users.status, 'active')));
  if (!u) throw errors.validation([{ path: 'body.toUserId', message: '人员不存在或已停用' }]);
  return u;
}

/**
 * Performs an action on an instance, race-safe: the instance row is locked (FOR UPDATE) for the
 * whole decision, so of two concurrent presses exactly one wins and the other gets 409
 * `approval_already_decided` with what happened. Visibility (404) is the caller's job.
 */
export async function act(db: Db, deps: AppDeps, input: ActInput): Promise<Instance> {
  // Lock as `decide` does, so the cards still open are exactly those this action may settle.
  await db
    .select({ id: approvalInstances.id })
    .from(approvalInstances)
    .where(and(eq(approvalInstances.id, input.instanceId), eq(approvalInstances.corpId, input.corpId)))
    .for('update');
  const open = await openCardTasks(db, input.instanceId);
  const inst = await decide(db, deps, input);
  // A press on a card is answered on that card by the card handler (with the press's response_code).
  const pressed = input.via === 'card' ? open.find((t) => t.approverId === input.actorId)?.id : undefined;
  await closeSettledCards(db, inst, open, input.actorId, input.action, pressed);
  return inst;
}

async function decide(db: Db, deps: AppDeps, input: ActInput): Promise<Instance> {
  const via = input.via ?? 'app';
  const comment = input.comment?.trim() || null;
  const [inst] = (await db
    .select()
    .from(approvalInstances)
    .where(and(eq(approvalInstances.id, input.instanceId), eq(approvalInstances.corpId, input.corpId)))
    .for('update')) as Instance[];
  if (!inst) throw errors.notFound('审批');
  const now = deps.now();

  if (input.action === 'withdraw') {
    if (inst.applicantId !== input.actorId) throw errors.forbidden('只有申请人可以撤回');
    if (inst.status !== 'pending' && inst.status !== 'draft') throw await alreadyDecided(db, inst, 'approval_not_pending');
    await recordHistory(db, deps, inst, { action: 'withdraw', actorId: input.actorId, comment, via });
    await finish(db, deps, inst, 'withdrawn', input.actorId, comment);
    return reload(db, inst.id);
  }

  if (inst.status !== 'pending') throw await alreadyDecided(db, inst);
  const step = await currentStepRow(db, inst);
  const myTasks = await db
    .select()
    .from(approvalTasks)
    .where(and(eq(approvalTasks.instanceId, inst.id), eq(approvalTasks.approverId, input.actorId)))
    .for('update');
  const task = myTasks.find((t) => t.stepId === step?.id && t.status === 'pending');
  if (!task || !step) {
    if (myTasks.length) throw await alreadyDecided(db, inst);
    throw errors.forbidden('你不是当前步骤的审批人');
  }
  const history = { actorId: input.actorId, stepIndex: step.stepIndex, comment, via };

  switch (input.action) {
    case 'approve': {
      await setTask(db, task.id, 'approved', comment, now);
      await recordHistory(db, deps, inst, { action: 'approve', ...history });
      const tasks = await db.select().from(approvalTasks).where(eq(approvalTasks.stepId, step.id)).for('update');
      const live = tasks.filter((t) => t.status === 'pending' || t.status === 'approved');
      const addedDone = live.filter((t) => t.added).every((t) => t.status === 'approved');
      const done = step.mode === 'all' ? live.every((t) => t.status === 'approved') : addedDone && live.some((t) => t.status === 'approved');
      if (done) {
        await db.update(approvalSteps).set({ status: 'approved', decidedAt: now, updatedAt: now }).where(eq(approvalSteps.id, step.id));
        await db
          .update(approvalTasks)
          .set({ status: 'cancelled', updatedAt: now })
          .where(and(eq(approvalTasks.stepId, step.id), eq(approvalTasks.status, 'pending')));
        await activateFrom(db, deps, inst, step.stepIndex + 1);
      } else {
        await touch(db, inst.id, now);
      }
      break;
    }
    case 'reject':
    case 'return': {
      if (input.action === 'reject' && !comment) throw errors.validation([{ path: 'body.comment', message: '驳回时必须填写意见' }]);
      const status = input.action === 'reject' ? 'rejected' : 'returned';
      await setTask(db, task.id, status, comment, now);
      await db.update(approvalSteps).set({ status, decidedAt: now, updatedAt: now }).where(eq(approvalSteps.id, step.id));
      await recordHistory(db, deps, inst, { action: input.action, ...history });
      await finish(db, deps, inst, input.action === 'reject' ? 'rejected' : 'returned', input.actorId, comment);
      break;
    }
    case 'transfer':
    case 'add_approver': {
      const target = await activeUser(db, inst.corpId, input.toUserId);
      if (target.id === inst.applicantId) throw errors.conflict('approver_is_applicant', '不能交给申请人本人审批');
      const pendingInStep = await db
        .select({ approverId: approvalTasks.approverId })
        .from(approvalTasks)
        .where(and(eq(approvalTasks.stepId, step.id), eq(approvalTasks.status, 'pending')))
        .for('update');
      if (pendingInStep.some((t) => t.approverId === target.id)) throw errors.conflict('approver_already_pending', '该人员已是当前步骤的审批人');
      if (input.action === 'transfer') await setTask(db, task.id, 'transferred', comment, now);
      const [row] = await db
        .insert(approvalTasks)
        .values({ corpId: inst.corpId, instanceId: inst.id, stepId: step.id, approverId: target.id, status: 'pending', added: input.action === 'add_approver' || task.added })
        .$returningId();
      await recordHistory(db, deps, inst, { action: input.action, ...history, targetUserId: target.id });
      await touch(db, inst.id, now);
      const fresh = await db.select().from(approvalTasks).where(eq(approvalTasks.id, row!.id));
      await notifyApprovers(db, deps, inst, step.name, fresh);
      break;
    }
  }
  return reload(db, inst.id);
}

async function setTask(db: Db, taskId: number, status: (typeof approvalTasks.$inferSelect)['status'], comment: string | null, now: Date) {
  await db.update(approvalTasks).set({ status, comment, actedAt: now, updatedAt: now }).where(eq(approvalTasks.id, taskId));
}
async function touch(db: Db, id: number, now: Date) {
  await db.update(approvalInstances).set({ updatedAt: now }).where(eq(approvalInstances.id, id));
}
async function reload(db: Db, id: number): Promise<Instance> {
  const [row] = await db.select().from(approvalInstances).where(eq(approvalInstances.id, id));
  return row!;
}

/** The latest instance of a document (for document views), or undefined. */
export async function instanceOfDoc(db: Db, corpId: number, docType: ApprovalDocType, docId: number) {
  const [row] = await db
    .select()
    .from(approvalInstances)
    .where(and(eq(approvalInstances.corpId, corpId), eq(approvalInstances.docType, docType), eq(approvalInstances.docId, docId)))
    .orderBy(desc(approvalInstances.id))
    .limit(1);
  return row;
}

/** The latest instance id of each document (for list views: one query), by document id. */
export async function latestInstanceIdsOfDocs(db: Db, corpId: number, docType: ApprovalDocType, docIds: number[]): Promise<Map<number, number>> {
  if (!docIds.length) return new Map();
  const rows = await db
    .select({ docId: approvalInstances.docId, id: max(approvalInstances.id) })
    .from(approvalInstances)
    .where(and(eq(approvalInstances.corpId, corpId), eq(approvalInstances.docType, docType), inArray(approvalInstances.docId, docIds)))
    .groupBy(approvalInstances.docId);
  return new Map(rows.flatMap((r) => (r.id == null ? [] : [[r.docId, r.id] as [number, number]])));
}

/** Instance ids (of those given) the user takes part in as approver or CC. */
export async function participantInstanceIds(db: Db, userId: number, instanceIds: number[]): Promise<Set<number>> {
  if (!instanceIds.length) return new Set();
  const rows = await db
    .selectDistinct({ id: approvalTasks.instanceId })
    .from(approvalTasks)
    .where(and(eq(approvalTasks.approverId, userId), inArray(approvalTasks.instanceId, instanceIds)));
  return new Set(rows.map((r) => r.id));
}

export { flowOf };

import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { ApprovalDocType, FlowDefinition } from '@scrm/shared';
import type { Db } from '../../db/client';
import { approvalCc, approvalFlows, approvalHistory, approvalInstances, approvalSteps, approvalTasks } from '../../db/schema/index';
import type { AppDeps } from '../../http/context';
import { conditionHolds, loadApplicant, resolveRules } from './flows';
import { notifyApplicant, notifyApprovers, notifyCc } from './notify';
import type { ApprovalDecision, DecisionHandler, Instance, Via } from './types';

export type { ApprovalDecision, DecisionEvent, DecisionHandler, Instance, Via } from './types';

const decisionHandlers = new Map<string, DecisionHandler[]>();

/**
 * Registers what a document does when its approval ends (or is returned), run in the same
 * transaction as the decision: a failing handler rolls the decision back. Returns an unregister function.
 */
export function onApprovalDecided(docType: ApprovalDocType, handler: DecisionHandler): () => void {
  const list = decisionHandlers.get(docType) ?? [];
  if (!list.includes(handler)) list.push(handler);
  decisionHandlers.set(docType, list);
  return () => {
    const i = list.indexOf(handler);
    if (i >= 0) list.splice(i, 1);
  };
}

export async function recordHistory(
  db: Db,
  deps: AppDeps,
  inst: Pick<Instance, 'id' | 'corpId'>,
  entry: {
    action: (typeof approvalHistory.$inferInsert)['action'];
    actorId: number | null;
    targetUserId?: number | null;
    stepIndex?: number | null;
    comment?: string | null;
    via: Via;
  },
): Promise<void> {
  await db.insert(approvalHistory).values({
    corpId: inst.corpId,
    instanceId: inst.id,
    action: entry.action,
    actorId: entry.actorId,
    targetUserId: entry.targetUserId ?? null,
    stepIndex: entry.stepIndex ?? null,
    comment: entry.comment ?? null,
    via: entry.via,
    createdAt: deps.now(),
  });
}

export async function flowOf(db: Db, inst: Instance) {
  const [flow] = await db.select().from(approvalFlows).where(eq(approvalFlows.id, inst.flowId));
  return flow!;
}

/** Ends the instance: status, history, document handlers, notifications. */
export async function finish(db: Db, deps: AppDeps, inst: Instance, decision: ApprovalDecision, actorId: number | null, comment: string | null) {
  const now = deps.now();
  const status = decision === 'returned' ? 'draft' : decision;
  await db
    .update(approvalInstances)
    .set({ status, currentStep: null, decidedAt: decision === 'returned' ? null : now, updatedAt: now })
    .where(eq(approvalInstances.id, inst.id));
  // Cards still open for other approvers of this instance lose their meaning.
  await db
    .update(approvalTasks)
    .set({ status: 'cancelled', updatedAt: now })
    .where(and(eq(approvalTasks.instanceId, inst.id), eq(approvalTasks.status, 'pending')));
  await db
    .update(approvalSteps)
    .set({ status: 'cancelled', updatedAt: now })
    .where(and(eq(approvalSteps.instanceId, inst.id), eq(approvalSteps.status, 'pending')));
  if (decision === 'approved') await recordHistory(db, deps, inst, { action: 'complete', actorId: null, via: 'system' });
  for (const h of decisionHandlers.get(inst.docType) ?? []) {
    await h(db, {
      corpId: inst.corpId,
      docType: inst.docType as ApprovalDocType,
      docId: inst.docId,
      instanceId: inst.id,
      decision,
      actorId,
      comment,
      deps,
    });
  }
  if (decision !== 'withdrawn') await notifyApplicant(db, deps, inst, decision, comment);
  if (decision === 'approved') await notifyCc(db, deps, inst);
}

/**
 * Activates the first applicable step at or after `from` in the instance's round: steps whose
 * condition fails or whose rules find nobody are recorded as skipped. Past the last step the
 * instance is approved.
 */
export async function activateFrom(db: Db, deps: AppDeps, inst: Instance, from: number, definition?: FlowDefinition): Promise<void> {
  const def = definition ?? (await flowOf(db, inst)).definition;
  const applicant = await loadApplicant(db, inst.corpId, inst.applicantId);
  const now = deps.now();
  for (let i = from; i < def.steps.length; i++) {
    const step = def.steps[i]!;
    const applies = conditionHolds(step.when, inst.amount, inst.attributes, applicant);
    const approvers = applies ? await resolveRules(db, step.approvers, applicant) : [];
    const status = approvers.length ? 'pending' : 'skipped';
    const [row] = await db
      .insert(approvalSteps)
      .values({ corpId: inst.corpId, instanceId: inst.id, round: inst.round, stepIndex: i, name: step.name, mode: step.mode, status, decidedAt: approvers.length ? null : now })
      .$returningId();
    if (!approvers.length) {
      await recordHistory(db, deps, inst, { action: 'skip', actorId: null, stepIndex: i, via: 'system', comment: applies ? '未找到审批人，自动跳过' : '不满足条件，跳过' });
      continue;
    }
    await db.insert(approvalTasks).values(
      approvers.map((approverId) => ({ corpId: inst.corpId, instanceId: inst.id, stepId: row!.id, approverId, status: 'pending' as const })),
    );
    await db.update(approvalInstances).set({ currentStep: i, updatedAt: now }).where(eq(approvalInstances.id, inst.id));
    const tasks = await db.select().from(approvalTasks).where(eq(approvalTasks.stepId, row!.id));
    await notifyApprovers(db, deps, { ...inst, currentStep: i }, step.name, tasks);
    return;
  }
  await finish(db, deps, inst, 'approved', null, null);
}

/** Adds the CC users of the flow (once per user). */
export async function addCc(db: Db, deps: AppDeps, inst: Instance, def: FlowDefinition): Promise<void> {
  if (!def.cc.length) return;
  const applicant = await loadApplicant(db, inst.corpId, inst.applicantId);
  const ids = await resolveRules(db, def.cc, applicant);
  if (!ids.length) return;
  const existing = await db
    .select({ userId: approvalCc.userId })
    .from(approvalCc)
    .where(and(eq(approvalCc.instanceId, inst.id), inArray(approvalCc.userId, ids)));
  const fresh = ids.filter((id) => !existing.some((e) => e.userId === id));
  if (fresh.length) {
    await db.insert(approvalCc).values(fresh.map((userId) => ({ corpId: inst.corpId, instanceId: inst.id, userId, createdAt: deps.now() })));
  }
}

/**
 * The latest decision-like history entry by a person (what a loser of a race is told): the engine's
 * own `complete` row is passed over, so an approval that completed the flow names its approver.
 * Locking reads here and in `act` see the winner's committed rows, not the transaction's older snapshot.
 */
export async function lastDecision(db: Db, instanceId: number) {
  const [row] = await db
    .select()
    .from(approvalHistory)
    .where(and(eq(approvalHistory.instanceId, instanceId), inArray(approvalHistory.action, ['approve', 'reject', 'return', 'withdraw', 'transfer'])))
    .orderBy(desc(approvalHistory.id))
    .limit(1)
    .for('update');
  return row;
}

/** The pending step row of the instance's current round. */
export async function currentStepRow(db: Db, inst: Instance) {
  if (inst.currentStep == null) return undefined;
  const [row] = await db
    .select()
    .from(approvalSteps)
    .where(and(eq(approvalSteps.instanceId, inst.id), eq(approvalSteps.round, inst.round), eq(approvalSteps.stepIndex, inst.currentStep)))
    .orderBy(asc(approvalSteps.id))
    .limit(1)
    .for('update');
  return row;
}

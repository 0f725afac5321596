import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { ApprovalBox, ApprovalDocType, ApprovalItem } from '@scrm/shared';
import type { Db } from '../../db/client';
import { approvalCc, approvalFlows, approvalHistory, approvalInstances, approvalSteps, approvalTasks, users } from '../../db/schema/index';
import { idStr } from '../../lib/ids';
import { idAfter } from '../../lib/paging';
import { toIso } from '../../lib/time';
import type { Instance } from './types';

const DONE_TASK = ['approved', 'rejected', 'returned', 'transferred'] as const;

/** One page of a box (todo / mine / cc / done) of a user, newest instance first. */
export async function listBox(db: Db, corpId: number, userId: number, box: ApprovalBox, docType: ApprovalDocType | undefined, limit: number, afterId: number | undefined) {
  const conds: SQL[] = [eq(approvalInstances.corpId, corpId)];
  if (docType) conds.push(eq(approvalInstances.docType, docType));
  const after = idAfter(approvalInstances.id, afterId, 'desc');
  if (after) conds.push(after);
  const taskIn = (statuses: readonly string[]) =>
    inArray(
      approvalInstances.id,
      db
        .select({ id: approvalTasks.instanceId })
        .from(approvalTasks)
        .where(and(eq(approvalTasks.corpId, corpId), eq(approvalTasks.approverId, userId), inArray(approvalTasks.status, statuses as never[]))),
    );
  switch (box) {
    case 'todo':
      conds.push(eq(approvalInstances.status, 'pending'), taskIn(['pending']));
      break;
    case 'mine':
      conds.push(eq(approvalInstances.applicantId, userId));
      break;
    case 'cc':
      conds.push(
        inArray(
          approvalInstances.id,
          db.select({ id: approvalCc.instanceId }).from(approvalCc).where(and(eq(approvalCc.corpId, corpId), eq(approvalCc.userId, userId))),
        ),
      );
      break;
    case 'done':
      conds.push(taskIn(DONE_TASK));
      break;
  }
  const rows = await db
    .select({ inst: approvalInstances, applicantName: users.name, definition: approvalFlows.definition })
    .from(approvalInstances)
    .innerJoin(users, eq(users.id, approvalInstances.applicantId))
    .innerJoin(approvalFlows, eq(approvalFlows.id, approvalInstances.flowId))
    .where(and(...conds))
    .orderBy(desc(approvalInstances.id))
    .limit(limit + 1);
  return rows;
}

/**
 * Exact sizes of a user's boxes, each one COUNT over an index (no instance rows read): todo/done on
 * approval_tasks_approver_idx (a pending task exists only while its instance is pending), mine on
 * approval_instances_applicant_idx, cc on approval_cc_uq. Same membership as `listBox`.
 */
export async function boxCounts(db: Db, corpId: number, userId: number): Promise<Record<ApprovalBox, number>> {
  const tasks = (statuses: readonly string[]) =>
    db
      .select({ n: sql<number>`COUNT(DISTINCT ${approvalTasks.instanceId})` })
      .from(approvalTasks)
      .where(and(eq(approvalTasks.corpId, corpId), eq(approvalTasks.approverId, userId), inArray(approvalTasks.status, statuses as never[])));
  const [[todo], [done], [mine], [cc]] = await Promise.all([
    tasks(['pending']),
    tasks(DONE_TASK),
    db
      .select({ n: sql<number>`COUNT(*)` })
      .from(approvalInstances)
      .where(and(eq(approvalInstances.corpId, corpId), eq(approvalInstances.applicantId, userId))),
    db
      .select({ n: sql<number>`COUNT(*)` })
      .from(approvalCc)
      .where(and(eq(approvalCc.corpId, corpId), eq(approvalCc.userId, userId))),
  ]);
  return { todo: Number(todo?.n ?? 0), mine: Number(mine?.n ?? 0), cc: Number(cc?.n ?? 0), done: Number(done?.n ?? 0) };
}

export function presentItem(inst: Instance, applicantName: string, stepName: string | null): ApprovalItem {
  return {
    id: idStr(inst.id),
    docType: inst.docType as ApprovalDocType,
    docId: idStr(inst.docId),
    title: inst.title,
    summary: inst.summary,
    amount: inst.amount == null ? null : { amount: inst.amount, currency: inst.currency },
    status: inst.status,
    applicant: { id: idStr(inst.applicantId), name: applicantName },
    currentStep: inst.currentStep == null ? null : { index: inst.currentStep, name: stepName ?? '' },
    createdAt: toIso(inst.createdAt),
    updatedAt: toIso(inst.updatedAt),
    decidedAt: toIso(inst.decidedAt),
  };
}

export async function instanceParts(db: Db, instanceId: number) {
  const [steps, tasks, cc, history] = await Promise.all([
    db.select().from(approvalSteps).where(eq(approvalSteps.instanceId, instanceId)).orderBy(asc(approvalSteps.round), asc(approvalSteps.stepIndex)),
    db.select().from(approvalTasks).where(eq(approvalTasks.instanceId, instanceId)).orderBy(asc(approvalTasks.id)),
    db.select({ userId: approvalCc.userId }).from(approvalCc).where(eq(approvalCc.instanceId, instanceId)).orderBy(asc(approvalCc.id)),
    db.select().from(approvalHistory).where(eq(approvalHistory.instanceId, instanceId)).orderBy(asc(approvalHistory.id)),
  ]);
  return { steps, tasks, cc, history };
}

export async function userNames(db: Db, ids: (number | null)[]): Promise<Map<number, string>> {
  const uniq = [...new Set(ids.filter((i): i is number => i != null))];
  if (!uniq.length) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, uniq));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** True when the user is a CC of the instance. */
export async function isCc(db: Db, instanceId: number, userId: number): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`1` })
    .from(approvalCc)
    .where(and(eq(approvalCc.instanceId, instanceId), eq(approvalCc.userId, userId)))
    .limit(1);
  return !!row;
}

import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { contractChangeBody, planChangeBody } from '@scrm/shared';
import type { Db } from '../../db/client';
import { contracts, docChanges } from '../../db/schema/index';
import type { AppDeps, AuthUser } from '../../http/context';
import { errors } from '../../http/errors';
import { toIso } from '../../lib/time';
import { onApprovalDecided, startApproval, type DecisionEvent } from '../approvals/service';
import { buildLines, fromMilli, shanghaiDate, sumOf } from './money';
import { nextDocNumber } from './numbering';
import { validatePlan, writePlan, type PlanInput } from './plan';
import * as repo from './repo';
import { findEditableContract, findVisibleContract, type MoneyScope } from './visibility';
import { refreshContractMoney } from './rollups';
import { assertCrmOwned } from './service';

type ChangeBody = z.infer<typeof contractChangeBody>;
type ChangeRow = typeof docChanges.$inferSelect;

interface Snapshot {
  amount: number;
  startOn: string | null;
  endOn: string | null;
  lines: { name: string; quantity: number; unitPrice: number; discount: number; amount: number }[];
  instalments: { id?: string; period: number; dueOn: string; amount: number }[];
}

async function snapshotOf(db: Db, c: repo.ContractRow): Promise<Snapshot> {
  const [lines, plan] = await Promise.all([repo.linesOf(db, c.id), repo.instalmentsOf(db, c.id)]);
  return {
    amount: c.amount,
    startOn: c.startOn,
    endOn: c.endOn,
    lines: lines.map((l) => ({ name: l.name, quantity: fromMilli(l.quantityMilli), unitPrice: l.unitPrice, discount: l.discount, amount: l.amount })),
    instalments: plan.map((p) => ({ id: String(p.id), period: p.period, dueOn: p.dueOn, amount: p.amount })),
  };
}

/** Checks a change against the contract as it is now (at request and again when approved). */
async function checkChange(db: Db, c: repo.ContractRow, body: ChangeBody) {
  const lines = body.lines ? buildLines(body.lines) : null;
  const amount = lines ? sumOf(lines) : (body.amount ?? c.amount);
  if (lines && body.amount !== undefined && body.amount !== amount) {
    throw errors.conflict('amount_lines_mismatch', `变更金额 ${body.amount} 分与明细合计 ${amount} 分不一致`);
  }
  if (amount < c.receivedAmount) throw errors.conflict('amount_below_received', `变更后金额不能低于已回款 ${c.receivedAmount} 分`);
  if (amount < c.invoicedAmount) throw errors.conflict('amount_below_invoiced', `变更后金额不能低于已开票 ${c.invoicedAmount} 分`);
  const plan = await repo.instalmentsOf(db, c.id, true);
  let instalments: PlanInput[] | null = null;
  if (body.instalments) instalments = body.instalments;
  else if (amount !== c.amount && plan.length) {
    throw errors.conflict('plan_required_for_amount_change', '合同金额变化时须同时提交新的回款计划');
  }
  if (instalments) validatePlan(instalments, amount, plan);
  return { lines, amount, instalments, plan };
}

/** 合同变更: a signed document with before/after, applied only when approved. */
export async function requestContractChange(db: Db, deps: AppDeps, user: AuthUser, scope: MoneyScope, contractId: number, body: ChangeBody) {
  const c = await findEditableContract(db, scope, contractId, { forUpdate: true });
  assertCrmOwned(c);
  if (c.status !== 'effective') throw errors.conflict('contract_not_effective', '只有已生效的合同可以变更');
  const [pending] = await db
    .select({ id: docChanges.id })
    .from(docChanges)
    .where(and(eq(docChanges.contractId, contractId), eq(docChanges.kind, 'contract'), eq(docChanges.status, 'pending')));
  if (pending) throw errors.conflict('change_already_pending', '该合同已有审批中的变更');
  const { lines, amount, instalments } = await checkChange(db, c, body);
  const before = await snapshotOf(db, c);
  const after: Snapshot = {
    amount,
    startOn: body.startOn === undefined ? c.startOn : body.startOn,
    endOn: body.endOn === undefined ? c.endOn : body.endOn,
    lines: lines ? lines.map((l) => ({ name: l.name, quantity: fromMilli(l.quantityMilli), unitPrice: l.unitPrice, discount: l.discount, amount: l.amount })) : before.lines,
    instalments: instalments ?? before.instalments,
  };
  const now = deps.now();
  const number = await nextDocNumber(db, c.corpId, 'contract_change', now);
  const [row] = await db
    .insert(docChanges)
    .values({ corpId: c.corpId, number, kind: 'contract', contractId, reason: body.reason, before, after, request: body, createdBy: user.id, createdAt: now, updatedAt: now })
    .$returningId();
  await startApproval(db, deps, {
    corpId: c.corpId,
    docType: 'contract_change',
    docId: row!.id,
    applicantUserId: user.id,
    amount,
    title: `合同变更 ${number}（${c.number}）`,
    summary: `金额 ${(c.amount / 100).toFixed(2)} → ${(amount / 100).toFixed(2)} 元；原因：${body.reason}`,
  });
  return presentChange(await findChange(db, c.corpId, row!.id));
}

async function findChange(db: Db, corpId: number, id: number): Promise<ChangeRow> {
  const [row] = await db.select().from(docChanges).where(and(eq(docChanges.corpId, corpId), eq(docChanges.id, id)));
  if (!row) throw errors.notFound('变更单');
  return row;
}

/** Applies an approved contract change (re-checked against the contract as it is now). */
async function onChangeDecided(db: Db, ev: DecisionEvent): Promise<void> {
  const change = await findChange(db, ev.corpId, ev.docId);
  if (change.status !== 'pending') return;
  const now = ev.deps.now();
  if (ev.decision !== 'approved') {
    await db.update(docChanges).set({ status: 'rejected', decidedAt: now }).where(eq(docChanges.id, change.id));
    return;
  }
  const [c] = await db.select().from(contracts).where(eq(contracts.id, change.contractId!)).for('update');
  const body = change.request as ChangeBody;
  const { lines, amount, instalments, plan } = await checkChange(db, c!, body);
  if (lines) await repo.replaceLines(db, c!.corpId, c!.id, lines);
  if (instalments) await writePlan(db, c!.corpId, c!.id, instalments, plan, shanghaiDate(now));
  await db
    .update(contracts)
    .set({
      amount,
      version: c!.version + 1,
      ...(body.startOn !== undefined ? { startOn: body.startOn } : {}),
      ...(body.endOn !== undefined ? { endOn: body.endOn } : {}),
    })
    .where(eq(contracts.id, c!.id));
  await db.update(docChanges).set({ status: 'approved', decidedAt: now }).where(eq(docChanges.id, change.id));
  await refreshContractMoney(db, c!.corpId, c!.id);
}

let wired = false;
export function wireChangeApprovals(): void {
  if (wired) return;
  wired = true;
  onApprovalDecided('contract_change', onChangeDecided);
}

/** 回款计划变更: effective at once (the contract amount is unchanged), with before/after. */
export async function changePlan(db: Db, deps: AppDeps, user: AuthUser, scope: MoneyScope, contractId: number, body: z.infer<typeof planChangeBody>) {
  const c = await findEditableContract(db, scope, contractId, { forUpdate: true });
  assertCrmOwned(c);
  if (c.status === 'pending') throw errors.conflict('contract_in_approval', '合同审批中，不能变更回款计划');
  if (c.status === 'terminated') throw errors.conflict('contract_terminated', '合同已终止');
  const plan = await repo.instalmentsOf(db, contractId, true);
  validatePlan(body.instalments, c.amount, plan);
  const before = await snapshotOf(db, c);
  const now = deps.now();
  await writePlan(db, c.corpId, contractId, body.instalments, plan, shanghaiDate(now));
  const after = await snapshotOf(db, c);
  const number = await nextDocNumber(db, c.corpId, 'plan_change', now);
  const [row] = await db
    .insert(docChanges)
    .values({ corpId: c.corpId, number, kind: 'plan', contractId, status: 'approved', reason: body.reason, before: before.instalments, after: after.instalments, request: body, createdBy: user.id, decidedAt: now, createdAt: now, updatedAt: now })
    .$returningId();
  return presentChange(await findChange(db, c.corpId, row!.id));
}

/** Changes of a contract (contract, plan) newest first. */
export async function changesOf(db: Db, scope: MoneyScope, contractId: number) {
  await findVisibleContract(db, scope, contractId);
  const rows = await db.select().from(docChanges).where(eq(docChanges.contractId, contractId)).orderBy(desc(docChanges.id));
  return rows.map(presentChange);
}

export const presentChange = (r: ChangeRow) => ({
  id: String(r.id),
  number: r.number,
  kind: r.kind,
  contractId: r.contractId ? String(r.contractId) : null,
  orderId: r.orderId ? String(r.orderId) : null,
  status: r.status,
  reason: r.reason,
  before: r.before,
  after: r.after,
  createdBy: r.createdBy ? String(r.createdBy) : null,
  createdAt: toIso(r.createdAt),
});

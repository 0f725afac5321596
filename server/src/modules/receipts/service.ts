import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { createReceiptBody, createRefundBody } from '@scrm/shared';
import type { Db } from '../../db/client';
import { paymentInstalments, receiptAllocations, receipts, refunds } from '../../db/schema/index';
import type { AppDeps, AuthUser } from '../../http/context';
import { errors } from '../../http/errors';
import { toIso } from '../../lib/time';
import { shanghaiDate } from '../contracts/money';
import { nextDocNumber } from '../contracts/numbering';
import { instalmentStatus } from '../contracts/plan';
import * as contractsRepo from '../contracts/repo';
import type { ListScope } from '@scrm/shared';
import { moneyListCondition, assertMoneyDoc, findEditableContract, findVisibleContract, type MoneyScope } from '../contracts/visibility';
import { refreshContractMoney } from '../contracts/rollups';
import { assertCrmOwned } from '../contracts/service';

type ReceiptRow = typeof receipts.$inferSelect;
type InstalmentRow = contractsRepo.InstalmentRow;

/** 409 unless the contract can take money: effective (not in approval, not draft/terminated). */
export function assertContractTakesMoney(c: contractsRepo.ContractRow): void {
  if (c.status === 'pending') throw errors.conflict('contract_in_approval', '合同审批中，审批通过后才能收款');
  if (c.status !== 'effective') throw errors.conflict('contract_not_effective', '合同未生效或已终止，不能收款');
}

/**
 * Spreads an amount over instalments: as given (each within what is still due), or to the
 * earliest periods first. Instalments must be locked by the caller.
 */
export function planAllocations(plan: InstalmentRow[], amount: number, given?: { instalmentId: string; amount: number }[]): Map<number, number> {
  const out = new Map<number, number>();
  const byId = new Map(plan.map((p) => [p.id, p]));
  if (given) {
    const sum = given.reduce((s, a) => s + a.amount, 0);
    if (sum !== amount) throw errors.conflict('allocation_sum_mismatch', `分配合计 ${sum} 分与收款金额 ${amount} 分不一致`);
    for (const a of given) {
      const id = Number(a.instalmentId);
      if (!byId.has(id)) throw errors.conflict('instalment_not_in_plan', '分配的回款计划不属于该合同');
      out.set(id, (out.get(id) ?? 0) + a.amount);
    }
    for (const [id, amt] of out) {
      const p = byId.get(id)!;
      const due = p.amount - p.receivedAmount;
      if (amt > due) {
        throw errors.conflict('allocation_exceeds_due', `第 ${p.period} 期尚欠 ${due} 分，不能分配 ${amt} 分`, { instalmentId: String(id), outstanding: due });
      }
    }
    return out;
  }
  const totalDue = plan.reduce((s, p) => s + p.amount - p.receivedAmount, 0);
  if (amount > totalDue) throw errors.conflict('receipt_exceeds_due', `收款金额超过合同尚欠的 ${totalDue} 分`, { outstanding: totalDue });
  let left = amount;
  for (const p of plan) {
    if (!left) break;
    const take = Math.min(left, p.amount - p.receivedAmount);
    if (take > 0) out.set(p.id, take);
    left -= take;
  }
  return out;
}

/** Adds (or, negative, removes) money on instalments and records the allocation rows. */
async function applyAllocations(db: Db, plan: InstalmentRow[], alloc: Map<number, number>, ref: { corpId: number; receiptId: number; refundId?: number }, now: Date) {
  const today = shanghaiDate(now);
  const byId = new Map(plan.map((p) => [p.id, p]));
  for (const [id, amount] of alloc) {
    const p = byId.get(id)!;
    const received = p.receivedAmount + amount;
    await db.update(paymentInstalments).set({ receivedAmount: received, status: instalmentStatus(p.amount, received, p.dueOn, today) }).where(eq(paymentInstalments.id, id));
    await db.insert(receiptAllocations).values({ corpId: ref.corpId, receiptId: ref.receiptId, refundId: ref.refundId ?? null, instalmentId: id, amount, createdAt: now });
  }
}

/**
 * 收款单. Locks the contract row first, then its instalments, so concurrent receipts against
 * the same plan are serialised and only what is still due is accepted.
 */
export async function createReceipt(
  db: Db,
  deps: AppDeps,
  actor: { corpId: number; userId: number | null },
  scope: MoneyScope,
  body: z.infer<typeof createReceiptBody>,
  erp?: { externalCode: string },
): Promise<ReceiptRow> {
  const c = await findEditableContract(db, scope, Number(body.contractId), { forUpdate: true });
  assertContractTakesMoney(c);
  const plan = await contractsRepo.instalmentsOf(db, c.id, true);
  if (!plan.length) throw errors.conflict('no_payment_plan', '合同还没有回款计划');
  const alloc = planAllocations(plan, body.amount, body.allocations);
  const now = deps.now();
  const number = await nextDocNumber(db, c.corpId, 'receipt', now);
  const [row] = await db
    .insert(receipts)
    .values({
      corpId: c.corpId,
      number,
      contractId: c.id,
      customerId: c.customerId,
      ownerId: c.ownerId,
      amount: body.amount,
      receivedOn: body.receivedOn,
      method: body.method,
      origin: erp ? 'erp' : 'crm',
      externalCode: erp?.externalCode ?? null,
      remark: body.remark ?? null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .$returningId();
  await applyAllocations(db, plan, alloc, { corpId: c.corpId, receiptId: row!.id }, now);
  await refreshContractMoney(db, c.corpId, c.id);
  return (await db.select().from(receipts).where(eq(receipts.id, row!.id)))[0]!;
}

/** A receipt the money scope sees (403 when `edit` and read-only), else 404. */
export async function findReceipt(db: Db, scope: MoneyScope, id: number, opts: { edit?: boolean } = {}): Promise<ReceiptRow> {
  const [r] = await db.select().from(receipts).where(and(eq(receipts.corpId, scope.corpId), eq(receipts.id, id)));
  return assertMoneyDoc(db, scope, r, '收款单', opts);
}

/** Net money of a receipt per instalment (allocations minus refunds). */
async function netAllocations(db: Db, receiptId: number): Promise<Map<number, number>> {
  const rows = await db
    .select({ id: receiptAllocations.instalmentId, net: sql<string>`SUM(${receiptAllocations.amount})` })
    .from(receiptAllocations)
    .where(eq(receiptAllocations.receiptId, receiptId))
    .groupBy(receiptAllocations.instalmentId);
  return new Map(rows.map((r) => [r.id, Number(r.net)]));
}

/** 退款单 against a receipt: takes the money back off its instalments (latest periods first by default). */
export async function createRefund(db: Db, deps: AppDeps, user: AuthUser, scope: MoneyScope, receiptId: number, body: z.infer<typeof createRefundBody>) {
  const r0 = await findReceipt(db, scope, receiptId, { edit: true });
  assertCrmOwned(r0);
  const c = await findVisibleContract(db, { ...scope, level: 'all', userIds: null }, r0.contractId, { forUpdate: true });
  const plan = await contractsRepo.instalmentsOf(db, c.id, true);
  const [r] = await db.select().from(receipts).where(eq(receipts.id, receiptId)).for('update');
  const left = r!.amount - r!.refundedAmount;
  if (body.amount > left) throw errors.conflict('refund_exceeds_receipt', `该收款单最多还可退 ${left} 分`, { refundable: left });
  const net = await netAllocations(db, receiptId);
  const alloc = new Map<number, number>();
  if (body.allocations) {
    const sum = body.allocations.reduce((s, a) => s + a.amount, 0);
    if (sum !== body.amount) throw errors.conflict('allocation_sum_mismatch', `分配合计 ${sum} 分与退款金额 ${body.amount} 分不一致`);
    for (const a of body.allocations) alloc.set(Number(a.instalmentId), (alloc.get(Number(a.instalmentId)) ?? 0) + a.amount);
    for (const [id, amt] of alloc) {
      if (amt > (net.get(id) ?? 0)) throw errors.conflict('refund_exceeds_allocation', '退款分配超过了该收款单在这一期的回款', { instalmentId: String(id) });
    }
  } else {
    let rest = body.amount;
    for (const p of [...plan].reverse()) {
      const take = Math.min(rest, net.get(p.id) ?? 0);
      if (take > 0) alloc.set(p.id, take);
      rest -= take;
    }
  }
  const now = deps.now();
  const number = await nextDocNumber(db, c.corpId, 'refund', now);
  const [row] = await db
    .insert(refunds)
    .values({ corpId: c.corpId, number, receiptId, contractId: c.id, ownerId: r!.ownerId, amount: body.amount, refundedOn: body.refundedOn, reason: body.reason, createdBy: user.id, createdAt: now, updatedAt: now })
    .$returningId();
  await applyAllocations(db, plan, new Map([...alloc].map(([id, a]) => [id, -a])), { corpId: c.corpId, receiptId, refundId: row!.id }, now);
  await db.update(receipts).set({ refundedAmount: r!.refundedAmount + body.amount }).where(eq(receipts.id, receiptId));
  await refreshContractMoney(db, c.corpId, c.id);
  const [refund] = await db.select().from(refunds).where(eq(refunds.id, row!.id));
  return presentRefund(refund!);
}

export const presentRefund = (r: typeof refunds.$inferSelect) => ({
  id: String(r.id),
  number: r.number,
  receiptId: String(r.receiptId),
  contractId: String(r.contractId),
  amount: r.amount,
  refundedOn: r.refundedOn,
  reason: r.reason,
  createdAt: toIso(r.createdAt),
});

/** The API view of a receipt, with its net allocation per instalment when `full`. */
export async function presentReceipt(db: Db, r: ReceiptRow, full = false) {
  const base = {
    id: String(r.id),
    number: r.number,
    contractId: String(r.contractId),
    customerId: String(r.customerId),
    ownerId: String(r.ownerId),
    amount: r.amount,
    refundedAmount: r.refundedAmount,
    receivedOn: r.receivedOn,
    method: r.method,
    origin: r.origin,
    externalCode: r.externalCode,
    remark: r.remark,
    createdAt: toIso(r.createdAt),
  };
  if (!full) return base;
  const net = await netAllocations(db, r.id);
  const refundRows = await db.select().from(refunds).where(eq(refunds.receiptId, r.id)).orderBy(asc(refunds.id));
  return { ...base, allocations: [...net].map(([id, amount]) => ({ instalmentId: String(id), amount })), refunds: refundRows.map(presentRefund) };
}

export function listReceipts(db: Db, scope: MoneyScope, f: { contractId?: number; customerId?: number; afterId?: number; limit: number; listScope: ListScope }) {
  const conds = [moneyListCondition(scope, f.listScope, receipts)];
  if (f.contractId) conds.push(eq(receipts.contractId, f.contractId));
  if (f.customerId) conds.push(eq(receipts.customerId, f.customerId));
  if (f.afterId) conds.push(sql`${receipts.id} < ${f.afterId}`);
  return db.select().from(receipts).where(and(...conds)).orderBy(desc(receipts.id)).limit(f.limit + 1);
}

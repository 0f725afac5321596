import { and, asc, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { createReceivableBody, receivableChangeBody } from '@scrm/shared';
import type { Db } from '../../db/client';
import { customers, receivableChanges, receivables } from '../../db/schema/index';
import type { AppDeps, AuthUser } from '../../http/context';
import { errors } from '../../http/errors';
import { toIso } from '../../lib/time';
import { nextDocNumber } from '../contracts/numbering';
import type { ListScope } from '@scrm/shared';
import { moneyListCondition, assertMoneyDoc, findVisibleContract, requireMoneyCustomer, type MoneyScope } from '../contracts/visibility';
import { assertCrmOwned } from '../contracts/service';
import { findOrder } from '../fulfilment/orders';

export type ReceivableRow = typeof receivables.$inferSelect;

/** What is still owed: amount + signed adjustments − received. */
export const outstandingOf = (r: Pick<ReceivableRow, 'amount' | 'adjustedAmount' | 'receivedAmount'>): number => r.amount + r.adjustedAmount - r.receivedAmount;
const statusOf = (r: Pick<ReceivableRow, 'amount' | 'adjustedAmount' | 'receivedAmount'>) => (outstandingOf(r) <= 0 ? ('settled' as const) : ('open' as const));

/** A receivable the money scope sees (locked when asked; 403 when `edit` and read-only), else 404. */
export async function findReceivable(db: Db, scope: MoneyScope, id: number, opts: { forUpdate?: boolean; edit?: boolean } = {}): Promise<ReceivableRow> {
  const q = db.select().from(receivables).where(and(eq(receivables.corpId, scope.corpId), eq(receivables.id, id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return assertMoneyDoc(db, scope, row, '应收单', { edit: opts.edit });
}

export function listReceivables(db: Db, scope: MoneyScope, f: { listScope: ListScope; customerId?: number; status?: 'open' | 'settled'; afterId?: number; limit: number }) {
  const conds: (SQL | undefined)[] = [moneyListCondition(scope, f.listScope, receivables)];
  if (f.customerId) conds.push(eq(receivables.customerId, f.customerId));
  if (f.status) conds.push(eq(receivables.status, f.status));
  if (f.afterId) conds.push(lt(receivables.id, f.afterId));
  return db.select().from(receivables).where(and(...conds)).orderBy(desc(receivables.id)).limit(f.limit + 1);
}

/**
 * 应收单 by hand, for a customer the caller may see; with a contract or order it must be the
 * customer's, and the receivable is credited to that document's owner (else the customer's owner).
 */
export async function createReceivable(db: Db, deps: AppDeps, user: AuthUser, scope: MoneyScope, body: z.infer<typeof createReceivableBody>): Promise<ReceivableRow> {
  const customer = await requireMoneyCustomer(db, scope, Number(body.customerId));
  let ownerId = customer.ownerId ?? user.id;
  let contractId: number | null = null;
  let orderId: number | null = null;
  if (body.contractId) {
    const c = await findVisibleContract(db, scope, Number(body.contractId));
    if (c.customerId !== customer.id) throw errors.conflict('contract_not_of_customer', '合同不属于该客户');
    contractId = c.id;
    ownerId = c.ownerId;
  }
  if (body.orderId) {
    const o = await findOrder(db, scope, Number(body.orderId));
    if (o.customerId !== customer.id) throw errors.conflict('order_not_of_customer', '订单不属于该客户');
    if (contractId && o.contractId !== contractId) throw errors.conflict('order_not_of_contract', '订单不属于该合同');
    orderId = o.id;
    ownerId = o.ownerId;
  }
  const now = deps.now();
  const number = await nextDocNumber(db, scope.corpId, 'receivable', now);
  const [row] = await db
    .insert(receivables)
    .values({ corpId: scope.corpId, number, customerId: customer.id, contractId, orderId, ownerId, sourceType: 'manual', amount: body.amount, dueOn: body.dueOn, remark: body.remark ?? null, createdAt: now, updatedAt: now })
    .$returningId();
  return findReceivable(db, scope, row!.id);
}

/** 应收变更: a signed adjustment; never below what was already received, never to a negative total. */
export async function changeReceivable(db: Db, deps: AppDeps, user: AuthUser, scope: MoneyScope, id: number, body: z.infer<typeof receivableChangeBody>): Promise<ReceivableRow> {
  const r = await findReceivable(db, scope, id, { forUpdate: true, edit: true });
  assertCrmOwned(r);
  const adjusted = r.adjustedAmount + body.delta;
  const total = r.amount + adjusted;
  if (total < 0) throw errors.conflict('receivable_below_zero', `调整后应收金额不能为负（当前应收 ${r.amount + r.adjustedAmount} 分）`);
  if (total < r.receivedAmount) throw errors.conflict('receivable_below_received', `调整后应收金额不能低于已收 ${r.receivedAmount} 分`, { receivedAmount: r.receivedAmount });
  const now = deps.now();
  const number = await nextDocNumber(db, scope.corpId, 'receivable_change', now);
  await db.insert(receivableChanges).values({ corpId: scope.corpId, number, receivableId: r.id, delta: body.delta, reason: body.reason, createdBy: user.id, createdAt: now });
  const next = { ...r, adjustedAmount: adjusted };
  await db.update(receivables).set({ adjustedAmount: adjusted, status: statusOf(next), updatedAt: now }).where(eq(receivables.id, r.id));
  return findReceivable(db, scope, r.id);
}

/** Money received against a receivable: never beyond what is still owed; settled once nothing is. */
export async function settleReceivable(db: Db, deps: AppDeps, scope: MoneyScope, id: number, amount: number): Promise<ReceivableRow> {
  const r = await findReceivable(db, scope, id, { forUpdate: true, edit: true });
  assertCrmOwned(r);
  const owed = outstandingOf(r);
  if (owed <= 0) throw errors.conflict('receivable_settled', '该应收单已结清');
  if (amount > owed) throw errors.conflict('settlement_exceeds_outstanding', `该应收单尚欠 ${owed} 分，不能收 ${amount} 分`, { outstanding: owed });
  const received = r.receivedAmount + amount;
  await db.update(receivables).set({ receivedAmount: received, status: statusOf({ ...r, receivedAmount: received }), updatedAt: deps.now() }).where(eq(receivables.id, r.id));
  return findReceivable(db, scope, r.id);
}

/** The API view; with the customer's name, and the change documents when `full`. */
export async function presentReceivable(db: Db, r: ReceivableRow, full = false) {
  const [c] = await db.select({ name: customers.name }).from(customers).where(eq(customers.id, r.customerId));
  const base = {
    id: String(r.id),
    number: r.number,
    customerId: String(r.customerId),
    customerName: c?.name ?? '',
    contractId: r.contractId == null ? null : String(r.contractId),
    orderId: r.orderId == null ? null : String(r.orderId),
    ownerId: String(r.ownerId),
    sourceType: r.sourceType,
    sourceId: r.sourceId == null ? null : String(r.sourceId),
    amount: r.amount,
    adjustedAmount: r.adjustedAmount,
    receivedAmount: r.receivedAmount,
    outstanding: Math.max(0, outstandingOf(r)),
    dueOn: r.dueOn,
    status: r.status,
    origin: r.origin,
    externalCode: r.externalCode,
    remark: r.remark,
    createdAt: toIso(r.createdAt),
    updatedAt: toIso(r.updatedAt),
  };
  if (!full) return base;
  const changes = await db.select().from(receivableChanges).where(eq(receivableChanges.receivableId, r.id)).orderBy(asc(receivableChanges.id));
  return {
    ...base,
    changes: changes.map((ch) => ({ id: String(ch.id), number: ch.number, delta: ch.delta, reason: ch.reason, createdBy: ch.createdBy == null ? null : String(ch.createdBy), createdAt: toIso(ch.createdAt) })),
  };
}

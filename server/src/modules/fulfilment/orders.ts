import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createOrderBody, orderChangeBody } from '@scrm/shared';
import type { Db } from '../../db/client';
import { docChanges, orderLines, orders } from '../../db/schema/index';
import type { AppDeps, AuthUser } from '../../http/context';
import { errors } from '../../http/errors';
import { toIso } from '../../lib/time';
import { buildLines, fromMilli, grossOf, sumOf, toMilli } from '../contracts/money';
import { nextDocNumber } from '../contracts/numbering';
import * as contractsRepo from '../contracts/repo';
import { assertMoneyDoc, findEditableContract, requireMoneyCustomer, type MoneyScope } from '../contracts/visibility';

export type OrderRow = typeof orders.$inferSelect;
export type OrderLineRow = typeof orderLines.$inferSelect;

/** An order the money scope sees (locked when asked; 403 when `edit` and read-only), else 404. */
export async function findOrder(db: Db, scope: MoneyScope, id: number, opts: { forUpdate?: boolean; edit?: boolean } = {}): Promise<OrderRow> {
  const q = db.select().from(orders).where(and(eq(orders.corpId, scope.corpId), eq(orders.id, id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return assertMoneyDoc(db, scope, row, '订单', { edit: opts.edit });
}

export const orderLinesOf = (db: Db, orderId: number, lock = false) => {
  const q = db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.lineNo));
  return lock ? q.for('update') : q;
};

/** 订单: from an effective contract (its lines copied) or directly for a visible customer. */
export async function createOrder(db: Db, deps: AppDeps, user: AuthUser, scope: MoneyScope, body: z.infer<typeof createOrderBody>) {
  let customerId: number;
  let ownerId = user.id;
  let contractId: number | null = null;
  let lines;
  if (body.contractId) {
    const c = await findEditableContract(db, scope, Number(body.contractId), { forUpdate: true });
    if (c.status !== 'effective') throw errors.conflict('contract_not_effective', '只有已生效的合同可以下订单');
    const [existing] = await db.select({ id: orders.id }).from(orders).where(and(eq(orders.contractId, c.id), eq(orders.status, 'open')));
    if (existing) throw errors.conflict('contract_already_ordered', '该合同已有未关闭的订单，请通过订单变更调整');
    customerId = c.customerId;
    ownerId = c.ownerId;
    contractId = c.id;
    lines = (await contractsRepo.linesOf(db, c.id)).map(({ id: _id, corpId: _c, contractId: _k, ...l }) => l);
    if (!lines.length) throw errors.conflict('contract_has_no_lines', '合同没有明细，不能生成订单');
  } else {
    if (!body.customerId || !body.lines) throw errors.validation([{ path: 'body.lines', message: '直接下单须指定客户和明细' }]);
    const customer = await requireMoneyCustomer(db, scope, Number(body.customerId));
    customerId = customer.id;
    ownerId = customer.ownerId ?? user.id;
    const cats = await contractsRepo.categoriesOf(db, scope.corpId, body.lines.filter((l) => l.productId).map((l) => Number(l.productId)));
    lines = buildLines(body.lines, (pid) => (pid ? (cats.get(pid) ?? null) : null));
  }
  const now = deps.now();
  const number = await nextDocNumber(db, scope.corpId, 'order', now);
  const [row] = await db
    .insert(orders)
    .values({ corpId: scope.corpId, number, contractId, customerId, ownerId, orderedOn: body.orderedOn, amount: sumOf(lines), remark: body.remark ?? null, createdBy: user.id, createdAt: now, updatedAt: now })
    .$returningId();
  await db.insert(orderLines).values(lines.map((l) => ({ ...l, corpId: scope.corpId, orderId: row!.id })));
  return findOrder(db, scope, row!.id);
}

/** 订单变更: quantities/prices per line with before/after; never below what was shipped. */
export async function changeOrder(db: Db, deps: AppDeps, user: AuthUser, scope: MoneyScope, orderId: number, body: z.infer<typeof orderChangeBody>) {
  const o = await findOrder(db, scope, orderId, { forUpdate: true, edit: true });
  if (o.status !== 'open') throw errors.conflict('order_not_open', '订单已关闭或取消');
  const lines = await orderLinesOf(db, orderId, true);
  const byId = new Map(lines.map((l) => [String(l.id), l]));
  const before = lines.map(presentOrderLine);
  for (const ch of body.lines) {
    const l = byId.get(ch.lineId);
    if (!l) throw errors.conflict('line_not_in_order', '明细不属于该订单');
    const quantityMilli = ch.quantity !== undefined ? toMilli(ch.quantity) : l.quantityMilli;
    if (quantityMilli < l.shippedMilli) throw errors.conflict('quantity_below_shipped', `「${l.name}」数量不能低于已发货 ${fromMilli(l.shippedMilli)}`);
    const unitPrice = ch.unitPrice ?? l.unitPrice;
    const discount = ch.discount ?? l.discount;
    const gross = grossOf(unitPrice, quantityMilli);
    if (discount > gross) throw errors.conflict('discount_exceeds_line', '折扣不能超过该行金额');
    Object.assign(l, { quantityMilli, unitPrice, discount, amount: gross - discount });
    await db.update(orderLines).set({ quantityMilli, unitPrice, discount, amount: gross - discount }).where(eq(orderLines.id, l.id));
  }
  const amount = sumOf(lines);
  if (amount < o.invoicedAmount) throw errors.conflict('amount_below_invoiced', `变更后金额不能低于已开票 ${o.invoicedAmount} 分`);
  await db.update(orders).set({ amount }).where(eq(orders.id, orderId));
  const now = deps.now();
  const number = await nextDocNumber(db, o.corpId, 'order_change', now);
  await db.insert(docChanges).values({
    corpId: o.corpId,
    number,
    kind: 'order',
    orderId,
    contractId: o.contractId,
    status: 'approved',
    reason: body.reason,
    before: { amount: o.amount, lines: before },
    after: { amount, lines: lines.map(presentOrderLine) },
    request: body,
    createdBy: user.id,
    decidedAt: now,
    createdAt: now,
    updatedAt: now,
  });
  return findOrder(db, scope, orderId);
}

export const presentOrderLine = (l: OrderLineRow) => ({
  id: String(l.id),
  lineNo: l.lineNo,
  productId: l.productId ? String(l.productId) : null,
  name: l.name,
  quantity: fromMilli(l.quantityMilli),
  shippedQuantity: fromMilli(l.shippedMilli),
  unitPrice: l.unitPrice,
  discount: l.discount,
  amount: l.amount,
  taxRateBp: l.taxRateBp,
});

export async function presentOrder(db: Db, o: OrderRow) {
  return {
    id: String(o.id),
    number: o.number,
    contractId: o.contractId ? String(o.contractId) : null,
    customerId: String(o.customerId),
    ownerId: String(o.ownerId),
    status: o.status,
    orderedOn: o.orderedOn,
    amount: o.amount,
    shippedAmount: o.shippedAmount,
    invoicedAmount: o.invoicedAmount,
    currency: o.currency,
    remark: o.remark,
    lines: (await orderLinesOf(db, o.id)).map(presentOrderLine),
    createdAt: toIso(o.createdAt),
  };
}

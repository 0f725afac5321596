import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { createReturnBody, createShipmentBody } from '@scrm/shared';
import type { Db } from '../../db/client';
import { assets, orderLines, orders, receivableChanges, receivables, salesReturnLines, salesReturns, shipmentLines, shipments } from '../../db/schema/index';
import type { AppDeps } from '../../http/context';
import { errors } from '../../http/errors';
import { dayjs, toIso } from '../../lib/time';
import { fromMilli, mulDiv, toMilli } from '../contracts/money';
import { nextDocNumber } from '../contracts/numbering';
import { assertMoneyDoc, type MoneyScope } from '../contracts/visibility';
import { refreshContractMoney } from '../contracts/rollups';
import { assertCrmOwned } from '../contracts/service';
import { findOrder, orderLinesOf } from './orders';

type ShipmentRow = typeof shipments.$inferSelect;
export interface ShipLine {
  orderLineId: string;
  quantity: number;
  serialNumbers?: string[];
  warrantyMonths?: number;
}

/**
 * 发货单: locks the order and its lines, refuses over-shipping, values each line at the order
 * line's price, creates the customer's assets, and (for an order without a contract) a receivable.
 */
export async function createShipment(
  db: Db,
  deps: AppDeps,
  actor: { corpId: number; userId: number | null },
  scope: MoneyScope,
  body: Omit<z.infer<typeof createShipmentBody>, 'lines'> & { lines: ShipLine[] },
  erp?: { externalCode: string },
): Promise<ShipmentRow> {
  const o = await findOrder(db, scope, Number(body.orderId), { forUpdate: true, edit: true });
  if (o.status !== 'open') throw errors.conflict('order_not_open', '订单已关闭或取消');
  const lines = await orderLinesOf(db, o.id, true);
  const byId = new Map(lines.map((l) => [String(l.id), l]));
  const planned = body.lines.map((s, i) => {
    const l = byId.get(s.orderLineId);
    if (!l) throw errors.conflict('line_not_in_order', '发货明细不属于该订单');
    const qty = toMilli(s.quantity);
    const left = l.quantityMilli - l.shippedMilli;
    if (qty > left) throw errors.conflict('over_shipping', `「${l.name}」最多还可发 ${fromMilli(left)}`, { orderLineId: s.orderLineId, shippable: fromMilli(left) });
    if (s.serialNumbers && s.serialNumbers.length !== s.quantity) {
      throw errors.validation([{ path: `body.lines.${i}.serialNumbers`, message: '序列号个数须等于发货数量' }]);
    }
    l.shippedMilli += qty;
    return { s, l, qty, amount: mulDiv(l.amount, qty, l.quantityMilli) };
  });
  const amount = planned.reduce((a, p) => a + p.amount, 0);
  const now = deps.now();
  const number = await nextDocNumber(db, o.corpId, 'shipment', now);
  const [row] = await db
    .insert(shipments)
    .values({
      corpId: o.corpId,
      number,
      orderId: o.id,
      contractId: o.contractId,
      customerId: o.customerId,
      ownerId: o.ownerId,
      shippedOn: body.shippedOn,
      carrier: body.carrier ?? null,
      trackingNo: body.trackingNo ?? null,
      amount,
      origin: erp ? 'erp' : 'crm',
      externalCode: erp?.externalCode ?? null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .$returningId();
  for (const p of planned) {
    const [sl] = await db.insert(shipmentLines).values({ corpId: o.corpId, shipmentId: row!.id, orderLineId: p.l.id, quantityMilli: p.qty, amount: p.amount }).$returningId();
    await db.update(orderLines).set({ shippedMilli: p.l.shippedMilli }).where(eq(orderLines.id, p.l.id));
    const warrantyEndOn = dayjs(body.shippedOn).add(p.s.warrantyMonths ?? 12, 'month').format('YYYY-MM-DD');
    const base = { corpId: o.corpId, customerId: o.customerId, ownerId: o.ownerId, productId: p.l.productId, skuId: p.l.skuId, name: p.l.name, shipmentLineId: sl!.id, contractId: o.contractId, deliveredOn: body.shippedOn, warrantyEndOn, createdAt: now, updatedAt: now };
    const serials = p.s.serialNumbers ?? [];
    if (serials.length) {
      const [dup] = await db.select({ s: assets.serialNo }).from(assets).where(and(eq(assets.corpId, o.corpId), inArray(assets.serialNo, serials)));
      if (dup) throw errors.conflict('serial_number_taken', `序列号 ${dup.s} 已登记为客户资产`);
      await db.insert(assets).values(serials.map((serialNo) => ({ ...base, serialNo, quantityMilli: 1000 })));
    } else {
      await db.insert(assets).values({ ...base, serialNo: null, quantityMilli: p.qty });
    }
  }
  await db.update(orders).set({ shippedAmount: o.shippedAmount + amount }).where(eq(orders.id, o.id));
  if (o.contractId) await refreshContractMoney(db, o.corpId, o.contractId);
  else {
    const rnum = await nextDocNumber(db, o.corpId, 'receivable', now);
    await db.insert(receivables).values({ corpId: o.corpId, number: rnum, customerId: o.customerId, orderId: o.id, ownerId: o.ownerId, sourceType: 'shipment', sourceId: row!.id, amount, dueOn: body.shippedOn, createdAt: now, updatedAt: now });
  }
  return (await db.select().from(shipments).where(eq(shipments.id, row!.id)))[0]!;
}

/** A shipment the money scope sees (locked when asked; 403 when `edit` and read-only), else 404. */
export async function findShipment(db: Db, scope: MoneyScope, id: number, opts: { forUpdate?: boolean; edit?: boolean } = {}): Promise<ShipmentRow> {
  const q = db.select().from(shipments).where(and(eq(shipments.corpId, scope.corpId), eq(shipments.id, id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return assertMoneyDoc(db, scope, row, '发货单', { edit: opts.edit });
}

/** 退货单: restores the order lines' shippable quantity, retires the assets, lowers every total. */
export async function createReturn(db: Db, deps: AppDeps, userId: number, scope: MoneyScope, shipmentId: number, body: z.infer<typeof createReturnBody>) {
  const s0 = await findShipment(db, scope, shipmentId, { edit: true });
  assertCrmOwned(s0);
  const o = await findOrder(db, { ...scope, level: 'all', userIds: null }, s0.orderId, { forUpdate: true });
  const olines = await orderLinesOf(db, o.id, true);
  const s = (await db.select().from(shipments).where(eq(shipments.id, shipmentId)).for('update'))[0]!;
  const slines = await db.select().from(shipmentLines).where(eq(shipmentLines.shipmentId, shipmentId)).for('update');
  const byId = new Map(slines.map((l) => [String(l.id), l]));
  const now = deps.now();
  const number = await nextDocNumber(db, s.corpId, 'return', now);
  const planned = body.lines.map((r) => {
    const sl = byId.get(r.shipmentLineId);
    if (!sl) throw errors.conflict('line_not_in_shipment', '退货明细不属于该发货单');
    const qty = toMilli(r.quantity);
    const left = sl.quantityMilli - sl.returnedMilli;
    if (qty > left) throw errors.conflict('over_returning', `最多还可退 ${fromMilli(left)}`, { shipmentLineId: r.shipmentLineId, returnable: fromMilli(left) });
    sl.returnedMilli += qty;
    return { r, sl, qty, amount: mulDiv(sl.amount, qty, sl.quantityMilli) };
  });
  const amount = planned.reduce((a, p) => a + p.amount, 0);
  const [row] = await db.insert(salesReturns).values({ corpId: s.corpId, number, shipmentId, returnedOn: body.returnedOn, reason: body.reason, amount, createdBy: userId, createdAt: now }).$returningId();
  for (const p of planned) {
    await db.insert(salesReturnLines).values({ returnId: row!.id, shipmentLineId: p.sl.id, quantityMilli: p.qty, amount: p.amount });
    await db.update(shipmentLines).set({ returnedMilli: p.sl.returnedMilli }).where(eq(shipmentLines.id, p.sl.id));
    const ol = olines.find((l) => l.id === p.sl.orderLineId)!;
    await db.update(orderLines).set({ shippedMilli: ol.shippedMilli - p.qty }).where(eq(orderLines.id, ol.id));
    await retireAssets(db, p.sl.id, p.qty, p.r.serialNumbers);
  }
  await db.update(shipments).set({ returnedAmount: s.returnedAmount + amount }).where(eq(shipments.id, shipmentId));
  await db.update(orders).set({ shippedAmount: o.shippedAmount - amount }).where(eq(orders.id, o.id));
  if (o.contractId) await refreshContractMoney(db, o.corpId, o.contractId);
  else {
    const [rcv] = await db.select().from(receivables).where(and(eq(receivables.sourceType, 'shipment'), eq(receivables.sourceId, shipmentId))).for('update');
    if (rcv) {
      const cnum = await nextDocNumber(db, s.corpId, 'receivable_change', now);
      await db.insert(receivableChanges).values({ corpId: s.corpId, number: cnum, receivableId: rcv.id, delta: -amount, reason: `退货 ${number}`, createdBy: userId, createdAt: now });
      await db.update(receivables).set({ adjustedAmount: rcv.adjustedAmount - amount }).where(eq(receivables.id, rcv.id));
    }
  }
  return { id: String(row!.id), number, shipmentId: String(shipmentId), amount, returnedOn: body.returnedOn, reason: body.reason };
}

/** Returned serials (or, without serials, the quantity) leave service. */
async function retireAssets(db: Db, shipmentLineId: number, qty: number, serials?: string[]) {
  if (serials?.length) {
    await db.update(assets).set({ status: 'returned' }).where(and(eq(assets.shipmentLineId, shipmentLineId), inArray(assets.serialNo, serials)));
    return;
  }
  const rows = await db.select().from(assets).where(and(eq(assets.shipmentLineId, shipmentLineId), eq(assets.status, 'in_service')));
  let left = qty;
  for (const a of rows) {
    if (left <= 0) break;
    if (a.serialNo == null && a.quantityMilli > left) {
      await db.update(assets).set({ quantityMilli: a.quantityMilli - left }).where(eq(assets.id, a.id));
      left = 0;
    } else {
      await db.update(assets).set({ status: 'returned' }).where(eq(assets.id, a.id));
      left -= a.quantityMilli;
    }
  }
}

export async function presentShipment(db: Db, s: ShipmentRow) {
  const lines = await db.select().from(shipmentLines).where(eq(shipmentLines.shipmentId, s.id));
  return {
    id: String(s.id),
    number: s.number,
    orderId: String(s.orderId),
    contractId: s.contractId ? String(s.contractId) : null,
    customerId: String(s.customerId),
    ownerId: String(s.ownerId),
    shippedOn: s.shippedOn,
    carrier: s.carrier,
    trackingNo: s.trackingNo,
    amount: s.amount,
    returnedAmount: s.returnedAmount,
    origin: s.origin,
    externalCode: s.externalCode,
    lines: lines.map((l) => ({ id: String(l.id), orderLineId: String(l.orderLineId), quantity: fromMilli(l.quantityMilli), returnedQuantity: fromMilli(l.returnedMilli), amount: l.amount })),
    createdAt: toIso(s.createdAt),
  };
}

export const presentAsset = (a: typeof assets.$inferSelect) => ({
  id: String(a.id),
  customerId: String(a.customerId),
  ownerId: String(a.ownerId),
  productId: a.productId ? String(a.productId) : null,
  name: a.name,
  serialNo: a.serialNo,
  quantity: fromMilli(a.quantityMilli),
  contractId: a.contractId ? String(a.contractId) : null,
  deliveredOn: a.deliveredOn,
  warrantyEndOn: a.warrantyEndOn,
  status: a.status,
  location: a.location,
  remark: a.remark,
});

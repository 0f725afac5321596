import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createInvoiceBody, redInvoiceBody } from '@scrm/shared';
import type { Db } from '../../db/client';
import { invoiceLines, invoices, orders } from '../../db/schema/index';
import type { AppDeps, AuthUser } from '../../http/context';
import { errors } from '../../http/errors';
import { toIso } from '../../lib/time';
import { mulDiv, taxOf } from '../contracts/money';
import { nextDocNumber } from '../contracts/numbering';
import { assertMoneyDoc, findEditableContract, type MoneyScope } from '../contracts/visibility';
import { refreshContractMoney } from '../contracts/rollups';
import { findOrder } from './orders';

type InvoiceRow = typeof invoices.$inferSelect;

/** 发票: against a contract or an order (row locked), never beyond what is still invoiceable. */
export async function createInvoice(db: Db, deps: AppDeps, user: AuthUser, scope: MoneyScope, body: z.infer<typeof createInvoiceBody>) {
  let base: { corpId: number; customerId: number; ownerId: number; contractId: number | null; orderId: number | null };
  let invoiceable: number;
  if (body.contractId) {
    const c = await findEditableContract(db, scope, Number(body.contractId), { forUpdate: true });
    if (c.status !== 'effective' && c.status !== 'terminated') throw errors.conflict('contract_not_effective', '合同未生效，不能开票');
    base = { corpId: c.corpId, customerId: c.customerId, ownerId: c.ownerId, contractId: c.id, orderId: null };
    invoiceable = c.amount - c.invoicedAmount;
  } else {
    const o = await findOrder(db, scope, Number(body.orderId), { forUpdate: true, edit: true });
    if (o.contractId) throw errors.conflict('invoice_against_contract', '该订单属于合同，请按合同开票');
    base = { corpId: o.corpId, customerId: o.customerId, ownerId: o.ownerId, contractId: null, orderId: o.id };
    invoiceable = o.amount - o.invoicedAmount;
  }
  const lines = body.lines.map((l) => ({ ...l, taxAmount: taxOf(l.amount, l.taxRateBp) }));
  const amount = lines.reduce((s, l) => s + l.amount, 0);
  if (amount > invoiceable) throw errors.conflict('over_invoicing', `最多还可开票 ${invoiceable} 分`, { invoiceable });
  const now = deps.now();
  const number = await nextDocNumber(db, base.corpId, 'invoice', now);
  const [row] = await db
    .insert(invoices)
    .values({
      ...base,
      number,
      kind: 'blue',
      invoiceType: body.invoiceType,
      invoiceNo: body.invoiceNo ?? null,
      title: body.title,
      taxNo: body.taxNo ?? null,
      issuedOn: body.issuedOn,
      amount,
      taxAmount: lines.reduce((s, l) => s + l.taxAmount, 0),
      createdBy: user.id,
      createdAt: now,
      updatedAt: now,
    })
    .$returningId();
  await db.insert(invoiceLines).values(lines.map((l) => ({ invoiceId: row!.id, name: l.name, amount: l.amount, taxRateBp: l.taxRateBp, taxAmount: l.taxAmount })));
  await afterInvoiceChange(db, base, amount);
  return findInvoice(db, scope, row!.id);
}

async function afterInvoiceChange(db: Db, base: { corpId: number; contractId: number | null; orderId: number | null }, delta: number) {
  if (base.contractId) await refreshContractMoney(db, base.corpId, base.contractId);
  else if (base.orderId) {
    const [o] = await db.select().from(orders).where(eq(orders.id, base.orderId));
    await db.update(orders).set({ invoicedAmount: o!.invoicedAmount + delta }).where(eq(orders.id, base.orderId));
  }
}

/** An invoice the money scope sees (locked when asked; 403 when `edit` and read-only), else 404. */
export async function findInvoice(db: Db, scope: MoneyScope, id: number, opts: { forUpdate?: boolean; edit?: boolean } = {}): Promise<InvoiceRow> {
  const q = db.select().from(invoices).where(and(eq(invoices.corpId, scope.corpId), eq(invoices.id, id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return assertMoneyDoc(db, scope, row, '发票', { edit: opts.edit });
}

/** 红字发票: offsets a blue invoice fully (default) or partly; tax in the original's proportion. */
export async function createRedInvoice(db: Db, deps: AppDeps, user: AuthUser, scope: MoneyScope, invoiceId: number, body: z.infer<typeof redInvoiceBody>) {
  const inv = await findInvoice(db, scope, invoiceId, { forUpdate: true, edit: true });
  if (inv.kind !== 'blue') throw errors.conflict('red_of_red_invoice', '红字发票不能再红冲');
  const left = inv.amount - inv.redAmount;
  const amount = body.amount ?? left;
  if (amount > left || amount <= 0) throw errors.conflict('red_exceeds_invoice', `该发票最多还可红冲 ${left} 分`, { redeemable: left });
  const taxAmount = amount === inv.amount ? inv.taxAmount : mulDiv(amount, inv.taxAmount, inv.amount);
  const now = deps.now();
  const number = await nextDocNumber(db, inv.corpId, 'red_invoice', now);
  const [row] = await db
    .insert(invoices)
    .values({
      corpId: inv.corpId,
      number,
      kind: 'red',
      originalId: inv.id,
      contractId: inv.contractId,
      orderId: inv.orderId,
      customerId: inv.customerId,
      ownerId: inv.ownerId,
      invoiceType: inv.invoiceType,
      invoiceNo: body.invoiceNo ?? null,
      title: inv.title,
      taxNo: inv.taxNo,
      issuedOn: body.issuedOn,
      amount,
      taxAmount,
      reason: body.reason,
      createdBy: user.id,
      createdAt: now,
      updatedAt: now,
    })
    .$returningId();
  await db.insert(invoiceLines).values({ invoiceId: row!.id, name: `红冲 ${inv.number}`, amount, taxRateBp: 0, taxAmount });
  await db.update(invoices).set({ redAmount: inv.redAmount + amount }).where(eq(invoices.id, inv.id));
  await afterInvoiceChange(db, inv, -amount);
  return findInvoice(db, scope, row!.id);
}

export async function presentInvoice(db: Db, i: InvoiceRow) {
  const lines = await db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, i.id));
  return {
    id: String(i.id),
    number: i.number,
    kind: i.kind,
    originalId: i.originalId ? String(i.originalId) : null,
    contractId: i.contractId ? String(i.contractId) : null,
    orderId: i.orderId ? String(i.orderId) : null,
    customerId: String(i.customerId),
    ownerId: String(i.ownerId),
    invoiceType: i.invoiceType,
    invoiceNo: i.invoiceNo,
    title: i.title,
    taxNo: i.taxNo,
    issuedOn: i.issuedOn,
    amount: i.amount,
    taxAmount: i.taxAmount,
    redAmount: i.redAmount,
    reason: i.reason,
    lines: lines.map((l) => ({ name: l.name, amount: l.amount, taxRateBp: l.taxRateBp, taxAmount: l.taxAmount })),
    createdAt: toIso(i.createdAt),
  };
}

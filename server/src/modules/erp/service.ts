import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { ERP_BATCH_MAX, erpCustomerRow, erpReceiptRow, erpReceivableRow, erpShipmentRow, normaliseCustomerName, type ErpEntity, type ErpRowResult } from '@scrm/shared';
import type { DataScope } from '../../auth/scope';
import { systemMoneyScope } from '../contracts/visibility';
import type { Db } from '../../db/client';
import type { AppDeps, AuthUser } from '../../http/context';
import { AppError, errors, isDuplicateKey } from '../../http/errors';
import { nextDocNumber } from '../contracts/numbering';
import { createReceipt } from '../receipts/service';
import { createShipment } from '../fulfilment/shipments';
import { rowsFromWorkbook } from './excel';
import * as repo from './repo';

type Outcome = { status: 'created' | 'updated' | 'unchanged'; id: number };
interface Ctx {
  db: Db;
  deps: AppDeps;
  scope: DataScope;
  userId: number;
}

const hashOf = (row: unknown) => createHash('sha256').update(JSON.stringify(row)).digest('hex');

const linkOf = repo.findLink;
const saveLink = repo.saveLink;

async function contractByRef(db: Db, corpId: number, number?: string, externalCode?: string) {
  if (!number && !externalCode) throw errors.conflict('contract_ref_missing', '请提供合同编号或合同外部编码');
  const c = await repo.findContract(db, corpId, { number, externalCode });
  if (!c) throw errors.conflict('contract_not_found', `找不到合同 ${number ?? externalCode}`);
  return c;
}

/** Customers by ERP code: name, credit code, owner (by WeCom user id). */
async function upsertCustomer(ctx: Ctx, row: z.infer<typeof erpCustomerRow>, hash: string): Promise<Outcome> {
  const { db, scope } = ctx;
  const link = await linkOf(db, scope.corpId, 'customer', row.externalCode);
  if (link?.payloadHash === hash) return { status: 'unchanged', id: link.entityId };
  let ownerId: number | null = null;
  if (row.ownerWecomUserId) {
    const u = await repo.findUserIdByWecomId(db, scope.corpId, row.ownerWecomUserId);
    if (u === undefined) throw errors.conflict('owner_not_found', `找不到负责人 ${row.ownerWecomUserId}`);
    ownerId = u;
  }
  const values = {
    name: row.name,
    nameKey: normaliseCustomerName(row.name),
    creditCode: row.creditCode || null,
    industry: row.industry ?? null,
    address: row.address ?? null,
    ...(ownerId ? { ownerId, ownedAt: ctx.deps.now() } : {}),
  };
  try {
    if (link) {
      await repo.updateCustomer(db, scope.corpId, link.entityId, values);
      await saveLink(db, scope.corpId, 'customer', row.externalCode, link.entityId, hash);
      return { status: 'updated', id: link.entityId };
    }
    const id = await repo.insertCustomer(db, { corpId: scope.corpId, source: 'ERP', ...values });
    await saveLink(db, scope.corpId, 'customer', row.externalCode, id, hash);
    return { status: 'created', id };
  } catch (err) {
    if (isDuplicateKey(err)) throw errors.conflict('customer_duplicate', `已存在同名或同信用代码的客户「${row.name}」`);
    throw err;
  }
}

/** Receipts by ERP code; a changed receipt is refused (the ERP sends a reversal instead). */
async function upsertReceipt(ctx: Ctx, row: z.infer<typeof erpReceiptRow>, hash: string): Promise<Outcome> {
  const { db, scope } = ctx;
  const existing = await repo.findReceiptByCode(db, scope.corpId, row.externalCode);
  if (existing) {
    const link = await linkOf(db, scope.corpId, 'receipt', row.externalCode);
    if (link?.payloadHash === hash) return { status: 'unchanged', id: existing.id };
    throw errors.conflict('erp_receipt_changed', '该收款单已同步且金额已分配；请在 ERP 中做红冲/退款后以新编码同步');
  }
  const c = await contractByRef(db, scope.corpId, row.contractNumber, row.contractExternalCode);
  const r = await createReceipt(
    db,
    ctx.deps,
    { corpId: scope.corpId, userId: ctx.userId },
    systemMoneyScope(scope),
    { contractId: String(c.id), amount: row.amount, receivedOn: row.receivedOn, method: 'bank_transfer', remark: row.method ? `ERP 收款方式：${row.method}` : undefined },
    { externalCode: row.externalCode },
  );
  await saveLink(db, scope.corpId, 'receipt', row.externalCode, r.id, hash);
  return { status: 'created', id: r.id };
}

/** Receivables by ERP code: amount and received amount are the ERP's figures. */
async function upsertReceivable(ctx: Ctx, row: z.infer<typeof erpReceivableRow>, hash: string): Promise<Outcome> {
  const { db, scope } = ctx;
  const existing = await repo.findReceivableByCode(db, scope.corpId, row.externalCode);
  const values = { amount: row.amount, receivedAmount: row.receivedAmount, dueOn: row.dueOn, status: row.receivedAmount >= row.amount ? ('settled' as const) : ('open' as const) };
  if (existing) {
    if (existing.amount === values.amount && existing.receivedAmount === values.receivedAmount && existing.dueOn === values.dueOn) return { status: 'unchanged', id: existing.id };
    await repo.updateReceivable(db, scope.corpId, existing.id, values);
    return { status: 'updated', id: existing.id };
  }
  let customerId: number;
  let ownerId: number;
  let contractId: number | null = null;
  if (row.contractNumber) {
    const c = await contractByRef(db, scope.corpId, row.contractNumber);
    customerId = c.customerId;
    ownerId = c.ownerId;
    contractId = c.id;
  } else {
    const link = row.customerExternalCode ? await linkOf(db, scope.corpId, 'customer', row.customerExternalCode) : undefined;
    if (!link) throw errors.conflict('customer_not_found', `找不到客户 ${row.customerExternalCode ?? ''}（请先同步客户）`);
    const cust = await repo.findCustomer(db, scope.corpId, link.entityId);
    if (!cust) throw errors.conflict('customer_not_found', `找不到客户 ${row.customerExternalCode ?? ''}（请先同步客户）`);
    customerId = cust.id;
    ownerId = cust.ownerId ?? ctx.userId;
  }
  const now = ctx.deps.now();
  const number = await nextDocNumber(db, scope.corpId, 'receivable', now);
  const id = await repo.insertReceivable(db, { corpId: scope.corpId, number, customerId, contractId, ownerId, sourceType: 'erp', origin: 'erp', externalCode: row.externalCode, ...values, createdAt: now, updatedAt: now });
  void hash;
  return { status: 'created', id };
}

/** Shipments by ERP code against a CRM order (by number and line number). */
async function upsertShipment(ctx: Ctx, row: z.infer<typeof erpShipmentRow>, hash: string): Promise<Outcome> {
  const { db, scope } = ctx;
  const link = await linkOf(db, scope.corpId, 'shipment', row.externalCode);
  if (link) {
    if (link.payloadHash === hash) return { status: 'unchanged', id: link.entityId };
    throw errors.conflict('erp_shipment_changed', '该发货单已同步；变更请在 ERP 中做退货后以新编码同步');
  }
  const found = await repo.findOrderWithLines(db, scope.corpId, row.orderNumber);
  if (!found) throw errors.conflict('order_not_found', `找不到订单 ${row.orderNumber}`);
  const { order: o, lines } = found;
  const s = await createShipment(
    db,
    ctx.deps,
    { corpId: scope.corpId, userId: ctx.userId },
    systemMoneyScope(scope),
    {
      orderId: String(o.id),
      shippedOn: row.shippedOn,
      lines: row.lines.map((l) => {
        const ol = lines.find((x) => x.lineNo === l.lineNo);
        if (!ol) throw errors.conflict('line_not_in_order', `订单 ${row.orderNumber} 没有第 ${l.lineNo} 行`);
        return { orderLineId: String(ol.id), quantity: l.quantity, warrantyMonths: 12 };
      }),
    },
    { externalCode: row.externalCode },
  );
  await saveLink(db, scope.corpId, 'shipment', row.externalCode, s.id, hash);
  return { status: 'created', id: s.id };
}

const HANDLERS = {
  customers: { schema: erpCustomerRow, run: upsertCustomer },
  receipts: { schema: erpReceiptRow, run: upsertReceipt },
  receivables: { schema: erpReceivableRow, run: upsertReceivable },
  shipments: { schema: erpShipmentRow, run: upsertShipment },
} as const;

/** ERP sync runs as an admin (the integration account). */
export function assertErpCaller(user: AuthUser): void {
  if (user.role !== 'admin') throw errors.forbidden('只有管理员（ERP 集成账号）可以同步 ERP 数据');
}

/** An Excel import: the first sheet's rows, at least one and at most `ERP_BATCH_MAX`, applied like a JSON batch. */
export async function importErpWorkbook(db: Db, deps: AppDeps, scope: DataScope, user: AuthUser, entity: ErpEntity, workbook: Buffer): Promise<ErpRowResult[]> {
  assertErpCaller(user);
  const rows = await rowsFromWorkbook(workbook, entity);
  if (!rows.length) throw errors.badRequest('empty_workbook', 'Excel 中没有数据行');
  if (rows.length > ERP_BATCH_MAX) throw errors.badRequest('too_many_rows', `每次最多导入 ${ERP_BATCH_MAX} 行`);
  return applyErpBatch(db, deps, scope, user.id, entity, rows);
}

/**
 * Applies a batch row by row, each in its own savepoint: a bad row is reported with its code and
 * message and leaves no trace, the others still apply. Replaying a batch reports `unchanged`.
 */
export async function applyErpBatch(db: Db, deps: AppDeps, scope: DataScope, userId: number, entity: ErpEntity, rows: unknown[]): Promise<ErpRowResult[]> {
  const h = HANDLERS[entity];
  const out: ErpRowResult[] = [];
  for (let i = 0; i < rows.length; i++) {
    const raw = rows[i];
    const externalCode = typeof (raw as { externalCode?: unknown })?.externalCode === 'string' ? (raw as { externalCode: string }).externalCode : null;
    const parsed = h.schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      out.push({ row: i + 1, externalCode, status: 'error', error: { code: 'validation_failed', message: `${issue.path.join('.') || '行'}：${issue.message}` } });
      continue;
    }
    try {
      const r = await db.transaction(async (sp) => (h.run as (c: Ctx, r: unknown, hash: string) => Promise<Outcome>)({ db: sp as Db, deps, scope, userId }, parsed.data, hashOf(parsed.data)));
      out.push({ row: i + 1, externalCode, status: r.status, id: String(r.id) });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      out.push({ row: i + 1, externalCode, status: 'error', error: { code: err.code, message: err.message } });
    }
  }
  return out;
}

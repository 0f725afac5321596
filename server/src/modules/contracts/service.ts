import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createContractBody, patchContractBody } from '@scrm/shared';
import type { Db } from '../../db/client';
import { contracts, userDepartments } from '../../db/schema/index';
import type { AppDeps, AuthUser } from '../../http/context';
import { errors } from '../../http/errors';
import { toIso } from '../../lib/time';
import { instanceOfDoc, latestInstanceIdsOfDocs, onApprovalDecided, startApproval, type DecisionEvent } from '../approvals/service';
import { buildLines, fromMilli, grossOf, shanghaiDate, sumOf, type LineValues } from './money';
import { nextDocNumber } from './numbering';
import { presentInstalment, validatePlan, writePlan, type PlanInput } from './plan';
import * as repo from './repo';
import { findEditableContract, findVisibleContract, requireMoneyCustomer, type MoneyScope } from './visibility';
import { canSeeOwner } from '../../auth/scope';
import { findVisibleOpportunity } from '../opportunities/visibility';
import { refreshContractMoney } from './rollups';

type CreateBody = z.infer<typeof createContractBody>;
type PatchBody = z.infer<typeof patchContractBody>;

/** 409 `erp_document_read_only`: documents synced from the ERP are changed there, not here. */
export function assertCrmOwned(row: { origin: 'crm' | 'erp' }): void {
  if (row.origin === 'erp') throw errors.conflict('erp_document_read_only', '该单据来自 ERP，只能在 ERP 中修改');
}

async function primaryDepartment(db: Db, userId: number): Promise<number | null> {
  const [row] = await db.select({ d: userDepartments.departmentId }).from(userDepartments).where(eq(userDepartments.userId, userId)).orderBy(asc(userDepartments.departmentId)).limit(1);
  return row?.d ?? null;
}

/** Lines for a new contract: given ones, else copied from the accepted quote or the won opportunity. */
async function sourceLines(db: Db, scope: MoneyScope, customerId: number, body: CreateBody): Promise<LineValues[]> {
  if (body.quoteId) {
    const { quote, lines } = await repo.linesFromQuote(db, scope.corpId, Number(body.quoteId));
    if (!quote) throw errors.notFound('报价单');
    if (quote.status !== 'accepted') throw errors.conflict('quote_not_accepted', '只能从客户已接受的报价单生成合同');
    if (body.opportunityId && Number(body.opportunityId) !== quote.opportunityId) throw errors.conflict('quote_not_of_opportunity', '报价单不属于该商机');
    body.opportunityId ??= String(quote.opportunityId);
    if (!body.lines) return copied(lines);
  }
  if (body.opportunityId) {
    const { opp, lines } = await repo.linesFromOpportunity(db, scope.corpId, Number(body.opportunityId));
    if (!opp || !(await findVisibleOpportunity(db, scope, opp.id))) throw errors.notFound('商机');
    if (opp.customerId !== customerId) throw errors.conflict('opportunity_not_of_customer', '商机不属于该客户');
    if (opp.status !== 'won') throw errors.conflict('opportunity_not_won', '只能从已赢单的商机生成合同');
    if (!body.lines && !body.quoteId) return copied(lines);
  }
  if (!body.lines) return [];
  const cats = await repo.categoriesOf(db, scope.corpId, body.lines.filter((l) => l.productId).map((l) => Number(l.productId)));
  return buildLines(body.lines, (pid) => (pid ? (cats.get(pid) ?? null) : null));
}

function copied(lines: { skuId: number; productId: number; categoryId: number | null; name: string; listPrice: number; quantityMilli: number; amount: number }[]): LineValues[] {
  return lines.map((l, i) => ({
    lineNo: i + 1,
    productId: l.productId,
    skuId: l.skuId,
    categoryId: l.categoryId,
    name: l.name,
    quantityMilli: l.quantityMilli,
    unitPrice: l.listPrice,
    discount: Math.max(0, grossOf(l.listPrice, l.quantityMilli) - l.amount),
    amount: l.amount,
    taxRateBp: 1300,
  }));
}

/** The contract amount: the lines' sum; a given amount must agree with it. */
function amountOf(lines: LineValues[], given: number | undefined): number {
  if (!lines.length) {
    if (given === undefined) throw errors.validation([{ path: 'body.amount', message: '请填写合同金额或明细' }]);
    return given;
  }
  const sum = sumOf(lines);
  if (given !== undefined && given !== sum) throw errors.conflict('amount_lines_mismatch', `合同金额 ${given} 分与明细合计 ${sum} 分不一致`);
  if (sum <= 0) throw errors.conflict('amount_not_positive', '合同金额必须大于 0');
  return sum;
}

/** 新建合同 (draft). The owner defaults to the caller and must be inside the caller's scope. */
export async function createContract(db: Db, deps: AppDeps, user: AuthUser, scope: MoneyScope, body: CreateBody) {
  const customer = await requireMoneyCustomer(db, scope, Number(body.customerId));
  const ownerId = body.ownerId ? Number(body.ownerId) : (customer.ownerId ?? user.id);
  if (!canSeeOwner(scope, ownerId)) throw errors.notFound('负责人');
  const lines = await sourceLines(db, scope, customer.id, body);
  const amount = amountOf(lines, body.amount);
  const now = deps.now();
  const number = await nextDocNumber(db, scope.corpId, 'contract', now);
  const [row] = await db
    .insert(contracts)
    .values({
      corpId: scope.corpId,
      number,
      title: body.title,
      customerId: customer.id,
      opportunityId: body.opportunityId ? Number(body.opportunityId) : null,
      quoteId: body.quoteId ? Number(body.quoteId) : null,
      ownerId,
      departmentId: await primaryDepartment(db, ownerId),
      signedOn: body.signedOn,
      startOn: body.startOn ?? null,
      endOn: body.endOn ?? null,
      amount,
      currency: body.currency,
      remark: body.remark ?? null,
      createdBy: user.id,
      createdAt: now,
      updatedAt: now,
    })
    .$returningId();
  await repo.replaceLines(db, scope.corpId, row!.id, lines);
  return findVisibleContract(db, scope, row!.id);
}

/** Edits a draft or rejected contract; afterwards only a contract change may alter it. */
export async function patchContract(db: Db, scope: MoneyScope, id: number, body: PatchBody) {
  const c = await findEditableContract(db, scope, id, { forUpdate: true });
  assertCrmOwned(c);
  if (c.status !== 'draft' && c.status !== 'rejected') throw errors.conflict('contract_not_editable', '合同已提交审批或已生效，请通过合同变更修改');
  let amount = c.amount;
  if (body.lines) {
    const cats = await repo.categoriesOf(db, scope.corpId, body.lines.filter((l) => l.productId).map((l) => Number(l.productId)));
    const lines = buildLines(body.lines, (pid) => (pid ? (cats.get(pid) ?? null) : null));
    amount = amountOf(lines, body.amount);
    await repo.replaceLines(db, scope.corpId, id, lines);
  } else if (body.amount !== undefined) {
    if ((await repo.linesOf(db, id)).length) throw errors.conflict('amount_from_lines', '合同有明细时金额由明细合计得出');
    amount = body.amount;
  }
  const { lines: _l, ...rest } = body;
  await db.update(contracts).set({ ...rest, amount }).where(eq(contracts.id, id));
  return findVisibleContract(db, scope, id);
}

/** 提交审批: draft/rejected → pending, through the approvals engine. The plan must exist and balance. */
export async function submitContract(db: Db, deps: AppDeps, user: AuthUser, scope: MoneyScope, id: number) {
  const c = await findEditableContract(db, scope, id, { forUpdate: true });
  assertCrmOwned(c);
  if (c.status === 'pending') throw errors.conflict('contract_in_approval', '合同正在审批中');
  if (c.status !== 'draft' && c.status !== 'rejected') throw errors.conflict('contract_not_submittable', '只有草稿或被驳回的合同可以提交审批');
  const plan = await repo.instalmentsOf(db, id);
  if (plan.length) validatePlan(plan.map((p) => ({ id: String(p.id), period: p.period, dueOn: p.dueOn, amount: p.amount })), c.amount, plan);
  await db.update(contracts).set({ status: 'pending' }).where(eq(contracts.id, id));
  await startApproval(db, deps, {
    corpId: c.corpId,
    docType: 'contract',
    docId: id,
    applicantUserId: user.id,
    amount: c.amount,
    currency: c.currency,
    title: `合同审批 ${c.number} ${c.title}`,
    summary: `合同金额 ${(c.amount / 100).toFixed(2)} 元，签订日期 ${c.signedOn}`,
  });
  return findVisibleContract(db, scope, id);
}

/** 终止: an effective contract stops taking receipts; what was received stays. */
export async function terminateContract(db: Db, scope: MoneyScope, id: number) {
  const c = await findEditableContract(db, scope, id, { forUpdate: true });
  assertCrmOwned(c);
  if (c.status !== 'effective') throw errors.conflict('contract_not_effective', '只有已生效的合同可以终止');
  await db.update(contracts).set({ status: 'terminated' }).where(eq(contracts.id, id));
  await refreshContractMoney(db, c.corpId, id);
  return findVisibleContract(db, scope, id);
}

/** The approval outcome: approved → effective; rejected → rejected; withdrawn/returned → draft. */
async function onContractDecided(db: Db, ev: DecisionEvent): Promise<void> {
  const status = ev.decision === 'approved' ? 'effective' : ev.decision === 'rejected' ? 'rejected' : 'draft';
  const now = ev.deps.now();
  await db
    .update(contracts)
    .set({ status, ...(status === 'effective' ? { effectiveAt: now } : {}) })
    .where(and(eq(contracts.corpId, ev.corpId), eq(contracts.id, ev.docId), eq(contracts.status, 'pending')));
  if (status === 'effective') {
    const plan = await repo.instalmentsOf(db, ev.docId, true);
    const today = shanghaiDate(now);
    await writePlan(db, ev.corpId, ev.docId, plan.map((p) => ({ id: String(p.id), period: p.period, dueOn: p.dueOn, amount: p.amount })), plan, today);
    await refreshContractMoney(db, ev.corpId, ev.docId);
  }
}

let wired = false;
/** Hooks the contract into the approvals engine (once per process). */
export function wireContractApprovals(): void {
  if (wired) return;
  wired = true;
  onApprovalDecided('contract', onContractDecided);
}

/** 回款计划: set while no money was received; later changes go through a plan change. */
export async function setPlan(db: Db, deps: AppDeps, scope: MoneyScope, id: number, input: PlanInput[]) {
  const c = await findEditableContract(db, scope, id, { forUpdate: true });
  assertCrmOwned(c);
  if (c.status === 'pending') throw errors.conflict('contract_in_approval', '合同审批中，不能修改回款计划');
  if (c.status === 'terminated') throw errors.conflict('contract_terminated', '合同已终止');
  const existing = await repo.instalmentsOf(db, id, true);
  if (existing.some((e) => e.receivedAmount > 0)) throw errors.conflict('plan_has_receipts', '已有回款，请通过回款计划变更调整');
  if (c.status === 'effective' && existing.length) throw errors.conflict('plan_change_required', '合同已生效，请通过回款计划变更调整');
  validatePlan(input.map(({ id: _id, ...rest }) => rest), c.amount, []);
  await writePlan(db, c.corpId, id, input.map(({ id: _id, ...rest }) => rest), existing, shanghaiDate(deps.now()));
  return presentContractFull(db, await findVisibleContract(db, scope, id));
}

/** The API view of a contract (list shape). */
/** What a contract view adds to its row: the customer's name and the latest approval instance. */
export interface ContractExtras {
  customerName: string;
  approvalId: number | null;
}

/** Customer names and latest approval ids of many contracts, in two queries (list pages). */
export async function contractExtras(db: Db, corpId: number, rows: repo.ContractRow[]): Promise<Map<number, ContractExtras>> {
  const [names, approvals] = await Promise.all([
    repo.customerNames(db, corpId, [...new Set(rows.map((r) => r.customerId))]),
    latestInstanceIdsOfDocs(db, corpId, 'contract', rows.map((r) => r.id)),
  ]);
  return new Map(rows.map((r) => [r.id, { customerName: names.get(r.customerId) ?? '', approvalId: approvals.get(r.id) ?? null }]));
}

export function presentContract(c: repo.ContractRow, extras: ContractExtras) {
  return {
    id: String(c.id),
    number: c.number,
    title: c.title,
    customerId: String(c.customerId),
    opportunityId: c.opportunityId ? String(c.opportunityId) : null,
    quoteId: c.quoteId ? String(c.quoteId) : null,
    ownerId: String(c.ownerId),
    status: c.status,
    signedOn: c.signedOn,
    startOn: c.startOn,
    endOn: c.endOn,
    amount: c.amount,
    currency: c.currency,
    receivedAmount: c.receivedAmount,
    refundedAmount: c.refundedAmount,
    invoicedAmount: c.invoicedAmount,
    shippedAmount: c.shippedAmount,
    version: c.version,
    origin: c.origin,
    externalCode: c.externalCode,
    remark: c.remark,
    customerName: extras.customerName,
    approvalId: extras.approvalId == null ? null : String(extras.approvalId),
    createdAt: toIso(c.createdAt),
    updatedAt: toIso(c.updatedAt),
  };
}

/** The API view of a contract with its lines and payment plan. */
export async function presentContractFull(db: Db, c: repo.ContractRow) {
  const [lines, plan, names, approval] = await Promise.all([
    repo.linesOf(db, c.id),
    repo.instalmentsOf(db, c.id),
    repo.customerNames(db, c.corpId, [c.customerId]),
    instanceOfDoc(db, c.corpId, 'contract', c.id),
  ]);
  const base = presentContract(c, { customerName: names.get(c.customerId) ?? '', approvalId: approval?.id ?? null });
  return {
    ...base,
    lines: lines.map((l) => ({
      id: String(l.id),
      productId: l.productId ? String(l.productId) : null,
      skuId: l.skuId ? String(l.skuId) : null,
      name: l.name,
      quantity: fromMilli(l.quantityMilli),
      unitPrice: l.unitPrice,
      discount: l.discount,
      amount: l.amount,
      taxRateBp: l.taxRateBp,
    })),
    instalments: plan.map(presentInstalment),
  };
}

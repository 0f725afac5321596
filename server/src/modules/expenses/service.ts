import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { DEFAULT_EXPENSE_CATEGORIES, type ClaimBody, type ClaimView } from '@scrm/shared';
import { canSeeOwner, type DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { advanceOffsets, expenseAdvances, expenseCategories, expenseClaims, expenseLimits, expenseLines, users } from '../../db/schema/index';
import type { AppDeps, AuthUser } from '../../http/context';
import { errors } from '../../http/errors';
import { idNum, idStr, idStrOrNull } from '../../lib/ids';
import { toIso } from '../../lib/time';
import { requireRole } from '../../auth/roles';
import { onApprovalDecided, startApproval, type DecisionEvent } from '../approvals/service';
import { moneyScopeOf, type MoneyScope } from '../contracts/visibility';
import * as repo from './repo';
import { attachFiles, filesOf, presentFile, registerAttachmentVisibility } from '../files/service';

export type Claim = typeof expenseClaims.$inferSelect;
export const VOUCHER_DOC = 'expense_claim';


/** The corp's categories, creating the defaults (差旅, 交通, 住宿, 招待, 礼品, 其他) the first time. */
export async function ensureCategories(db: Db, corpId: number) {
  let rows = await db.select().from(expenseCategories).where(eq(expenseCategories.corpId, corpId)).orderBy(asc(expenseCategories.sortOrder), asc(expenseCategories.id));
  if (!rows.length) {
    await db.insert(expenseCategories).values(DEFAULT_EXPENSE_CATEGORIES.map((name, i) => ({ corpId, name, sortOrder: i + 1 })));
    rows = await db.select().from(expenseCategories).where(eq(expenseCategories.corpId, corpId)).orderBy(asc(expenseCategories.sortOrder));
  }
  return rows;
}

/**
 * A claim inside the caller's money scope (claims follow their claimant: finance sees all, others
 * their data scope), else 404; `forUpdate` takes a row lock for writes.
 */
export async function findVisibleClaim(db: Db, scope: MoneyScope, id: number, opts: { forUpdate?: boolean } = {}): Promise<Claim> {
  const claim = await repo.claimById(db, scope.corpId, id, opts.forUpdate);
  if (!claim || !canSeeOwner(scope, claim.userId)) throw errors.notFound('报销单');
  return claim;
}

/** Only the claimant changes or submits their claim (403 for others who merely see it). */
export function assertOwnClaim(user: AuthUser, claim: Claim, message: string): void {
  if (claim.userId !== user.id) throw errors.forbidden(message);
}

/** Writes lines and vouchers of a draft claim (replacing previous ones) and its total. */
export async function writeClaimContent(db: Db, deps: AppDeps, user: AuthUser, claimId: number, body: ClaimBody): Promise<void> {
  const cats = await ensureCategories(db, user.corpId);
  const lines = body.lines.map((l, i) => {
    const cat = cats.find((c) => c.id === idNum(l.categoryId) && c.isActive);
    if (!cat) throw errors.validation([{ path: `body.lines.${i}.categoryId`, message: '费用科目不存在或已停用' }]);
    return {
      corpId: user.corpId,
      claimId,
      spentOn: l.spentOn,
      categoryId: cat.id,
      amount: l.amount,
      description: l.description,
      customerId: l.customerId ? idNum(l.customerId) : null,
      opportunityId: l.opportunityId ? idNum(l.opportunityId) : null,
      visitId: l.visitId ? idNum(l.visitId) : null,
      sortOrder: i,
    };
  });
  await db.delete(expenseLines).where(eq(expenseLines.claimId, claimId));
  try {
    await db.insert(expenseLines).values(lines);
  } catch (err) {
    if (String((err as { cause?: { code?: string } }).cause?.code ?? '').startsWith('ER_NO_REFERENCED_ROW')) {
      throw errors.validation([{ path: 'body.lines', message: '关联的客户不存在' }]);
    }
    throw err;
  }
  const total = lines.reduce((s, l) => s + l.amount, 0);
  await db.update(expenseClaims).set({ title: body.title, totalAmount: total, updatedAt: deps.now() }).where(eq(expenseClaims.id, claimId));
  await attachFiles(db, deps, { corpId: user.corpId, uploaderId: user.id, fileIds: body.voucherFileIds.map(idNum), docType: VOUCHER_DOC, docId: claimId, replace: true });
}

/** 409 `expense_over_limit` when a category's total in the claim exceeds the applicant role's limit. */
async function checkLimits(db: Db, claim: Claim, role: string) {
  const rows = await db
    .select({ categoryId: expenseLines.categoryId, total: sql<number>`SUM(${expenseLines.amount})`, name: expenseCategories.name, max: expenseLimits.maxPerClaim })
    .from(expenseLines)
    .innerJoin(expenseCategories, eq(expenseCategories.id, expenseLines.categoryId))
    .innerJoin(expenseLimits, and(eq(expenseLimits.categoryId, expenseLines.categoryId), eq(expenseLimits.role, role as never)))
    .where(eq(expenseLines.claimId, claim.id))
    .groupBy(expenseLines.categoryId, expenseCategories.name, expenseLimits.maxPerClaim);
  const over = rows.filter((r) => Number(r.total) > r.max);
  if (over.length) {
    throw errors.conflict(
      'expense_over_limit',
      over.map((o) => `${o.name}合计 ${(Number(o.total) / 100).toFixed(2)} 元，超过上限 ${(o.max / 100).toFixed(2)} 元`).join('；'),
      over.map((o) => ({ categoryId: idStr(o.categoryId), total: Number(o.total), limit: o.max })),
    );
  }
}

/** Submits a draft claim into approval (the claim is locked while pending). */
export async function submitClaim(db: Db, deps: AppDeps, user: AuthUser, claim: Claim): Promise<void> {
  assertOwnClaim(user, claim, '只能提交自己的报销单');
  if (claim.status !== 'draft') throw errors.conflict('claim_not_draft', '只有草稿状态的报销单可以提交');
  await checkLimits(db, claim, user.role);
  const cats = await db
    .selectDistinct({ name: expenseCategories.name })
    .from(expenseLines)
    .innerJoin(expenseCategories, eq(expenseCategories.id, expenseLines.categoryId))
    .where(eq(expenseLines.claimId, claim.id));
  const inst = await startApproval(db, deps, {
    corpId: user.corpId,
    docType: 'expense',
    docId: claim.id,
    applicantUserId: user.id,
    amount: claim.totalAmount,
    attributes: { category: cats.map((c) => c.name) },
    title: `费用报销：${claim.title}`,
    summary: `${cats.map((c) => c.name).join('、')} 合计 ${(claim.totalAmount / 100).toFixed(2)} 元`,
  });
  const status = inst.status === 'approved' ? 'approved' : 'pending';
  await db
    .update(expenseClaims)
    .set({ status, approvalInstanceId: inst.id, submittedAt: deps.now(), approvedAt: status === 'approved' ? deps.now() : null, updatedAt: deps.now() })
    .where(eq(expenseClaims.id, claim.id));
}

/** Hooks claims and advances into approvals and vouchers into file visibility (called by module.ts; idempotent). */
export function wireExpenses(): void {
  onApprovalDecided('expense', onClaimDecided);
  onApprovalDecided('advance', onAdvanceDecided);
  registerAttachmentVisibility(VOUCHER_DOC, voucherVisible);
}

async function onClaimDecided(db: Db, ev: DecisionEvent): Promise<void> {
  const status = ev.decision === 'approved' ? 'approved' : ev.decision === 'rejected' ? 'rejected' : 'draft';
  await db
    .update(expenseClaims)
    .set({ status, approvedAt: ev.decision === 'approved' ? ev.deps.now() : null, updatedAt: ev.deps.now() })
    .where(and(eq(expenseClaims.id, ev.docId), eq(expenseClaims.corpId, ev.corpId)));
}

async function onAdvanceDecided(db: Db, ev: DecisionEvent): Promise<void> {
  const status = ev.decision === 'approved' ? 'approved' : ev.decision === 'rejected' ? 'rejected' : 'draft';
  await db
    .update(expenseAdvances)
    .set({ status, approvedAt: ev.decision === 'approved' ? ev.deps.now() : null, updatedAt: ev.deps.now() })
    .where(and(eq(expenseAdvances.id, ev.docId), eq(expenseAdvances.corpId, ev.corpId)));
}

/** A voucher is visible with its claim. */
async function voucherVisible(db: Db, user: AuthUser, scope: DataScope, docId: number): Promise<boolean> {
  const c = await repo.claimById(db, user.corpId, docId);
  return !!c && canSeeOwner(moneyScopeOf(user, scope), c.userId);
}

/**
 * Finance marks an approved claim reimbursed, offsetting advances of the same person (each at
 * most its outstanding balance; all offsets at most the claim total). Paid = total − offsets.
 */
export async function reimburse(
  db: Db,
  deps: AppDeps,
  user: AuthUser,
  claim: Claim,
  input: { reimbursedOn: string; method: Claim['reimburseMethod'] & string; amount?: number; offsets: { advanceId: string; amount: number }[] },
): Promise<void> {
  requireRole(user, ['finance', 'admin'], '只有财务可以标记报销');
  if (claim.status !== 'approved') throw errors.conflict('claim_not_approved', '只有审批通过的报销单可以报销');
  const offsetTotal = input.offsets.reduce((s, o) => s + o.amount, 0);
  if (offsetTotal > claim.totalAmount) throw errors.conflict('offset_exceeds_claim', '冲抵金额合计不能超过报销金额');
  const paid = claim.totalAmount - offsetTotal;
  if (input.amount !== undefined && input.amount !== paid) {
    throw errors.conflict('reimburse_amount_mismatch', `实付金额应为报销金额减去冲抵金额：${(paid / 100).toFixed(2)} 元`, { expected: paid });
  }
  const ids = [...new Set(input.offsets.map((o) => idNum(o.advanceId)))];
  if (ids.length !== input.offsets.length) throw errors.validation([{ path: 'body.offsets', message: '同一笔借支只能冲抵一次' }]);
  const advances = ids.length
    ? await db
        .select()
        .from(expenseAdvances)
        .where(and(eq(expenseAdvances.corpId, user.corpId), inArray(expenseAdvances.id, ids)))
        .for('update')
    : [];
  const now = deps.now();
  for (const o of input.offsets) {
    const adv = advances.find((a) => a.id === idNum(o.advanceId));
    if (!adv || adv.userId !== claim.userId) throw errors.conflict('advance_not_offsettable', '只能冲抵报销人本人的借支');
    if (adv.status !== 'approved') throw errors.conflict('advance_not_outstanding', '该借支没有未冲抵余额');
    const outstanding = adv.amount - adv.offsetAmount;
    if (o.amount > outstanding) {
      throw errors.conflict('offset_exceeds_outstanding', `冲抵金额超过借支余额（余额 ${(outstanding / 100).toFixed(2)} 元）`, { advanceId: idStr(adv.id), outstanding });
    }
    const offsetAmount = adv.offsetAmount + o.amount;
    await db
      .update(expenseAdvances)
      .set({ offsetAmount, status: offsetAmount === adv.amount ? 'settled' : 'approved', updatedAt: now })
      .where(eq(expenseAdvances.id, adv.id));
    await db.insert(advanceOffsets).values({ corpId: user.corpId, advanceId: adv.id, claimId: claim.id, amount: o.amount, createdBy: user.id, createdAt: now });
  }
  await db
    .update(expenseClaims)
    .set({ status: 'reimbursed', offsetAmount: offsetTotal, paidAmount: paid, reimbursedOn: input.reimbursedOn, reimburseMethod: input.method, reimbursedBy: user.id, updatedAt: now })
    .where(eq(expenseClaims.id, claim.id));
}

/** The claim as the API shows it (with lines and vouchers when `full`). */
export async function presentClaim(db: Db, claim: Claim, full: boolean): Promise<ClaimView> {
  const [u] = await db.select({ name: users.name }).from(users).where(eq(users.id, claim.userId));
  const view: ClaimView = {
    id: idStr(claim.id),
    title: claim.title,
    status: claim.status,
    user: { id: idStr(claim.userId), name: u?.name ?? '' },
    departmentId: idStrOrNull(claim.departmentId),
    total: { amount: claim.totalAmount, currency: claim.currency },
    offsetAmount: claim.offsetAmount,
    paidAmount: claim.paidAmount,
    reimbursedOn: claim.reimbursedOn,
    reimburseMethod: claim.reimburseMethod,
    approvalInstanceId: idStrOrNull(claim.approvalInstanceId),
    submittedAt: toIso(claim.submittedAt),
    createdAt: toIso(claim.createdAt),
    updatedAt: toIso(claim.updatedAt),
  };
  if (!full) return view;
  const lines = await db
    .select({ l: expenseLines, categoryName: expenseCategories.name })
    .from(expenseLines)
    .innerJoin(expenseCategories, eq(expenseCategories.id, expenseLines.categoryId))
    .where(eq(expenseLines.claimId, claim.id))
    .orderBy(asc(expenseLines.sortOrder));
  view.lines = lines.map(({ l, categoryName }) => ({
    id: idStr(l.id),
    spentOn: l.spentOn,
    categoryId: idStr(l.categoryId),
    categoryName,
    amount: l.amount,
    description: l.description,
    customerId: idStrOrNull(l.customerId),
    opportunityId: idStrOrNull(l.opportunityId),
    visitId: idStrOrNull(l.visitId),
  }));
  view.vouchers = (await filesOf(db, claim.corpId, VOUCHER_DOC, claim.id)).map((f) => {
    const p = presentFile(f);
    return { id: p.id, url: p.url, contentType: p.contentType, size: p.size };
  });
  return view;
}

/** Adds a category (409 `category_exists` on a duplicate name); the defaults exist first. */
export async function createCategory(db: Db, corpId: number, body: { name: string; sortOrder?: number; isActive?: boolean }): Promise<number> {
  await ensureCategories(db, corpId);
  if (await repo.categoryByName(db, corpId, body.name)) throw errors.conflict('category_exists', '已有同名费用科目');
  return repo.insertCategory(db, corpId, body);
}

/** Sets (or with null removes) a category's per-claim cap for a role (404 for another corp's category). */
export async function setCategoryLimit(db: Db, corpId: number, categoryId: number, role: Parameters<typeof repo.replaceLimit>[3], maxPerClaim: number | null): Promise<void> {
  if (!(await repo.categoryById(db, corpId, categoryId))) throw errors.notFound('费用科目');
  await repo.replaceLimit(db, corpId, categoryId, role, maxPerClaim);
}

/** A draft claim of the caller with its lines and vouchers. */
export async function createClaim(db: Db, deps: AppDeps, user: AuthUser, body: ClaimBody): Promise<Claim> {
  const id = await repo.insertDraftClaim(db, { corpId: user.corpId, userId: user.id, departmentId: await repo.mainDepartmentOf(db, user.id), title: body.title, now: deps.now() });
  await writeClaimContent(db, deps, user, id, body);
  return (await repo.claimById(db, user.corpId, id))!;
}

/** Spend totals inside the money scope, named and largest first. */
export async function spendTotals(db: Db, scope: MoneyScope, f: { groupBy: repo.TotalsGroup; from: string; to: string }) {
  const rows = await repo.spendTotals(db, scope, f);
  const names = await repo.groupNames(db, f.groupBy, rows.map((r) => r.key).filter((k): k is number => k != null));
  return rows
    .map((r) => ({ id: r.key == null ? null : idStr(r.key), name: r.key == null ? '（未关联）' : (names.get(r.key) ?? ''), amount: Number(r.amount), lines: Number(r.lines) }))
    .sort((a, b) => b.amount - a.amount);
}

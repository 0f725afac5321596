import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { DEFAULT_EXPENSE_CATEGORIES, type ClaimBody, type ClaimView } from '@scrm/shared';
import { canSeeOwner, type DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { advanceOffsets, expenseAdvances, expenseCategories, expenseClaims, expenseLimits, expenseLines, users } from '../../db/schema/index';
import type { AppDeps, AuthUser } from '../../http/context';
import { errors } from '../../http/errors';
import { idNum, idStr, idStrOrNull } from '../../lib/ids';
import { toIso } from '../../lib/time';
import { onApprovalDecided, startApproval } from '../approvals/service';
import { attachFiles, filesOf, presentFile, registerAttachmentVisibility } from '../files/service';

export type Claim = typeof expenseClaims.$inferSelect;
export const VOUCHER_DOC = 'expense_claim';

/** Finance and admin see every claim and advance; others their data scope (own / led subtree). */
export function expenseScope(user: AuthUser, scope: DataScope): DataScope {
  return user.role === 'finance' || user.role === 'admin' ? { ...scope, level: 'all', userIds: null } : scope;
}

/** The corp's categories, creating the defaults (差旅, 交通, 住宿, 招待, 礼品, 其他) the first time. */
export async function ensureCategories(db: Db, corpId: number) {
  let rows = await db.select().from(expenseCategories).where(eq(expenseCategories.corpId, corpId)).orderBy(asc(expenseCategories.sortOrder), asc(expenseCategories.id));
  if (!rows.length) {
    await db.insert(expenseCategories).values(DEFAULT_EXPENSE_CATEGORIES.map((name, i) => ({ corpId, name, sortOrder: i + 1 })));
    rows = await db.select().from(expenseCategories).where(eq(expenseCategories.corpId, corpId)).orderBy(asc(expenseCategories.sortOrder));
  }
  return rows;
}

/** Loads a claim visible to the caller (404 otherwise); `lock` takes a row lock for writes. */
export async function loadClaim(db: Db, user: AuthUser, scope: DataScope, id: number, lock = false): Promise<Claim> {
  const q = db.select().from(expenseClaims).where(and(eq(expenseClaims.id, id), eq(expenseClaims.corpId, user.corpId)));
  const [claim] = lock ? await q.for('update') : await q;
  if (!claim || !canSeeOwner(expenseScope(user, scope), claim.userId)) throw errors.notFound('报销单');
  return claim;
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
  if (claim.userId !== user.id) throw errors.forbidden('只能提交自己的报销单');
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

onApprovalDecided('expense', async (db, ev) => {
  const status = ev.decision === 'approved' ? 'approved' : ev.decision === 'rejected' ? 'rejected' : 'draft';
  await db
    .update(expenseClaims)
    .set({ status, approvedAt: ev.decision === 'approved' ? ev.deps.now() : null, updatedAt: ev.deps.now() })
    .where(and(eq(expenseClaims.id, ev.docId), eq(expenseClaims.corpId, ev.corpId)));
});
onApprovalDecided('advance', async (db, ev) => {
  const status = ev.decision === 'approved' ? 'approved' : ev.decision === 'rejected' ? 'rejected' : 'draft';
  await db
    .update(expenseAdvances)
    .set({ status, approvedAt: ev.decision === 'approved' ? ev.deps.now() : null, updatedAt: ev.deps.now() })
    .where(and(eq(expenseAdvances.id, ev.docId), eq(expenseAdvances.corpId, ev.corpId)));
});
registerAttachmentVisibility(VOUCHER_DOC, async (db, user, scope, docId) => {
  const [c] = await db.select({ userId: expenseClaims.userId }).from(expenseClaims).where(and(eq(expenseClaims.id, docId), eq(expenseClaims.corpId, user.corpId)));
  return !!c && canSeeOwner(expenseScope(user, scope), c.userId);
});

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
  if (user.role !== 'finance' && user.role !== 'admin') throw errors.forbidden('只有财务可以标记报销');
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

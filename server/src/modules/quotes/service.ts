import { DEFAULT_QUOTE_DISCOUNT_APPROVAL_BP, type LineInput, type QuoteOut } from '@scrm/shared';
import type { DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import type { AppDeps } from '../../http/context';
import { errors } from '../../http/errors';
import { idStr, idStrOrNull } from '../../lib/ids';
import { toIso } from '../../lib/time';
import { onApprovalDecided, startApproval, type DecisionHandler } from '../approvals/service';
import { shanghaiDate } from '../catalog/service';
import { listAmount } from '../opportunities/amounts';
import { computeLines, presentLine, priceContextOf, sumLines, type ComputedLine } from '../opportunities/lines';
import { linesOf as opportunityLinesOf } from '../opportunities/repo';
import { canEditOpportunity, findVisibleOpportunity, type Opportunity } from '../opportunities/visibility';
import * as repo from './repo';
import type { QuoteRow } from './repo';

export type { QuoteRow } from './repo';
export { customerNameOf, quoteById, quotesOfOpportunity } from './repo';

/** Default validity of a new quote: 30 days. */
const VALID_DAYS = 30;

/** The corp's discount threshold (basis points) above which a quote needs approval. */
export async function discountThreshold(db: Db, corpId: number): Promise<number> {
  const v = (await repo.corpSettings(db, corpId))?.quoteDiscountApprovalBp;
  return typeof v === 'number' ? v : DEFAULT_QUOTE_DISCOUNT_APPROVAL_BP;
}

export async function presentQuote(db: Db, q: QuoteRow, threshold?: number): Promise<QuoteOut> {
  const lines = await repo.linesOfQuote(db, q.id);
  const t = threshold ?? (await discountThreshold(db, q.corpId));
  return {
    id: idStr(q.id),
    opportunityId: idStr(q.opportunityId),
    number: q.number,
    version: q.version,
    status: q.status,
    validUntil: q.validUntil,
    amount: { amount: q.amount, currency: q.currency },
    listAmount: q.listAmount,
    maxDiscountBp: q.maxDiscountBp,
    needsApproval: q.maxDiscountBp > t,
    approvalId: idStrOrNull(q.approvalId),
    note: q.note,
    createdAt: toIso(q.createdAt),
    lines: lines.map(presentLine),
  };
}

/**
 * A quote and its opportunity: quotes follow their opportunity (opportunities/visibility), 404
 * otherwise; `edit` adds the opportunity's edit right (403 when the caller may only read it).
 */
export async function loadQuote(db: Db, scope: DataScope, id: number, forUpdate = false, edit = false) {
  const q = await repo.findQuote(db, scope.corpId, id, forUpdate);
  if (!q) throw errors.notFound('报价单');
  const o = await findVisibleOpportunity(db, scope, q.opportunityId);
  if (!o) throw errors.notFound('报价单');
  if (edit) assertQuoteEditable(scope, o);
  return { q, o };
}

/** 403 unless the caller may change the opportunity the quote belongs to. */
export function assertQuoteEditable(scope: DataScope, o: Pick<Opportunity, 'ownerId'>): void {
  if (!canEditOpportunity(scope, o)) throw errors.forbidden('您对该商机只有查看权限');
}

/** Replaces the lines and recomputes the quote's amount, list amount and largest discount. */
async function writeLines(db: Db, q: { id: number; corpId: number }, lines: ComputedLine[], now: Date) {
  await repo.replaceLines(db, q, lines);
  await repo.updateQuote(db, q.id, {
    amount: sumLines(lines),
    listAmount: lines.reduce((s, l) => s + listAmount(l.listPrice, l.quantityMilli), 0),
    maxDiscountBp: lines.reduce((m, l) => Math.max(m, l.discountBp), 0),
    updatedAt: now,
  });
}

/**
 * Pushes the opportunity's lines down into a new quote version (or the given lines). Older
 * versions that were not accepted become `superseded`; refused while one awaits approval.
 */
export async function createQuote(db: Db, o: Opportunity, input: { validUntil?: string; note?: string; lines?: LineInput[] }, userId: number, now: Date) {
  if (o.status !== 'open') throw errors.conflict('opportunity_closed', '商机已结束，不能再报价');
  const prev = await repo.versionsForUpdate(db, o.id);
  if (prev.some((p) => p.status === 'pending_approval')) throw errors.conflict('quote_approval_pending', '上一版报价单正在审批中，请等待审批结束');
  let lines: ComputedLine[];
  if (input.lines) lines = await computeLines(db, o.corpId, input.lines, await priceContextOf(db, o.customerId, now));
  else lines = (await opportunityLinesOf(db, o.id)).map(({ id: _id, corpId: _c, opportunityId: _o, ...l }) => l);
  if (!lines.length) throw errors.conflict('opportunity_has_no_lines', '商机还没有产品明细，无法生成报价单');
  const version = (prev[0]?.version ?? 0) + 1;
  const validUntil = input.validUntil ?? shanghaiDate(new Date(now.getTime() + VALID_DAYS * 86400_000));
  if (validUntil < shanghaiDate(now)) throw errors.badRequest('invalid_valid_until', '报价有效期不能早于今天');
  const id = await repo.insertQuote(db, { corpId: o.corpId, opportunityId: o.id, version, number: `BJ${o.id}-V${version}`, validUntil, amount: 0, listAmount: 0, currency: o.currency, note: input.note ?? null, createdBy: userId, createdAt: now, updatedAt: now });
  await writeLines(db, { id, corpId: o.corpId }, lines.map((l, i) => ({ ...l, sortOrder: i })), now);
  await repo.supersedeOtherVersions(db, o.id, id);
  return repo.quoteById(db, id);
}

export async function editQuote(db: Db, q: QuoteRow, o: Opportunity, input: { validUntil?: string; note?: string; lines?: LineInput[] }, now: Date) {
  if (q.status !== 'draft' && q.status !== 'rejected') throw errors.conflict('quote_not_editable', '只有草稿或被驳回的报价单可以修改，请新建版本');
  if (input.lines) await writeLines(db, q, await computeLines(db, q.corpId, input.lines, await priceContextOf(db, o.customerId, now)), now);
  await repo.updateQuote(db, q.id, { validUntil: input.validUntil, note: input.note, status: 'draft', updatedAt: now });
}

/** Submits: over the threshold → discount approval through the approvals engine; else approved at once. */
export async function submitQuote(db: Db, deps: AppDeps, q: QuoteRow, userId: number, customerName: string) {
  if (q.status !== 'draft' && q.status !== 'rejected') throw errors.conflict('quote_not_submittable', '只有草稿或被驳回的报价单可以提交');
  const now = deps.now();
  if (q.validUntil < shanghaiDate(now)) throw errors.conflict('quote_expired', '报价单已过有效期，请修改有效期');
  if (q.maxDiscountBp > (await discountThreshold(db, q.corpId))) {
    const inst = await startApproval(db, deps, {
      corpId: q.corpId, docType: 'quote_discount', docId: q.id, applicantUserId: userId, amount: q.amount, currency: q.currency,
      attributes: { maxDiscountBp: q.maxDiscountBp }, title: `报价折扣审批 ${q.number}`,
      summary: `${customerName}：报价 ¥${(q.amount / 100).toFixed(2)}，最大折扣 ${(q.maxDiscountBp / 100).toFixed(2)}%`,
    });
    await repo.updateQuote(db, q.id, { status: 'pending_approval', approvalId: inst.id, updatedAt: now });
  } else {
    await repo.updateQuote(db, q.id, { status: 'approved', updatedAt: now });
  }
}

/** The approvals engine's decision for a quote discount (also the seam for tests/other engines). */
export async function onQuoteApprovalDecided(db: Db, quoteId: number, decision: 'approved' | 'rejected' | 'withdrawn' | 'returned'): Promise<void> {
  const status = decision === 'approved' ? 'approved' : decision === 'rejected' ? 'rejected' : 'draft';
  await repo.decidePendingQuote(db, quoteId, status);
}
const onQuoteDiscountDecided: DecisionHandler = (db, ev) => onQuoteApprovalDecided(db, ev.docId, ev.decision);

/** Hooks quote discounts into the approvals engine (the module's `wire` hook; idempotent). */
export function wireQuotes(): void {
  onApprovalDecided('quote_discount', onQuoteDiscountDecided);
}

/** Customer accepted: the quote becomes the opportunity's winning quote. */
export async function acceptQuote(db: Db, q: QuoteRow, now: Date) {
  if (q.status !== 'approved') throw errors.conflict('quote_not_effective', '只有已生效的报价单可以标记为客户接受');
  await repo.updateQuote(db, q.id, { status: 'accepted', acceptedAt: now, updatedAt: now });
  await repo.setWinningQuote(db, q.opportunityId, q.id, now);
}

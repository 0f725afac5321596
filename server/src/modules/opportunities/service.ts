import { and, count, eq, inArray, max, sql, sum } from 'drizzle-orm';
import type { z } from 'zod';
import type { LineInput, OpportunityOut, opportunityBody, opportunityPatch, stageSetBody } from '@scrm/shared';
import type { DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import type { AuthUser } from '../../http/context';
import { contacts, customers, opportunities, opportunityContacts, opportunityLines, opportunityStageHistory, quotes, stages } from '../../db/schema/index';
import { errors } from '../../http/errors';
import { idNum, idStr, idStrOrNull } from '../../lib/ids';
import { toIso } from '../../lib/time';
import { refreshCustomerRollups, registerCustomerRollupSource } from '../customers/rollups';
import { weighted } from './amounts';
import { computeLines, presentLine, priceContextOf, sumLines, type ComputedLine } from './lines';
import * as repo from './repo';
import { customerForNewOpportunity, opportunityVisibleCondition, requireVisibleOpportunity } from './visibility';
import { assertMoveAllowed, assertRequirementsMet, insertStageSet, presentStageSet, stageSetFor, stagesOf, type StageRow } from './stages';

// Open-opportunity count and won amount are this module's share of the customer rollups.
registerCustomerRollupSource(async (db, corpId, customerId) => {
  const rows = await db
    .select({ status: opportunities.status, n: count(), total: sum(opportunities.amount), last: max(opportunities.closedAt) })
    .from(opportunities)
    .where(and(eq(opportunities.corpId, corpId), eq(opportunities.customerId, customerId)))
    .groupBy(opportunities.status);
  const open = rows.find((r) => r.status === 'open');
  const won = rows.find((r) => r.status === 'won');
  const last = won?.last as Date | string | null | undefined;
  return {
    openOpportunityCount: Number(open?.n ?? 0),
    wonAmount: Number(won?.total ?? 0),
    lastWonAt: last ? (last instanceof Date ? last : new Date(`${String(last).replace(' ', 'T')}Z`)) : null,
  };
});

export function presentOpportunity(r: repo.NamedRow, lines?: (ComputedLine & { id: number })[]): OpportunityOut {
  const o = r.o;
  return {
    id: idStr(o.id),
    name: o.name,
    customer: { id: idStr(o.customerId), name: r.customerName },
    owner: { id: idStr(o.ownerId), name: r.ownerName },
    stageSetId: idStr(o.stageSetId),
    stage: { id: idStr(r.stage.id), name: r.stage.name, winRate: r.stage.winRate, kind: r.stage.kind },
    status: o.status,
    amount: { amount: o.amount, currency: o.currency },
    amountManual: o.amountManual,
    weightedAmount: weighted(o.amount, o.winRate),
    expectedCloseDate: o.expectedCloseDate,
    businessLine: o.businessLine,
    source: o.source,
    need: o.need,
    painPoints: o.painPoints,
    budget: o.budget,
    checklist: o.checklist ?? {},
    winningQuoteId: idStrOrNull(o.winningQuoteId),
    lostReason: o.lostReason,
    competitor: o.competitor,
    stageEnteredAt: toIso(o.stageEnteredAt),
    closedAt: toIso(o.closedAt),
    createdAt: toIso(o.createdAt),
    updatedAt: toIso(o.updatedAt),
    ...(lines ? { lines: lines.map(presentLine) } : {}),
  };
}

/** The opportunity (with lines) as the API shows it; 404 when out of scope. */
export async function getOpportunity(db: Db, scope: DataScope, id: number): Promise<OpportunityOut> {
  const [row] = await repo.withNames(db, and(eq(opportunities.corpId, scope.corpId), eq(opportunities.id, id), opportunityVisibleCondition(scope)));
  if (!row) throw errors.notFound('商机');
  return presentOpportunity(row, await repo.linesOf(db, id));
}

/** Loads for a write, locking the row; 404 when out of scope. */
export async function loadForWrite(db: Db, scope: DataScope, id: number): Promise<repo.OpportunityRow> {
  return requireVisibleOpportunity(db, scope, id, { forUpdate: true });
}

/**
 * Opens an opportunity on a customer (owner = the customer's owner, first open stage of the
 * business line's stage set), with its lines and contacts; the caller audits. The one create
 * command: `POST /api/opportunities` and lead conversion both use it.
 */
export async function createOpportunity(db: Db, user: AuthUser, s: DataScope, body: z.infer<typeof opportunityBody>, now: Date): Promise<OpportunityOut> {
  const customer = await customerForNewOpportunity(db, s, idNum(body.customerId));
  if (body.lines?.length && body.amount !== undefined) throw errors.conflict('amount_from_lines', '有商机明细时金额由明细汇总，不能手工填写');
  const set = await stageSetFor(db, user.corpId, body.businessLine);
  const first = (await stagesOf(db, set.id)).find((st) => st.kind === 'open')!;
  const [ins] = await db.insert(opportunities).values({
    corpId: user.corpId, customerId: customer.id, ownerId: customer.ownerId, name: body.name, stageSetId: set.id, stageId: first.id,
    winRate: first.winRate, amount: body.amount ?? 0, amountManual: body.amount !== undefined, currency: body.currency,
    expectedCloseDate: body.expectedCloseDate ?? null, businessLine: body.businessLine ?? null, source: body.source ?? null,
    need: body.need ?? null, painPoints: body.painPoints ?? null, budget: body.budget ?? null, stageEnteredAt: now, createdBy: user.id, createdAt: now, updatedAt: now,
  }).$returningId();
  const o = await requireVisibleOpportunity(db, s, ins!.id);
  if (body.lines?.length) await replaceLines(db, o, body.lines, now);
  for (const cid of new Set(body.contactIds ?? [])) {
    const [c] = await db.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.id, idNum(cid)), eq(contacts.customerId, customer.id)));
    if (!c) throw errors.badRequest('contact_not_found', '联系人不存在或不属于该客户');
    await db.insert(opportunityContacts).values({ corpId: user.corpId, opportunityId: o.id, contactId: c.id, role: 'other' });
  }
  await recordStageEntry(db, o, null, first.id, user.id, now, null);
  await refreshCustomerRollups(db, user.corpId, customer.id);
  return getOpportunity(db, s, o.id);
}

/**
 * Replaces the lines and recomputes the amount as their sum (exact fen). With no lines the
 * amount becomes 0 and manual again possible.
 */
export async function replaceLines(db: Db, o: repo.OpportunityRow, inputs: LineInput[], now: Date): Promise<number> {
  const lines = await computeLines(db, o.corpId, inputs, await priceContextOf(db, o.customerId, now));
  await db.delete(opportunityLines).where(eq(opportunityLines.opportunityId, o.id));
  if (lines.length) await db.insert(opportunityLines).values(lines.map((l) => ({ ...l, corpId: o.corpId, opportunityId: o.id })));
  const amount = sumLines(lines);
  await db.update(opportunities).set({ amount, amountManual: false, updatedAt: now }).where(eq(opportunities.id, o.id));
  return amount;
}

/** Facts the stage requirements are checked against. */
async function requirementFacts(db: Db, o: repo.OpportunityRow, winningQuoteId: number | null, lostReason: string | null) {
  const [lines] = await db.select({ n: count() }).from(opportunityLines).where(eq(opportunityLines.opportunityId, o.id));
  const roles = await db.select({ role: opportunityContacts.role }).from(opportunityContacts).where(eq(opportunityContacts.opportunityId, o.id));
  const [q] = await db
    .select({ n: count() })
    .from(quotes)
    .where(and(eq(quotes.opportunityId, o.id), inArray(quotes.status, ['approved', 'accepted'])));
  return {
    values: {
      need: !!o.need,
      painPoints: !!o.painPoints,
      budget: o.budget != null,
      expectedCloseDate: !!o.expectedCloseDate,
      source: !!o.source,
      lines: Number(lines?.n ?? 0) > 0,
      contacts: roles.length > 0,
      decisionMaker: roles.some((r) => r.role === 'decision_maker'),
      quote: Number(q?.n ?? 0) > 0,
      winningQuote: winningQuoteId != null,
      lostReason: !!lostReason,
    },
    checklist: o.checklist ?? {},
  };
}

export interface MoveInput {
  to: StageRow;
  quoteId: number | null;
  lostReason: string | null;
  competitor: string | null;
  note: string | null;
  userId: number;
  now: Date;
}

/** The winning quote for a won move: the given one (approved/accepted, of this opportunity) or the accepted one. */
async function winningQuote(db: Db, o: repo.OpportunityRow, quoteId: number | null, now: Date): Promise<number | null> {
  if (quoteId == null) return o.winningQuoteId;
  const [q] = await db.select().from(quotes).where(and(eq(quotes.id, quoteId), eq(quotes.opportunityId, o.id)));
  if (!q) throw errors.badRequest('quote_not_found', '报价单不存在或不属于该商机');
  if (q.status !== 'approved' && q.status !== 'accepted') throw errors.conflict('quote_not_effective', '只有已生效或客户已接受的报价单可以作为赢单报价');
  if (q.status === 'approved') await db.update(quotes).set({ status: 'accepted', acceptedAt: now, updatedAt: now }).where(eq(quotes.id, q.id));
  return q.id;
}

/** Closes the current history row (time in stage) and opens the next one. */
export async function recordStageEntry(db: Db, o: { id: number; corpId: number }, fromStageId: number | null, toStageId: number, userId: number | null, now: Date, note: string | null) {
  const [current] = await db
    .select()
    .from(opportunityStageHistory)
    .where(and(eq(opportunityStageHistory.opportunityId, o.id), sql`${opportunityStageHistory.leftAt} IS NULL`));
  if (current) {
    const durationSeconds = Math.max(0, Math.floor((now.getTime() - current.enteredAt.getTime()) / 1000));
    await db.update(opportunityStageHistory).set({ leftAt: now, durationSeconds }).where(eq(opportunityStageHistory.id, current.id));
  }
  await db.insert(opportunityStageHistory).values({ corpId: o.corpId, opportunityId: o.id, fromStageId, toStageId, userId, enteredAt: now, note });
}

/** Applies a checked stage move: requirements, history, status, win rate, rollups. */
export async function applyMove(db: Db, o: repo.OpportunityRow, m: MoveInput): Promise<void> {
  const winId = m.to.kind === 'won' ? await winningQuote(db, o, m.quoteId, m.now) : o.winningQuoteId;
  const lostReason = m.to.kind === 'lost' ? m.lostReason : null;
  assertRequirementsMet(m.to, await requirementFacts(db, o, winId, lostReason));
  const closed = m.to.kind !== 'open';
  await db
    .update(opportunities)
    .set({
      stageId: m.to.id,
      status: m.to.kind,
      winRate: m.to.winRate,
      stageEnteredAt: m.now,
      closedAt: closed ? m.now : null,
      winningQuoteId: m.to.kind === 'won' ? winId : o.winningQuoteId,
      lostReason: m.to.kind === 'lost' ? lostReason : null,
      competitor: m.to.kind === 'lost' ? m.competitor : o.competitor,
      updatedAt: m.now,
    })
    .where(eq(opportunities.id, o.id));
  await recordStageEntry(db, o, o.stageId, m.to.id, m.userId, m.now, m.note);
  await refreshCustomerRollups(db, o.corpId, o.customerId);
}

/** The stages of the opportunity's set, plus its current stage and the target. */
export async function stagesForMove(db: Db, o: repo.OpportunityRow, toStageId: number) {
  const list = await stagesOf(db, o.stageSetId);
  const from = list.find((s) => s.id === o.stageId)!;
  const to = list.find((s) => s.id === toStageId);
  if (!to) throw errors.badRequest('stage_not_in_set', '目标阶段不属于该商机的阶段模板');
  return { list, from, to };
}

/**
 * Moves the customer's open opportunities to the customer's new owner (called by the customers
 * module's transfer in the same transaction). Returns how many moved.
 */
export async function moveOpenOpportunities(db: Db, corpId: number, customerId: number, toUserId: number): Promise<number> {
  const [res] = await db
    .update(opportunities)
    .set({ ownerId: toUserId, updatedAt: sql`${opportunities.updatedAt}` })
    .where(and(eq(opportunities.corpId, corpId), eq(opportunities.customerId, customerId), eq(opportunities.status, 'open')));
  return res.affectedRows;
}

/** A customer's open opportunities for the sidebar context (largest first). */
/** A customer's open opportunities inside the caller's scope (seeing the customer does not open its deals). */
export async function listOpenOpportunitiesForCustomer(db: Db, scope: DataScope, customerId: number, limit: number) {
  const corpId = scope.corpId;
  const rows = await db
    .select({ o: opportunities, stageName: stages.name, stageWinRate: stages.winRate })
    .from(opportunities)
    .innerJoin(stages, eq(stages.id, opportunities.stageId))
    .where(and(eq(opportunities.corpId, corpId), eq(opportunities.customerId, customerId), eq(opportunities.status, 'open'), opportunityVisibleCondition(scope)))
    .orderBy(sql`${opportunities.amount} DESC`, sql`${opportunities.id} DESC`)
    .limit(limit);
  return rows.map((r) => ({
    id: idStr(r.o.id),
    name: r.o.name,
    stage: { id: idStr(r.o.stageId), name: r.stageName, winRate: r.stageWinRate },
    amount: { amount: r.o.amount, currency: r.o.currency },
    expectedCloseDate: r.o.expectedCloseDate,
  }));
}

/** The corp's stage sets with their stages (the default set is created on first use). */
export async function listStageSets(db: Db, corpId: number) {
  await stageSetFor(db, corpId, null);
  const sets = await repo.stageSetsOfCorp(db, corpId);
  return Promise.all(sets.map(async (s) => presentStageSet(s, await stagesOf(db, s.id))));
}

/** A new stage set for a business line (409 `business_line_taken` when the line has one); the caller checks the role and audits. */
export async function createStageSet(db: Db, corpId: number, body: z.infer<typeof stageSetBody>) {
  if ((await repo.stageSetIdOfLine(db, corpId, body.businessLine)) != null) throw errors.conflict('business_line_taken', `业务线「${body.businessLine}」已有阶段模板`);
  const id = await insertStageSet(db, corpId, body);
  return presentStageSet((await repo.stageSetById(db, corpId, id))!, await stagesOf(db, id));
}

/**
 * Edits an opportunity (locked, in scope): the amount only while it has no lines (409
 * `amount_from_lines`), the business line only within the same stage set (409
 * `stage_set_change_not_allowed`). Returns before and after for the audit.
 */
export async function editOpportunity(db: Db, s: DataScope, id: number, body: z.infer<typeof opportunityPatch>, now: Date) {
  const o = await loadForWrite(db, s, id);
  const before = await getOpportunity(db, s, o.id);
  if (body.amount !== undefined && before.lines!.length) throw errors.conflict('amount_from_lines', '商机已有明细，金额由明细汇总，不能手工修改');
  if (body.businessLine !== undefined && body.businessLine !== o.businessLine) {
    const set = await stageSetFor(db, o.corpId, body.businessLine);
    if (set.id !== o.stageSetId) throw errors.conflict('stage_set_change_not_allowed', '更换业务线会改变阶段模板，请新建商机');
  }
  const { amount, checklist, ...rest } = body;
  await repo.updateOpportunity(db, o.corpId, o.id, {
    ...rest,
    ...(amount !== undefined ? { amount, amountManual: true } : {}),
    ...(checklist ? { checklist: { ...o.checklist, ...checklist } } : {}),
    updatedAt: now,
  });
  if (amount !== undefined) await refreshCustomerRollups(db, o.corpId, o.customerId);
  return { o, before, after: await getOpportunity(db, s, o.id) };
}

/** Checks a stage move against the opportunity's stage set (409 `stage_move_not_allowed`) and returns the stages. */
export async function checkedMove(db: Db, o: repo.OpportunityRow, toStageId: number) {
  const { list, from, to } = await stagesForMove(db, o, toStageId);
  const set = (await repo.stageSetById(db, o.corpId, o.stageSetId))!;
  assertMoveAllowed(set, list, from, to);
  return { from, to };
}

import { and, eq, gte, isNotNull, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/mysql-core';
import type { z } from 'zod';
import type { ReportAutoSummary, ReportType, reportBody } from '@scrm/shared';
import { canSeeOwner, type DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import type { AppDeps, AuthUser } from '../../http/context';
import { errors } from '../../http/errors';
import { idStr, idStrOrNull } from '../../lib/ids';
import { toIso } from '../../lib/time';
import { loadApplicant, resolveRules } from '../approvals/flows';
import * as repo from './repo';
import type { Report } from './repo';

type ReportBody = z.infer<typeof reportBody>;
import { customers, followUps, opportunities, opportunityStageHistory, stages, visits } from '../../db/schema/index';
import { dayjs } from '../../lib/time';

/** The period of a report containing `date` (weekly = Monday–Sunday), as YYYY-MM-DD. */
export function periodOf(type: ReportType, date: string): { start: string; end: string } {
  const d = dayjs(date);
  if (type === 'daily') return { start: d.format('YYYY-MM-DD'), end: d.format('YYYY-MM-DD') };
  const monday = d.subtract((d.day() + 6) % 7, 'day');
  return { start: monday.format('YYYY-MM-DD'), end: monday.add(6, 'day').format('YYYY-MM-DD') };
}

/** UTC instants bounding Shanghai calendar days [start, end]. */
const bounds = (start: string, end: string) => ({
  from: new Date(`${start}T00:00:00+08:00`),
  to: new Date(dayjs(end).add(1, 'day').format('YYYY-MM-DD') + 'T00:00:00+08:00'),
});

const fromStage = alias(stages, 'from_stage');

/** Visits the user checked in to during the period, with the customers' names. */
async function visitsIn(db: Db, corpId: number, userId: number, from: Date, to: Date) {
  const [row] = await db
    .select({ n: sql<number>`COUNT(*)`, names: sql<string | null>`GROUP_CONCAT(DISTINCT ${customers.name} SEPARATOR '、')` })
    .from(visits)
    .innerJoin(customers, eq(customers.id, visits.customerId))
    .where(and(eq(visits.corpId, corpId), eq(visits.assigneeId, userId), isNotNull(visits.checkInAt), gte(visits.checkInAt, from), lt(visits.checkInAt, to)));
  return { n: Number(row?.n ?? 0), names: row?.names ?? '' };
}

/** Stage moves the user made during the period (not the opportunity's first stage), oldest first. */
async function stageMovesIn(db: Db, corpId: number, userId: number, from: Date, to: Date) {
  const h = opportunityStageHistory;
  const rows = await db
    .select({ opp: opportunities.name, from: fromStage.name, to: stages.name })
    .from(h)
    .innerJoin(opportunities, eq(opportunities.id, h.opportunityId))
    .innerJoin(stages, eq(stages.id, h.toStageId))
    .innerJoin(fromStage, eq(fromStage.id, h.fromStageId))
    .where(and(eq(h.corpId, corpId), eq(h.userId, userId), gte(h.enteredAt, from), lt(h.enteredAt, to)))
    .orderBy(h.enteredAt, h.id)
    .limit(200);
  return rows;
}

/** What the period's activity says: follow-ups, visits checked in, customers created, stage moves. */
export async function autoSummary(db: Db, corpId: number, userId: number, start: string, end: string): Promise<ReportAutoSummary> {
  const { from, to } = bounds(start, end);
  const fu = await db
    .select({ n: sql<number>`COUNT(*)` })
    .from(followUps)
    .where(and(eq(followUps.corpId, corpId), eq(followUps.authorId, userId), gte(followUps.occurredAt, from), lt(followUps.occurredAt, to)));
  const nc = await db
    .select({ n: sql<number>`COUNT(*)`, names: sql<string>`GROUP_CONCAT(${customers.name} SEPARATOR '、')` })
    .from(customers)
    .where(and(eq(customers.corpId, corpId), eq(customers.createdBy, userId), gte(customers.createdAt, from), lt(customers.createdAt, to)));
  const [vis, moves] = await Promise.all([visitsIn(db, corpId, userId, from, to), stageMovesIn(db, corpId, userId, from, to)]);
  const followUpsN = Number(fu[0]?.n ?? 0);
  const newCustomers = Number(nc[0]?.n ?? 0);
  const lines: string[] = [];
  if (followUpsN) lines.push(`跟进记录 ${followUpsN} 条`);
  if (vis.n) lines.push(`拜访客户 ${vis.n} 次：${vis.names.slice(0, 200)}`);
  if (newCustomers) lines.push(`新增客户 ${newCustomers} 个：${(nc[0]?.names ?? '').slice(0, 200)}`);
  if (moves.length) lines.push(`商机推进 ${moves.length} 次：${moves.map((m) => `${m.opp}（${m.from} → ${m.to}）`).join('；').slice(0, 300)}`);
  return { followUps: followUpsN, visits: vis.n, newCustomers, stageMoves: moves.length, unavailable: [], lines };
}

/** A report; with its comments (detail), or with `commentCount` given (list item). */
export async function presentReport(db: Db, r: Report, withComments: boolean, commentCount = 0) {
  const out: Record<string, unknown> = {
    id: idStr(r.id),
    user: { id: idStr(r.userId), name: await repo.userName(db, r.userId) },
    type: r.type,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    toUserId: idStrOrNull(r.toUserId),
    done: r.done,
    plans: r.plans,
    problems: r.problems,
    autoSummary: r.autoSummary,
    submittedAt: toIso(r.submittedAt),
    commentCount,
  };
  if (withComments) {
    const rows = await repo.commentsOf(db, r.id);
    out.comments = rows.map(({ c, name }) => ({ id: idStr(c.id), user: { id: idStr(c.userId), name }, body: c.body, at: toIso(c.createdAt) }));
    out.commentCount = rows.length;
  }
  return out;
}

/** Who sees a report: its author, the leader it was sent to, or whoever's scope covers the author; else 404. */
export async function findVisibleReport(db: Db, user: AuthUser, scope: DataScope, id: number): Promise<Report> {
  const r = await repo.reportById(db, user.corpId, id);
  if (!r || !(r.toUserId === user.id || canSeeOwner(scope, r.userId))) throw errors.notFound('汇报');
  return r;
}

/** Submits the caller's report of a period to their first-level leader (409 `report_exists`). */
export async function createReport(db: Db, deps: AppDeps, user: AuthUser, body: ReportBody): Promise<Report> {
  const p = periodOf(body.type, body.date);
  const dup = await repo.reportOfPeriod(db, user.corpId, user.id, body.type, p.start);
  if (dup) throw errors.conflict('report_exists', '该周期的汇报已提交，请修改已有汇报', { id: idStr(dup.id) });
  const leaders = await resolveRules(db, [{ type: 'leader', level: 1 }], await loadApplicant(db, user.corpId, user.id));
  const summary = await autoSummary(db, user.corpId, user.id, p.start, p.end);
  const now = deps.now();
  const id = await repo.insertReport(db, {
    corpId: user.corpId, userId: user.id, type: body.type, periodStart: p.start, periodEnd: p.end, toUserId: leaders[0] ?? null,
    done: body.done, plans: body.plans, problems: body.problems, autoSummary: summary, submittedAt: now, createdAt: now, updatedAt: now,
  });
  return (await repo.reportById(db, user.corpId, id))!;
}

/** Who in the scope (the caller aside) has not reported for the period. */
export async function missingReporters(db: Db, user: AuthUser, scope: DataScope, type: ReportType, periodStart: string) {
  const [people, reported] = await Promise.all([repo.activeUsersIn(db, scope), repo.reportedUserIds(db, user.corpId, type, periodStart)]);
  return people.filter((x) => x.id !== user.id && !reported.has(x.id)).map((x) => ({ id: idStr(x.id), name: x.name }));
}

import { and, asc, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { idParams, reportBody, reportCommentBody, reportListQuery, reportPatchBody, reportPeriodQuery } from '@scrm/shared';
import { canSeeOwner, ownerCondition } from '../../auth/scope';
import type { Db } from '../../db/client';
import { reportComments, users, workReports } from '../../db/schema/index';
import type { AuthUser } from '../../http/context';
import { errors } from '../../http/errors';
import { defineRoute, type RouteSpec } from '../../http/route';
import { decodeCursor, encodeCursor, idNum, idStr, idStrOrNull } from '../../lib/ids';
import { toIso } from '../../lib/time';
import { loadApplicant, resolveRules } from '../approvals/flows';
import { autoSummary, periodOf } from './service';

type Report = typeof workReports.$inferSelect;
const today = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** Comments per report (one grouped query on report_comments_report_idx), for list items. */
async function commentCounts(db: Db, reportIds: number[]): Promise<Map<number, number>> {
  if (!reportIds.length) return new Map();
  const rows = await db
    .select({ reportId: reportComments.reportId, n: sql<number>`COUNT(*)` })
    .from(reportComments)
    .where(inArray(reportComments.reportId, reportIds))
    .groupBy(reportComments.reportId);
  return new Map(rows.map((r) => [r.reportId, Number(r.n)]));
}

/** A report; with its comments (detail), or with `commentCount` given (list item). */
async function present(db: Db, r: Report, withComments: boolean, commentCount = 0) {
  const [u] = await db.select({ name: users.name }).from(users).where(eq(users.id, r.userId));
  const out: Record<string, unknown> = {
    id: idStr(r.id),
    user: { id: idStr(r.userId), name: u?.name ?? '' },
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
    const rows = await db
      .select({ c: reportComments, name: users.name })
      .from(reportComments)
      .innerJoin(users, eq(users.id, reportComments.userId))
      .where(eq(reportComments.reportId, r.id))
      .orderBy(asc(reportComments.id));
    out.comments = rows.map(({ c, name }) => ({ id: idStr(c.id), user: { id: idStr(c.userId), name }, body: c.body, at: toIso(c.createdAt) }));
    out.commentCount = rows.length;
  }
  return out;
}

/** Author, the leader it was sent to, or whoever's scope covers the author. */
async function loadVisible(db: Db, user: AuthUser, scope: Parameters<typeof canSeeOwner>[0], id: number): Promise<Report> {
  const [r] = await db.select().from(workReports).where(and(eq(workReports.id, id), eq(workReports.corpId, user.corpId)));
  if (!r || !(r.toUserId === user.id || canSeeOwner(scope, r.userId))) throw errors.notFound('汇报');
  return r;
}

const draft = defineRoute({
  method: 'get',
  path: '/api/reports/draft',
  summary: 'Auto-filled content for the caller\'s report of a period (follow-ups, new customers…)',
  tags: ['reports'],
  query: reportPeriodQuery,
  handler: async ({ db, deps, user, query }) => {
    const p = periodOf(query.type, query.date ?? today(deps.now()));
    const summary = await autoSummary(db, user.corpId, user.id, p.start, p.end);
    return { type: query.type, periodStart: p.start, periodEnd: p.end, autoSummary: summary, done: summary.lines.join('\n') };
  },
});

const create = defineRoute({
  method: 'post',
  path: '/api/reports',
  summary: 'Submit a daily/weekly report to one\'s leader (409 report_exists for the same period)',
  tags: ['reports'],
  body: reportBody,
  status: 201,
  handler: async ({ db, deps, user, body, audit }) => {
    const p = periodOf(body.type, body.date);
    const [dup] = await db
      .select({ id: workReports.id })
      .from(workReports)
      .where(and(eq(workReports.corpId, user.corpId), eq(workReports.type, body.type), eq(workReports.periodStart, p.start), eq(workReports.userId, user.id)));
    if (dup) throw errors.conflict('report_exists', '该周期的汇报已提交，请修改已有汇报', { id: idStr(dup.id) });
    const leaders = await resolveRules(db, [{ type: 'leader', level: 1 }], await loadApplicant(db, user.corpId, user.id));
    const summary = await autoSummary(db, user.corpId, user.id, p.start, p.end);
    const now = deps.now();
    const [row] = await db
      .insert(workReports)
      .values({ corpId: user.corpId, userId: user.id, type: body.type, periodStart: p.start, periodEnd: p.end, toUserId: leaders[0] ?? null, done: body.done, plans: body.plans, problems: body.problems, autoSummary: summary, submittedAt: now, createdAt: now, updatedAt: now })
      .$returningId();
    await audit({ action: 'report.create', entityType: 'report', entityId: row!.id, after: body });
    const [r] = await db.select().from(workReports).where(eq(workReports.id, row!.id));
    return present(db, r!, true);
  },
});

const patch = defineRoute({
  method: 'patch',
  path: '/api/reports/:id',
  summary: 'Edit one\'s own report',
  tags: ['reports'],
  params: idParams,
  body: reportPatchBody,
  handler: async ({ db, deps, user, scope, params, body, audit }) => {
    const r = await loadVisible(db, user, await scope(), idNum(params.id));
    if (r.userId !== user.id) throw errors.forbidden('只能修改自己的汇报');
    await db.update(workReports).set({ ...body, updatedAt: deps.now() }).where(eq(workReports.id, r.id));
    await audit({ action: 'report.update', entityType: 'report', entityId: r.id, before: r, after: body });
    return present(db, { ...r, ...body }, true);
  },
});

const list = defineRoute({
  method: 'get',
  path: '/api/reports',
  summary: 'Reports: scope=mine|team|all (leaders: their subtree), type filter, newest first',
  tags: ['reports'],
  query: reportListQuery,
  handler: async ({ db, user, scope, query }) => {
    const conds: (SQL | undefined)[] = [eq(workReports.corpId, user.corpId), ownerCondition(await scope(), query.scope, workReports.userId)];
    if (query.type) conds.push(eq(workReports.type, query.type));
    const cursor = decodeCursor(query.cursor);
    if (cursor && typeof cursor[0] === 'number') conds.push(lt(workReports.id, cursor[0]));
    const rows = await db.select().from(workReports).where(and(...conds)).orderBy(desc(workReports.id)).limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    const counts = await commentCounts(db, page.map((r) => r.id));
    return { items: await Promise.all(page.map((r) => present(db, r, false, counts.get(r.id) ?? 0))), nextCursor: rows.length > query.limit ? encodeCursor([page[page.length - 1]!.id]) : null };
  },
});

const missing = defineRoute({
  method: 'get',
  path: '/api/reports/missing',
  summary: 'Who in the caller\'s scope has not reported for the period',
  tags: ['reports'],
  query: reportPeriodQuery,
  response: z.object({ periodStart: z.string(), items: z.array(z.object({ id: z.string(), name: z.string() })) }),
  handler: async ({ db, deps, user, scope, query }) => {
    const s = await scope();
    const p = periodOf(query.type, query.date ?? today(deps.now()));
    const people = await db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.corpId, user.corpId), eq(users.status, 'active'), s.userIds ? inArray(users.id, s.userIds) : undefined));
    const done = await db
      .select({ userId: workReports.userId })
      .from(workReports)
      .where(and(eq(workReports.corpId, user.corpId), eq(workReports.type, query.type), eq(workReports.periodStart, p.start)));
    const reported = new Set(done.map((d) => d.userId));
    return { periodStart: p.start, items: people.filter((x) => x.id !== user.id && !reported.has(x.id)).map((x) => ({ id: idStr(x.id), name: x.name })) };
  },
});

const get = defineRoute({
  method: 'get',
  path: '/api/reports/:id',
  summary: 'A report with comments',
  tags: ['reports'],
  params: idParams,
  handler: async ({ db, user, scope, params }) => present(db, await loadVisible(db, user, await scope(), idNum(params.id)), true),
});

const comment = defineRoute({
  method: 'post',
  path: '/api/reports/:id/comments',
  summary: 'Comment on a report (its leader or anyone whose scope covers the author)',
  tags: ['reports'],
  params: idParams,
  body: reportCommentBody,
  status: 201,
  handler: async ({ db, deps, user, scope, params, body, audit }) => {
    const r = await loadVisible(db, user, await scope(), idNum(params.id));
    const [row] = await db.insert(reportComments).values({ corpId: user.corpId, reportId: r.id, userId: user.id, body: body.body, createdAt: deps.now() }).$returningId();
    await audit({ action: 'report.comment', entityType: 'report', entityId: r.id, after: body });
    return present(db, r, true).then((v) => ({ ...v, commentId: idStr(row!.id) }));
  },
});

export const reportRoutes: RouteSpec[] = [draft, missing, create, patch, list, get, comment];

import { z } from 'zod';
import { idParams, reportBody, reportCommentBody, reportListQuery, reportPatchBody, reportPeriodQuery } from '@scrm/shared';
import { errors } from '../../http/errors';
import { defineRoute, type RouteSpec } from '../../http/route';
import { idNum, idStr } from '../../lib/ids';
import { afterIdOf, idCursor, splitPage } from '../../lib/paging';
import * as repo from './repo';
import { autoSummary, createReport, findVisibleReport, missingReporters, periodOf, presentReport } from './service';

const today = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

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
    const r = await createReport(db, deps, user, body);
    await audit({ action: 'report.create', entityType: 'report', entityId: r.id, after: body });
    return presentReport(db, r, true);
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
    const r = await findVisibleReport(db, user, await scope(), idNum(params.id));
    if (r.userId !== user.id) throw errors.forbidden('只能修改自己的汇报');
    await repo.updateReport(db, r.id, { ...body, updatedAt: deps.now() });
    await audit({ action: 'report.update', entityType: 'report', entityId: r.id, before: r, after: body });
    return presentReport(db, { ...r, ...body }, true);
  },
});

const list = defineRoute({
  method: 'get',
  path: '/api/reports',
  summary: 'Reports: scope=mine|team|all (leaders: their subtree), type filter, newest first',
  tags: ['reports'],
  query: reportListQuery,
  handler: async ({ db, user, scope, query }) => {
    const rows = await repo.listReports(db, await scope(), { listScope: query.scope, type: query.type, afterId: afterIdOf(query.cursor), limit: query.limit });
    const { page, nextCursor } = splitPage(rows, query.limit, idCursor);
    const counts = await repo.commentCounts(db, page.map((r) => r.id));
    return { items: await Promise.all(page.map((r) => presentReport(db, r, false, counts.get(r.id) ?? 0))), nextCursor };
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
    const p = periodOf(query.type, query.date ?? today(deps.now()));
    return { periodStart: p.start, items: await missingReporters(db, user, await scope(), query.type, p.start) };
  },
});

const get = defineRoute({
  method: 'get',
  path: '/api/reports/:id',
  summary: 'A report with comments',
  tags: ['reports'],
  params: idParams,
  handler: async ({ db, user, scope, params }) => presentReport(db, await findVisibleReport(db, user, await scope(), idNum(params.id)), true),
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
    const r = await findVisibleReport(db, user, await scope(), idNum(params.id));
    const commentId = await repo.insertComment(db, { corpId: user.corpId, reportId: r.id, userId: user.id, body: body.body, createdAt: deps.now() });
    await audit({ action: 'report.comment', entityType: 'report', entityId: r.id, after: body });
    return presentReport(db, r, true).then((v) => ({ ...v, commentId: idStr(commentId) }));
  },
});

export const reportRoutes: RouteSpec[] = [draft, missing, create, patch, list, get, comment];

import { z } from 'zod';
import {
  idParams,
  listResponse,
  visitCheckInBody,
  visitCheckOutBody,
  visitCreateBody,
  visitItem,
  visitListQuery,
  visitPatchBody,
  visitRecordBody,
  visitReviewBody,
  visitSchedule,
  visitScheduleQuery,
  visitSettings,
  visitSettingsBody,
  visitStats,
  visitStatsQuery,
} from '@scrm/shared';
import { requireRole } from '../../auth/roles';
import { errors } from '../../http/errors';
import { defineRoute, type HandlerArgs, type RouteSpec } from '../../http/route';
import { fetchWecomMedia } from '../files/wecom-media';
import { idNum } from '../../lib/ids';
import { afterKeyOf, keyCursor, splitPage } from '../../lib/paging';
import * as photos from './photos';
import * as repo from './repo';
import { assigneesFor, countByStatus, scheduleRange, visitStats as computeStats } from './schedule';
import * as svc from './service';
import { findVisibleCustomer } from '../customers/visibility';
import { findVisibleVisit } from './visibility';

const tags = ['visits'];

/** Re-reads a visit and presents it (after a change, in the same transaction). */
async function fresh(a: HandlerArgs<unknown, unknown, { id: string }>, id: number) {
  const scope = await a.scope();
  const row = (await findVisibleVisit(a.db, scope, id))!;
  return (await svc.present(a.db, a.user.corpId, [row], a.deps.now()))[0]!;
}

const list = defineRoute({
  method: 'get', path: '/api/visits', summary: 'Visits in scope, newest planned first', tags,
  query: visitListQuery, response: listResponse(visitItem),
  handler: async ({ db, user, query, scope, deps }) => {
    const s = await scope();
    const settings = await svc.settingsOf(db, user.corpId);
    const after = afterKeyOf(query.cursor, 'date');
    const assignees = query.assigneeId ? [idNum(query.assigneeId)] : assigneesFor(s, query.scope);
    const rows = await repo.listVisits(db, s, {
      assigneeIds: query.assigneeId && query.scope === 'mine' ? [idNum(query.assigneeId)] : assignees,
      customerId: query.customerId ? idNum(query.customerId) : undefined,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      status: query.status ? repo.statusCondition(query.status, deps.now(), settings.windowGraceMinutes) : undefined,
      after,
      order: 'desc',
      limit: query.limit + 1,
    });
    const { page, nextCursor } = splitPage(rows, query.limit, (r) => keyCursor(r.plannedStart, r.id));
    return { items: await svc.present(db, user.corpId, page, deps.now()), nextCursor };
  },
});

const create = defineRoute({
  method: 'post', path: '/api/visits', summary: 'Plan a visit (for oneself, or assigned by a leader)', tags, status: 201,
  body: visitCreateBody, response: visitItem,
  handler: async (a) => {
    const { db, user, body, scope, audit } = a;
    const s = await scope();
    const customer = await findVisibleCustomer(db, s, idNum(body.customerId));
    if (!customer) throw errors.notFound('客户');
    const assigneeId = await svc.resolveAssignee(db, s, body.assigneeId);
    const contactIds = await svc.checkContacts(db, user.corpId, customer.id, body.contactIds);
    const now = a.deps.now();
    const id = await repo.insertVisit(db, { corpId: user.corpId, customerId: customer.id, assigneeId, createdBy: user.id, purpose: body.purpose, plannedStart: new Date(body.plannedStart), plannedEnd: new Date(body.plannedEnd), createdAt: now, updatedAt: now });
    await repo.replaceVisitContacts(db, id, contactIds);
    const out = await fresh(a as never, id);
    await audit({ action: 'create', entityType: 'visit', entityId: id, after: out });
    return out;
  },
});

const schedule = defineRoute({
  method: 'get', path: '/api/visits/schedule', summary: 'Schedule: a day, week or month of visits by status', tags,
  query: visitScheduleQuery, response: visitSchedule,
  handler: async ({ db, user, query, scope, deps }) => {
    const s = await scope();
    const { from, to } = scheduleRange(query.view, query.date, deps.now());
    const rows = await repo.listVisits(db, s, {
      assigneeIds: query.assigneeId ? [idNum(query.assigneeId)] : assigneesFor(s, query.scope),
      from, to, order: 'asc', limit: 500,
    });
    const items = await svc.present(db, user.corpId, rows, deps.now());
    return { view: query.view, from: from.toISOString(), to: to.toISOString(), counts: countByStatus(items.map((i) => i.status)), items };
  },
});

const stats = defineRoute({
  method: 'get', path: '/api/visits/stats', summary: 'Visits per rep per week, on-site rate, average duration, customers not visited', tags,
  query: visitStatsQuery, response: visitStats,
  handler: async ({ db, user, query, scope, deps }) =>
    computeStats(db, await scope(), deps.now(), query.weeks, query.notVisitedDays, await repo.corpVisitSettings(db, user.corpId)),
});

const pendingReviews = defineRoute({
  method: 'get', path: '/api/visits/reviews/pending', summary: "A leader's recorded visits awaiting review", tags,
  response: z.object({ items: z.array(visitItem) }),
  handler: async ({ db, user, scope, deps }) => {
    const s = await scope();
    if (s.level === 'own') return { items: [] };
    return { items: await svc.present(db, user.corpId, await repo.pendingReviews(db, s, 100), deps.now()) };
  },
});

const getSettings = defineRoute({
  method: 'get', path: '/api/visit-settings', summary: 'Check-in radius, window grace, reminder lead time', tags,
  response: visitSettings,
  handler: async ({ db, user }) => svc.settingsOf(db, user.corpId),
});

const patchSettings = defineRoute({
  method: 'patch', path: '/api/visit-settings', summary: 'Change visit settings (admin)', tags,
  body: visitSettingsBody, response: visitSettings,
  handler: async ({ db, user, body, audit }) => {
    requireRole(user, ['admin'], '只有管理员可以修改拜访设置');
    const before = await svc.settingsOf(db, user.corpId);
    const after = { ...before, ...body };
    await repo.saveCorpVisitSettings(db, user.corpId, after);
    await audit({ action: 'update', entityType: 'visit_settings', entityId: user.corpId, before, after });
    return after;
  },
});

const getOne = defineRoute({
  method: 'get', path: '/api/visits/:id', summary: 'One visit', tags,
  params: idParams, response: visitItem,
  handler: async (a) => {
    await svc.requireVisit(a.db, await a.scope(), a.params.id);
    return fresh(a as never, idNum(a.params.id));
  },
});

const patch = defineRoute({
  method: 'patch', path: '/api/visits/:id', summary: 'Edit a plan that has not started', tags,
  params: idParams, body: visitPatchBody, response: visitItem,
  handler: async (a) => {
    const { db, user, body, audit } = a;
    const s = await a.scope();
    const v = await svc.requireVisit(db, s, a.params.id, true);
    if (v.status !== 'planned') throw errors.conflict('visit_started', '拜访已开始或已结束，不能修改计划');
    const plannedStart = body.plannedStart ? new Date(body.plannedStart) : v.plannedStart;
    const plannedEnd = body.plannedEnd ? new Date(body.plannedEnd) : v.plannedEnd;
    if (plannedEnd <= plannedStart) throw errors.validation([{ path: 'body.plannedEnd', message: '计划结束时间必须晚于开始时间' }]);
    const assigneeId = body.assigneeId ? await svc.resolveAssignee(db, s, body.assigneeId) : v.assigneeId;
    if (body.contactIds) await repo.replaceVisitContacts(db, v.id, await svc.checkContacts(db, user.corpId, v.customerId, body.contactIds));
    const timeChanged = plannedStart.getTime() !== v.plannedStart.getTime();
    await repo.updateVisit(db, v.id, { purpose: body.purpose ?? v.purpose, plannedStart, plannedEnd, assigneeId, ...(timeChanged || assigneeId !== v.assigneeId ? { remindedAt: null } : {}) });
    const out = await fresh(a as never, v.id);
    await audit({ action: 'update', entityType: 'visit', entityId: v.id, before: v, after: out });
    return out;
  },
});

/** A visit action: lock the row, run the rule, audit, answer the fresh visit. */
function action<B extends z.ZodType | undefined>(
  path: string,
  summary: string,
  body: B,
  run: (a: HandlerArgs<B extends z.ZodType ? z.infer<B> : undefined, undefined, { id: string }>, v: repo.VisitWithCustomer) => Promise<void>,
  prepare?: (a: HandlerArgs<B extends z.ZodType ? z.infer<B> : undefined, undefined, { id: string }>) => Promise<unknown>,
): RouteSpec {
  return defineRoute({
    method: 'post', path: `/api/visits/:id/${path}`, summary, tags,
    params: idParams, body: body as z.ZodType, response: visitItem,
    ...(prepare ? { prepare: prepare as never } : {}),
    handler: async (a) => {
      const v = await svc.requireVisit(a.db, await a.scope(), a.params.id, true);
      await run(a as never, v);
      const out = await fresh(a as never, v.id);
      await a.audit({ action: path, entityType: 'visit', entityId: v.id, before: v, after: out });
      return out;
    },
  }) as RouteSpec;
}

const checkIn = action('check-in', 'Check in: server time, gcj02 position (or flagged as missing), on-site photo', visitCheckInBody, async (a, v) => {
  if (v.checkInAt) throw errors.conflict('already_checked_in', '该拜访已签到，无需重复签到');
  let photoId: number | null = null;
  if (a.body.photoFileId) photoId = await photos.ownPhotoFile(a.db, a.user, idNum(a.body.photoFileId));
  else if (a.body.wecomMediaId && a.prepared && v.assigneeId === a.user.id) photoId = await photos.storeWecomPhoto(a.db, a.deps, a.user, a.body.wecomMediaId, a.prepared);
  await svc.checkIn(a.db, a.deps, a.user, v, a.body, photoId);
  if (photoId) await photos.linkPhoto(a.db, a.deps, a.user, photoId, v.id);
}, async (a) => (!a.body.photoFileId && a.body.wecomMediaId ? fetchWecomMedia(a.deps, a.body.wecomMediaId) : undefined));
const checkOut = action('check-out', 'Check out: records the duration', visitCheckOutBody, (a, v) => svc.checkOut(a.db, a.deps, a.user, v, a.body));
const record = action('record', 'Visit record: also a visit follow-up on the customer timeline', visitRecordBody, (a, v) => svc.record(a.db, a.deps, a.user, v, a.body));
const review = action('review', 'Manager review: rating and comment', visitReviewBody, async (a, v) => svc.review(a.db, a.deps, await a.scope(), v, a.body));
const cancel = action('cancel', 'Cancel a planned visit', undefined, async (a, v) => {
  if (v.status !== 'planned') throw errors.conflict('visit_started', '拜访已开始或已结束，不能取消');
  await repo.updateVisit(a.db, v.id, { status: 'cancelled' });
});

export const visitRoutes: RouteSpec[] = [
  list, create, schedule, stats, pendingReviews, getSettings, patchSettings,
  getOne, patch, checkIn, checkOut, record, review, cancel,
] as RouteSpec[];

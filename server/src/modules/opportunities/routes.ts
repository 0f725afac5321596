import { z } from 'zod';
import {
  idParams,
  linesBody,
  listResponse,
  moveStageBody,
  opportunityBody,
  opportunityListQuery,
  opportunityOut,
  opportunityPatch,
  stageHistoryOut,
  stageSetBody,
  stageSetOut,
} from '@scrm/shared';
import { requireRole } from '../../auth/roles';
import { errors } from '../../http/errors';
import { defineRoute, type RouteSpec } from '../../http/route';
import { idNum, idStr, idStrOrNull } from '../../lib/ids';
import { afterKeyOf, keyCursor, pageOf } from '../../lib/paging';
import { toIso } from '../../lib/time';
import { refreshCustomerRollups } from '../customers/rollups';
import * as repo from './repo';
import * as svc from './service';
import { requireVisibleOpportunity } from './visibility';
import { stagesOf } from './stages';

const tags = ['opportunities'];

const listStageSets = defineRoute({
  method: 'get', path: '/api/stage-sets', summary: 'Stage sets per business line with their stages (the default set is created on first use)', tags,
  response: z.object({ items: z.array(stageSetOut) }),
  handler: async ({ db, user }) => ({ items: await svc.listStageSets(db, user.corpId) }),
});

const createStageSet = defineRoute({
  method: 'post', path: '/api/stage-sets', summary: 'Create a stage set for a business line (admin)', tags, status: 201,
  body: stageSetBody, response: stageSetOut,
  handler: async ({ db, user, body, audit }) => {
    requireRole(user, ['admin'], '只有管理员可以配置商机阶段');
    const out = await svc.createStageSet(db, user.corpId, body);
    await audit({ action: 'create', entityType: 'stage_set', entityId: out.id, after: out });
    return out;
  },
});

const list = defineRoute({
  method: 'get', path: '/api/opportunities', summary: 'Opportunities in the caller’s data scope (keyset by last update)', tags,
  query: opportunityListQuery, response: listResponse(opportunityOut),
  handler: async ({ db, query, scope }) => {
    const rows = await repo.list(db, await scope(), {
      listScope: query.scope, q: query.q, status: query.status, businessLine: query.businessLine,
      customerId: query.customerId ? idNum(query.customerId) : undefined,
      stageId: query.stageId ? idNum(query.stageId) : undefined,
      after: afterKeyOf(query.cursor, 'date'),
      limit: query.limit,
    });
    return pageOf(rows, query.limit, (r) => svc.presentOpportunity(r), (r) => keyCursor(r.o.updatedAt, r.o.id));
  },
});

const get = defineRoute({
  method: 'get', path: '/api/opportunities/:id', summary: 'One opportunity with its lines', tags,
  params: idParams, response: opportunityOut,
  handler: async ({ db, params, scope }) => svc.getOpportunity(db, await scope(), idNum(params.id)),
});

const create = defineRoute({
  method: 'post', path: '/api/opportunities', summary: 'Create an opportunity for a customer; owner = the customer’s owner', tags, status: 201,
  body: opportunityBody, response: opportunityOut,
  handler: async ({ db, body, user, scope, deps, audit }) => {
    const s = await scope();
    const out = await svc.createOpportunity(db, user, s, body, deps.now());
    await audit({ action: 'create', entityType: 'opportunity', entityId: out.id, after: out });
    return out;
  },
});

const patch = defineRoute({
  method: 'patch', path: '/api/opportunities/:id', summary: 'Edit an opportunity (amount only while it has no lines)', tags,
  params: idParams, body: opportunityPatch, response: opportunityOut,
  handler: async ({ db, body, params, scope, deps, audit }) => {
    const { o, before, after } = await svc.editOpportunity(db, await scope(), idNum(params.id), body, deps.now());
    await audit({ action: 'update', entityType: 'opportunity', entityId: o.id, before, after });
    return after;
  },
});

const putLines = defineRoute({
  method: 'put', path: '/api/opportunities/:id/lines', summary: 'Replace the line items; the amount becomes their sum (half-up per line, exact fen)', tags,
  params: idParams, body: linesBody, response: opportunityOut,
  handler: async ({ db, body, params, scope, deps, audit }) => {
    const s = await scope();
    const o = await svc.loadForWrite(db, s, idNum(params.id));
    if (o.status !== 'open') throw errors.conflict('opportunity_closed', '商机已结束，不能修改明细');
    const before = await svc.getOpportunity(db, s, o.id);
    await svc.replaceLines(db, o, body.lines, deps.now());
    await refreshCustomerRollups(db, o.corpId, o.customerId);
    const after = await svc.getOpportunity(db, s, o.id);
    await audit({ action: 'update_lines', entityType: 'opportunity', entityId: o.id, before: before.lines, after: after.lines });
    return after;
  },
});

const moveStage = defineRoute({
  method: 'post', path: '/api/opportunities/:id/actions/move-stage', summary: 'Move to a stage (409 stage_move_not_allowed / stage_requirement_unmet); won needs a quote, lost a reason', tags,
  params: idParams, body: moveStageBody, response: opportunityOut,
  handler: async ({ db, body, params, scope, deps, user, audit }) => {
    const s = await scope();
    const o = await svc.loadForWrite(db, s, idNum(params.id));
    const { from, to } = await svc.checkedMove(db, o, idNum(body.stageId));
    await svc.applyMove(db, o, {
      to, quoteId: body.quoteId ? idNum(body.quoteId) : null, lostReason: body.lostReason ?? null, competitor: body.competitor ?? null,
      note: body.note ?? null, userId: user.id, now: deps.now(),
    });
    const after = await svc.getOpportunity(db, s, o.id);
    await audit({ action: 'move_stage', entityType: 'opportunity', entityId: o.id, before: { stageId: idStr(from.id) }, after: { stageId: idStr(to.id), status: after.status } });
    return after;
  },
});

const history = defineRoute({
  method: 'get', path: '/api/opportunities/:id/stage-history', summary: 'Stage history with time in each stage', tags,
  params: idParams, response: z.object({ items: z.array(stageHistoryOut) }),
  handler: async ({ db, params, scope, deps }) => {
    const o = await requireVisibleOpportunity(db, await scope(), idNum(params.id));
    const rows = await repo.historyOf(db, o.id);
    const names = new Map((await stagesOf(db, o.stageSetId)).map((st) => [st.id, st.name]));
    const now = deps.now().getTime();
    return {
      items: rows.map((h) => ({
        id: idStr(h.id),
        fromStage: h.fromStageId ? { id: idStr(h.fromStageId), name: names.get(h.fromStageId) ?? '' } : null,
        toStage: { id: idStr(h.toStageId), name: names.get(h.toStageId) ?? '' },
        userId: idStrOrNull(h.userId),
        enteredAt: toIso(h.enteredAt),
        leftAt: toIso(h.leftAt),
        durationSeconds: h.durationSeconds ?? Math.max(0, Math.floor((now - h.enteredAt.getTime()) / 1000)),
        note: h.note,
      })),
    };
  },
});

export const opportunityRoutes = [listStageSets, createStageSet, list, get, create, patch, putLines, moveStage, history] as RouteSpec[];

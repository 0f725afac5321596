import { z } from 'zod';
import { actionBody, actionParams, actionResult, bulkActionBody, idParams, ownershipActionItem } from '@scrm/shared';
import { and, eq } from 'drizzle-orm';
import { leads } from '../../db/schema/index';
import { errors } from '../../http/errors';
import { defineRoute, type RouteSpec } from '../../http/route';
import { idNum } from '../../lib/ids';
import { actionHistory, runActionRoute, runBulkActions } from '../pools/routes-helpers';
import { canSeeLead, leadAdapter } from './adapter';

/** Lead ownership actions on the shared pool engine (same rules and codes as customers; `convert` is issue 6's). */
export const leadActionRoutes: RouteSpec[] = [
  defineRoute({
    method: 'post',
    path: '/api/leads/bulk-actions',
    summary: '线索批量转移 / 分配 / 回收',
    tags: ['leads'],
    body: bulkActionBody,
    handler: async ({ db, body, user, scope, deps, audit }) => runBulkActions(db, leadAdapter, { user, scope: await scope(), body, now: deps.now(), audit }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/leads/:id/actions/:action',
    summary: '线索归属操作：transfer | reclaim | claim | return | assign | discard | restore（违反规则 → 409 + 规则代码）',
    tags: ['leads'],
    params: actionParams,
    body: actionBody,
    response: actionResult,
    handler: async ({ db, params, body, user, scope, deps, audit }) =>
      runActionRoute(db, leadAdapter, { user, scope: await scope(), id: idNum(params.id), action: params.action, body, now: deps.now(), audit }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/leads/:id/actions',
    summary: '线索的归属操作记录',
    tags: ['leads'],
    params: idParams,
    response: z.object({ items: z.array(ownershipActionItem) }),
    handler: async ({ db, params, scope }) => {
      const s = await scope();
      const [l] = await db.select({ ownerId: leads.ownerId, poolId: leads.poolId }).from(leads).where(and(eq(leads.corpId, s.corpId), eq(leads.id, idNum(params.id))));
      if (!l || !(await canSeeLead(db, s, l))) throw errors.notFound('线索');
      return { items: await actionHistory(db, s.corpId, 'lead', idNum(params.id)) };
    },
  }),
];

import { z } from 'zod';
import { bulkActionBody, bulkActionResult, idParams, leadActionBody, leadActionParams, leadActionResult, leadConvertBody, ownershipActionItem } from '@scrm/shared';
import { defineRoute, type RouteSpec } from '../../http/route';
import { parseInput } from '../../http/validate';
import { idNum, idStrOrNull } from '../../lib/ids';
import { actionHistory, runActionRoute, runBulkActions } from '../pools/routes-helpers';
import { leadAdapter } from './adapter';
import { leadOwnership } from './repo';
import { requireVisibleLead } from './visibility';
import { convertLead } from './convert';

/** Lead ownership actions on the shared pool engine (same rules and codes as customers), plus `convert` (线索转换, `convert.ts`). */
export const leadActionRoutes: RouteSpec[] = [
  defineRoute({
    method: 'post',
    path: '/api/leads/bulk-actions',
    summary: '线索批量转移 / 分配 / 回收（每条独立执行，返回逐条结果）',
    tags: ['leads'],
    body: bulkActionBody,
    response: bulkActionResult,
    handler: async ({ db, body, user, scope, deps, audit }) => runBulkActions(db, leadAdapter, { user, scope: await scope(), body, now: deps.now(), audit }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/leads/:id/actions/:action',
    summary:
      '线索操作：transfer | reclaim | claim | return | assign | discard | restore（违反规则 → 409 + 规则代码）| convert（{mode:new|merge, customerId?, customer?, contact?, opportunity?}）',
    tags: ['leads'],
    params: leadActionParams,
    body: leadActionBody,
    response: leadActionResult,
    handler: async ({ db, params, body, user, scope, deps, audit }) => {
      const s = await scope();
      const id = idNum(params.id);
      if (params.action === 'convert') {
        const conversion = await convertLead(db, { user, scope: s, id, body: parseInput(leadConvertBody, body, 'body'), deps, audit });
        const l = await leadOwnership(db, s.corpId, id);
        return { entityId: params.id, action: 'convert', ownerId: idStrOrNull(l?.ownerId), poolId: idStrOrNull(l?.poolId), status: 'converted', conversion };
      }
      const { toUserId, reason, poolId } = body;
      return runActionRoute(db, leadAdapter, { user, scope: s, id, action: params.action, body: { toUserId, reason, poolId }, now: deps.now(), audit });
    },
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
      await requireVisibleLead(db, s, idNum(params.id));
      return { items: await actionHistory(db, s.corpId, 'lead', idNum(params.id)) };
    },
  }),
];

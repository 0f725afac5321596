import { z } from 'zod';
import { actionStatsQuery, actionStatsResponse, idParams, poolBody, poolItem, poolPatchBody, POOL_ENTITY_TYPES } from '@scrm/shared';
import { requireRole } from '../../auth/roles';
import type { AuthUser } from '../../http/context';
import { defineRoute, type RouteSpec } from '../../http/route';
import { idNum } from '../../lib/ids';
import { createPool, listPools, ownershipActionStats, updatePool } from './service';

const adminOnly = (user: AuthUser) => requireRole(user, ['admin'], '只有管理员可以配置公海');

export const poolRoutes: RouteSpec[] = [
  defineRoute({
    method: 'get',
    path: '/api/pools',
    summary: '公海列表（可见范围内；管理员看全部）',
    tags: ['pools'],
    query: z.object({ entityType: z.enum(POOL_ENTITY_TYPES).optional() }),
    response: z.object({ items: z.array(poolItem) }),
    handler: async ({ db, query, scope }) => ({ items: await listPools(db, await scope(), query.entityType) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/pools',
    summary: '新建公海 / 线索池（规则：每日领取上限、持有上限、冷却期、按等级自动回收与提醒）',
    tags: ['pools'],
    body: poolBody,
    response: poolItem,
    status: 201,
    handler: async ({ db, body, user, audit }) => {
      adminOnly(user);
      const out = await createPool(db, user.corpId, body);
      await audit({ action: 'pool.create', entityType: 'pool', entityId: out.id, after: out });
      return out;
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/api/pools/:id',
    summary: '修改公海设置与规则',
    tags: ['pools'],
    params: idParams,
    body: poolPatchBody,
    response: poolItem,
    handler: async ({ db, params, body, user, audit }) => {
      adminOnly(user);
      const { before, after } = await updatePool(db, user.corpId, idNum(params.id), body);
      await audit({ action: 'pool.update', entityType: 'pool', entityId: after.id, before, after });
      return after;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/ownership-actions/stats',
    summary: '归属操作统计（按操作人 / 接收人 / 操作 / 日期分组计数），范围内的操作人',
    tags: ['pools'],
    query: actionStatsQuery,
    response: actionStatsResponse,
    handler: async ({ db, query, scope }) => ownershipActionStats(db, await scope(), query),
  }),
];

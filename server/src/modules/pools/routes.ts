import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { actionStatsQuery, actionStatsResponse, idParams, poolBody, poolItem, poolPatchBody, POOL_ENTITY_TYPES, type PoolBody } from '@scrm/shared';
import { requireRole } from '../../auth/roles';
import { ownerCondition } from '../../auth/scope';
import type { Db } from '../../db/client';
import type { AuthUser } from '../../http/context';
import { ownershipActions, poolDepartments, poolMembers, poolRules, pools, users } from '../../db/schema/index';
import { errors } from '../../http/errors';
import { defineRoute, type RouteSpec } from '../../http/route';
import { idNum, idStr } from '../../lib/ids';
import { getPool, poolDepartmentIds, poolMemberIds, poolsOfCorp, rulesOfPools, visiblePoolIds, type PoolRow } from './repo';

async function present(db: Db, list: PoolRow[]) {
  const ids = list.map((p) => p.id);
  const [depts, members, rules] = await Promise.all([poolDepartmentIds(db, ids), poolMemberIds(db, ids), rulesOfPools(db, ids)]);
  return list.map((p) => ({
    id: idStr(p.id),
    entityType: p.entityType,
    name: p.name,
    isDefault: p.isDefault,
    claimDailyLimit: p.claimDailyLimit,
    holdLimit: p.holdLimit,
    cooldownDays: p.cooldownDays,
    departmentIds: (depts.get(p.id) ?? []).map(idStr),
    memberIds: (members.get(p.id) ?? []).map(idStr),
    rules: (rules.get(p.id) ?? []).map((r) => ({
      grade: r.grade,
      holdLimit: r.holdLimit,
      reclaimNoFollowUpDays: r.reclaimNoFollowUpDays,
      reclaimNoDealDays: r.reclaimNoDealDays,
      remindDaysBefore: r.remindDaysBefore,
    })),
  }));
}

/** Writes a pool's scalar settings, range, members and per-grade rules (replacing the lists given). */
async function savePool(db: Db, corpId: number, poolId: number, b: Partial<PoolBody>): Promise<void> {
  const set: Partial<typeof pools.$inferInsert> = {};
  for (const k of ['name', 'isDefault', 'claimDailyLimit', 'holdLimit', 'cooldownDays'] as const) if (b[k] !== undefined) (set as Record<string, unknown>)[k] = b[k];
  if (Object.keys(set).length) await db.update(pools).set(set).where(eq(pools.id, poolId));
  if (b.isDefault) {
    const [p] = await db.select({ t: pools.entityType }).from(pools).where(eq(pools.id, poolId));
    await db.execute(sql`UPDATE ${pools} SET is_default = (id = ${poolId}) WHERE corp_id = ${corpId} AND entity_type = ${p!.t}`);
  }
  if (b.departmentIds) {
    await db.delete(poolDepartments).where(eq(poolDepartments.poolId, poolId));
    if (b.departmentIds.length) await db.insert(poolDepartments).values([...new Set(b.departmentIds)].map((d) => ({ poolId, departmentId: idNum(d) })));
  }
  if (b.memberIds) {
    await db.delete(poolMembers).where(eq(poolMembers.poolId, poolId));
    if (b.memberIds.length) await db.insert(poolMembers).values([...new Set(b.memberIds)].map((u) => ({ poolId, userId: idNum(u) })));
  }
  if (b.rules) {
    await db.delete(poolRules).where(eq(poolRules.poolId, poolId));
    const byGrade = new Map(b.rules.map((r) => [r.grade, r]));
    if (byGrade.size)
      await db.insert(poolRules).values(
        [...byGrade.values()].map((r) => ({
          corpId,
          poolId,
          grade: r.grade,
          holdLimit: r.holdLimit ?? null,
          reclaimNoFollowUpDays: r.reclaimNoFollowUpDays ?? null,
          reclaimNoDealDays: r.reclaimNoDealDays ?? null,
          remindDaysBefore: r.remindDaysBefore ?? null,
        })),
      );
  }
}

const adminOnly = (user: AuthUser) => requireRole(user, ['admin'], '只有管理员可以配置公海');

export const poolRoutes: RouteSpec[] = [
  defineRoute({
    method: 'get',
    path: '/api/pools',
    summary: '公海列表（可见范围内；管理员看全部）',
    tags: ['pools'],
    query: z.object({ entityType: z.enum(POOL_ENTITY_TYPES).optional() }),
    response: z.object({ items: z.array(poolItem) }),
    handler: async ({ db, query, scope }) => {
      const s = await scope();
      let list = await poolsOfCorp(db, s.corpId, query.entityType);
      if (s.level !== 'all') {
        const visible = new Set([...(await visiblePoolIds(db, s.corpId, s.userId, 'customer')), ...(await visiblePoolIds(db, s.corpId, s.userId, 'lead'))]);
        list = list.filter((p) => visible.has(p.id));
      }
      return { items: await present(db, list) };
    },
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
      const [row] = await db.insert(pools).values({ corpId: user.corpId, entityType: body.entityType, name: body.name }).$returningId();
      await savePool(db, user.corpId, row!.id, body);
      const [out] = await present(db, [(await getPool(db, user.corpId, row!.id))!]);
      await audit({ action: 'pool.create', entityType: 'pool', entityId: row!.id, after: out });
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
      const pool = await getPool(db, user.corpId, idNum(params.id));
      if (!pool) throw errors.notFound('公海');
      const [before] = await present(db, [pool]);
      await savePool(db, user.corpId, pool.id, body);
      const [out] = await present(db, [(await getPool(db, user.corpId, pool.id))!]);
      await audit({ action: 'pool.update', entityType: 'pool', entityId: pool.id, before, after: out });
      return out;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/ownership-actions/stats',
    summary: '归属操作统计（按操作人 / 接收人 / 操作 / 日期分组计数），范围内的操作人',
    tags: ['pools'],
    query: actionStatsQuery,
    response: actionStatsResponse,
    handler: async ({ db, query, scope }) => {
      const s = await scope();
      const a = ownershipActions;
      const keyExpr = {
        actor: sql<string>`COALESCE(${a.actorId}, 0)`,
        toUser: sql<string>`COALESCE(${a.toUserId}, 0)`,
        action: sql<string>`${a.action}`,
        day: sql<string>`DATE(CONVERT_TZ(${a.createdAt}, '+00:00', '+08:00'))`,
      }[query.groupBy];
      const userCol = query.groupBy === 'toUser' ? a.toUserId : a.actorId;
      const rows = await db
        .select({ key: keyExpr, action: a.action, count: sql<number>`COUNT(*)` })
        .from(a)
        .where(
          and(
            eq(a.corpId, s.corpId),
            eq(a.entityType, query.entityType),
            query.from ? gte(a.createdAt, new Date(query.from)) : undefined,
            query.to ? lte(a.createdAt, new Date(query.to)) : undefined,
            ownerCondition(s, 'all', userCol),
          ),
        )
        .groupBy(keyExpr, a.action);
      const names = new Map((await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.corpId, s.corpId))).map((u) => [String(u.id), u.name]));
      return {
        items: rows.map((r) => ({
          key: String(r.key),
          label: query.groupBy === 'actor' || query.groupBy === 'toUser' ? (names.get(String(r.key)) ?? (String(r.key) === '0' ? '系统' : null)) : null,
          action: r.action,
          count: Number(r.count),
        })),
      };
    },
  }),
];

import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { actionStatsQuery, PoolBody, PoolEntityType } from '@scrm/shared';
import { ownerCondition, type DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { departments, ownershipActions, poolDepartments, poolMembers, poolRules, pools, userDepartments, users } from '../../db/schema/index';
import { idNum } from '../../lib/ids';

export type PoolRow = typeof pools.$inferSelect;
export type PoolRuleRow = typeof poolRules.$inferSelect;

/** The default pool of a type (or the oldest pool of that type); null when the corp has none. */
export async function defaultPoolId(db: Db, corpId: number, entityType: PoolEntityType): Promise<number | null> {
  const [row] = await db
    .select({ id: pools.id })
    .from(pools)
    .where(and(eq(pools.corpId, corpId), eq(pools.entityType, entityType)))
    .orderBy(desc(pools.isDefault), asc(pools.id))
    .limit(1);
  return row?.id ?? null;
}

export async function getPool(db: Db, corpId: number, poolId: number): Promise<PoolRow | null> {
  const [row] = await db
    .select()
    .from(pools)
    .where(and(eq(pools.corpId, corpId), eq(pools.id, poolId)));
  return row ?? null;
}

export async function poolsOfCorp(db: Db, corpId: number, entityType?: PoolEntityType): Promise<PoolRow[]> {
  return db
    .select()
    .from(pools)
    .where(and(eq(pools.corpId, corpId), entityType ? eq(pools.entityType, entityType) : undefined))
    .orderBy(asc(pools.id));
}

export async function poolDepartmentIds(db: Db, poolIds: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (!poolIds.length) return out;
  const rows = await db.select().from(poolDepartments).where(inArray(poolDepartments.poolId, poolIds));
  for (const r of rows) out.set(r.poolId, [...(out.get(r.poolId) ?? []), r.departmentId]);
  return out;
}

export async function poolMemberIds(db: Db, poolIds: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (!poolIds.length) return out;
  const rows = await db.select().from(poolMembers).where(inArray(poolMembers.poolId, poolIds));
  for (const r of rows) out.set(r.poolId, [...(out.get(r.poolId) ?? []), r.userId]);
  return out;
}

export async function rulesOfPools(db: Db, poolIds: number[]): Promise<Map<number, PoolRuleRow[]>> {
  const out = new Map<number, PoolRuleRow[]>();
  if (!poolIds.length) return out;
  const rows = await db.select().from(poolRules).where(inArray(poolRules.poolId, poolIds));
  for (const r of rows) out.set(r.poolId, [...(out.get(r.poolId) ?? []), r]);
  return out;
}

/**
 * Pools of a type the user may see, as a subquery of pool ids: pools without a department range,
 * and pools whose range (departments and their sub-departments) contains one of the user's
 * departments. The one statement of the pool-range rule (`visiblePoolIds` runs it).
 */
export function visiblePoolsSql(corpId: number, userId: number, entityType: PoolEntityType): SQL {
  return sql`
    SELECT p.id FROM ${pools} p
    WHERE p.corp_id = ${corpId} AND p.entity_type = ${entityType}
      AND (
        NOT EXISTS (SELECT 1 FROM ${poolDepartments} pd WHERE pd.pool_id = p.id)
        OR EXISTS (
          SELECT 1 FROM ${poolDepartments} pd
          JOIN ${departments} range_d ON range_d.id = pd.department_id
          JOIN ${departments} my_d ON my_d.corp_id = range_d.corp_id AND my_d.path LIKE CONCAT(range_d.path, '%')
          JOIN ${userDepartments} ud ON ud.department_id = my_d.id AND ud.user_id = ${userId}
          WHERE pd.pool_id = p.id
        )
      )`;
}

/** Ids of the pools of a type the user may see (`visiblePoolsSql`). */
export async function visiblePoolIds(db: Db, corpId: number, userId: number, entityType: PoolEntityType): Promise<number[]> {
  const rows = await db.execute(visiblePoolsSql(corpId, userId, entityType));
  return (rows[0] as unknown as { id: number }[]).map((r) => Number(r.id));
}

/** Creates a pool row (settings, range and rules follow with `writePoolSettings`); returns its id. */
export async function insertPool(db: Db, corpId: number, entityType: PoolEntityType, name: string): Promise<number> {
  const [row] = await db.insert(pools).values({ corpId, entityType, name }).$returningId();
  return row!.id;
}

/** Writes a pool's scalar settings, range, members and per-grade rules (replacing the lists given). */
export async function writePoolSettings(db: Db, corpId: number, poolId: number, b: Partial<PoolBody>): Promise<void> {
  const set: Partial<typeof pools.$inferInsert> = {};
  for (const k of ['name', 'isDefault', 'claimDailyLimit', 'holdLimit', 'cooldownDays'] as const) if (b[k] !== undefined) (set as Record<string, unknown>)[k] = b[k];
  if (Object.keys(set).length) await db.update(pools).set(set).where(and(eq(pools.corpId, corpId), eq(pools.id, poolId)));
  if (b.isDefault) {
    const [p] = await db.select({ t: pools.entityType }).from(pools).where(and(eq(pools.corpId, corpId), eq(pools.id, poolId)));
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

/** Ownership actions counted by a key (actor / receiver / action / Shanghai day) and action, for actors (or receivers) in the scope. */
export async function ownershipActionCounts(db: Db, scope: DataScope, q: z.infer<typeof actionStatsQuery>) {
  const a = ownershipActions;
  const keyExpr = {
    actor: sql<string>`COALESCE(${a.actorId}, 0)`,
    toUser: sql<string>`COALESCE(${a.toUserId}, 0)`,
    action: sql<string>`${a.action}`,
    day: sql<string>`DATE(CONVERT_TZ(${a.createdAt}, '+00:00', '+08:00'))`,
  }[q.groupBy];
  const userCol = q.groupBy === 'toUser' ? a.toUserId : a.actorId;
  return db
    .select({ key: keyExpr, action: a.action, count: sql<number>`COUNT(*)` })
    .from(a)
    .where(
      and(
        eq(a.corpId, scope.corpId),
        eq(a.entityType, q.entityType),
        q.from ? gte(a.createdAt, new Date(q.from)) : undefined,
        q.to ? lte(a.createdAt, new Date(q.to)) : undefined,
        ownerCondition(scope, 'all', userCol),
      ),
    )
    .groupBy(keyExpr, a.action);
}

/** Names of the corp's users by id (as a string key). */
export async function userNamesOfCorp(db: Db, corpId: number): Promise<Map<string, string>> {
  return new Map((await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.corpId, corpId))).map((u) => [String(u.id), u.name]));
}

/** A record's ownership action rows with the actor's name, oldest first. */
export function ownershipActionsOf(db: Db, corpId: number, type: PoolEntityType, entityId: number) {
  return db
    .select({ a: ownershipActions, actorName: users.name })
    .from(ownershipActions)
    .leftJoin(users, eq(users.id, ownershipActions.actorId))
    .where(and(eq(ownershipActions.corpId, corpId), eq(ownershipActions.entityType, type), eq(ownershipActions.entityId, entityId)))
    .orderBy(asc(ownershipActions.createdAt), asc(ownershipActions.id));
}

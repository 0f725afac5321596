import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PoolEntityType } from '@scrm/shared';
import type { Db } from '../../db/client';
import { departments, poolDepartments, poolMembers, poolRules, pools, userDepartments } from '../../db/schema/index';

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

import type { z } from 'zod';
import type { actionStatsQuery, PoolBody, PoolEntityType, PoolItem } from '@scrm/shared';
import type { DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { errors } from '../../http/errors';
import { idStr } from '../../lib/ids';
import {
  getPool,
  insertPool,
  ownershipActionCounts,
  poolDepartmentIds,
  poolMemberIds,
  poolsOfCorp,
  rulesOfPools,
  userNamesOfCorp,
  visiblePoolIds,
  writePoolSettings,
  type PoolRow,
} from './repo';

/** Pools as the API shows them (range, members and per-grade rules included). */
export async function presentPools(db: Db, list: PoolRow[]): Promise<PoolItem[]> {
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

/** The corp's pools (of a type) the caller may see: all with the `all` scope, otherwise those whose range includes the caller. */
export async function listPools(db: Db, scope: DataScope, entityType?: PoolEntityType): Promise<PoolItem[]> {
  let list = await poolsOfCorp(db, scope.corpId, entityType);
  if (scope.level !== 'all') {
    const visible = new Set([...(await visiblePoolIds(db, scope.corpId, scope.userId, 'customer')), ...(await visiblePoolIds(db, scope.corpId, scope.userId, 'lead'))]);
    list = list.filter((p) => visible.has(p.id));
  }
  return presentPools(db, list);
}

/** One pool as the API shows it, or 404. */
export async function presentPool(db: Db, corpId: number, poolId: number): Promise<PoolItem> {
  const pool = await getPool(db, corpId, poolId);
  if (!pool) throw errors.notFound('公海');
  return (await presentPools(db, [pool]))[0]!;
}

/** Creates a pool with its settings; the caller checks the role and audits. */
export async function createPool(db: Db, corpId: number, body: PoolBody): Promise<PoolItem> {
  const id = await insertPool(db, corpId, body.entityType, body.name);
  await writePoolSettings(db, corpId, id, body);
  return presentPool(db, corpId, id);
}

/** Changes a pool's settings (404 outside the corp); returns before and after for the audit. */
export async function updatePool(db: Db, corpId: number, poolId: number, body: Partial<PoolBody>): Promise<{ before: PoolItem; after: PoolItem }> {
  const before = await presentPool(db, corpId, poolId);
  await writePoolSettings(db, corpId, poolId, body);
  return { before, after: await presentPool(db, corpId, poolId) };
}

/** Ownership action counts grouped as asked; actor / receiver keys carry the user's name (`系统` for the system). */
export async function ownershipActionStats(db: Db, scope: DataScope, q: z.infer<typeof actionStatsQuery>) {
  const rows = await ownershipActionCounts(db, scope, q);
  const names = await userNamesOfCorp(db, scope.corpId);
  return {
    items: rows.map((r) => ({
      key: String(r.key),
      label: q.groupBy === 'actor' || q.groupBy === 'toUser' ? (names.get(String(r.key)) ?? (String(r.key) === '0' ? '系统' : null)) : null,
      action: r.action,
      count: Number(r.count),
    })),
  };
}

import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import { POOL_RULE_CODES as R, type ActionBody, type OwnershipAction, type PoolEntityType, type RouteAction } from '@scrm/shared';
import { canSeeOwner, type DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { ownershipActions, poolUserCounters, users } from '../../db/schema/index';
import type { AuthUser } from '../../http/context';
import { errors } from '../../http/errors';
import { idNum } from '../../lib/ids';
import { shanghaiDayStart } from '../../lib/time';
import { recordAction } from './actions-log';
import { defaultPoolId, getPool, poolMemberIds, rulesOfPools, visiblePoolIds, type PoolRow } from './repo';

/** The pool-relevant state of a customer or lead. */
export interface PoolEntityState {
  id: number;
  ownerId: number | null;
  poolId: number | null;
  status: string;
  grade: string | null;
  locked: boolean;
}

/** How the engine reads and writes one kind of record; customers and leads each provide one. */
export interface PoolEntityAdapter {
  type: PoolEntityType;
  /** 客户 / 线索, for messages. */
  label: string;
  /** Loads the row with a write lock (SELECT … FOR UPDATE), or null when not in the corp. */
  lockRow(db: Db, corpId: number, id: number): Promise<PoolEntityState | null>;
  /** Data scope of one record (own, collaborator, subtree, visible pool…). */
  canSee(db: Db, scope: DataScope, row: PoolEntityState): Promise<boolean>;
  update(db: Db, corpId: number, id: number, set: { ownerId: number | null; poolId: number | null; ownedAt: Date | null; status?: string }): Promise<void>;
  /** Active records `userId` holds in `poolId` (optionally of one grade). */
  countHeld(db: Db, corpId: number, userId: number, poolId: number, grade?: string | null): Promise<number>;
  /** Side effects of an owner change (e.g. open opportunities move with a customer). */
  afterOwnerChange?(db: Db, corpId: number, id: number, fromUserId: number | null, toUserId: number | null, at: Date): Promise<void>;
}

export interface ActionInput {
  user: AuthUser;
  scope: DataScope;
  id: number;
  action: RouteAction;
  body: ActionBody;
  now: Date;
}

export interface ActionOutcome {
  entityId: number;
  action: OwnershipAction;
  before: PoolEntityState;
  after: { ownerId: number | null; poolId: number | null; status: string };
}

const DAY_MS = 86_400_000;
const isManager = (scope: DataScope) => scope.level !== 'own';

/** Serialises every ownership gain of one user (claims, assigns, transfers to them) so caps hold under concurrency. */
async function lockUserCounter(db: Db, corpId: number, userId: number, type: PoolEntityType, now: Date): Promise<void> {
  // ON DUPLICATE KEY UPDATE takes the row's exclusive lock directly (no shared-then-exclusive
  // upgrade), so concurrent first-time inserts queue instead of deadlocking.
  await db.execute(
    sql`INSERT INTO ${poolUserCounters} (corp_id, user_id, entity_type, last_action_at) VALUES (${corpId}, ${userId}, ${type}, ${now})
        ON DUPLICATE KEY UPDATE last_action_at = VALUES(last_action_at)`,
  );
}

async function resolveTarget(db: Db, user: AuthUser, scope: DataScope, raw: string | undefined): Promise<number> {
  if (!raw) throw errors.conflict(R.targetRequired, '请选择接收人');
  const id = idNum(raw);
  // A locking read (MariaDB has no FOR SHARE): it does not open the transaction's snapshot
  // before the counter lock, so the caps below count committed rows.
  const [rows] = (await db.execute(
    sql`SELECT id, status FROM ${users} WHERE corp_id = ${user.corpId} AND id = ${id} LOCK IN SHARE MODE`,
  )) as unknown as [{ id: number; status: string }[]];
  const target = rows[0];
  if (!target || target.status !== 'active') throw errors.conflict(R.targetInvalid, '接收人不存在或已停用');
  if (scope.level === 'subtree' && !canSeeOwner(scope, id)) throw errors.conflict(R.targetInvalid, '只能分配给本部门的成员');
  return id;
}

async function resolvePool(db: Db, corpId: number, type: PoolEntityType, raw: string | undefined, current: number | null): Promise<PoolRow> {
  const id = raw ? idNum(raw) : (current ?? (await defaultPoolId(db, corpId, type)));
  const pool = id ? await getPool(db, corpId, id) : null;
  if (!pool || pool.entityType !== type) throw errors.conflict(R.noPool, raw ? '公海不存在' : '没有可退回的公海，请先创建公海');
  return pool;
}

/** Hold caps of the pool for `userId` taking one more record of `grade`. */
async function checkHoldLimits(db: Db, a: PoolEntityAdapter, corpId: number, userId: number, pool: PoolRow, grade: string | null): Promise<void> {
  if (pool.holdLimit != null && (await a.countHeld(db, corpId, userId, pool.id)) >= pool.holdLimit) {
    throw errors.conflict(R.holdLimit, `持有的${a.label}已达上限（${pool.holdLimit} 个）`, { limit: pool.holdLimit });
  }
  const rule = (await rulesOfPools(db, [pool.id])).get(pool.id)?.find((r) => r.grade !== '' && r.grade === (grade ?? ''));
  if (rule?.holdLimit != null && (await a.countHeld(db, corpId, userId, pool.id, grade)) >= rule.holdLimit) {
    throw errors.conflict(R.holdLimit, `持有的 ${grade} 级${a.label}已达上限（${rule.holdLimit} 个）`, { limit: rule.holdLimit, grade });
  }
}

async function checkClaimRules(db: Db, a: PoolEntityAdapter, input: ActionInput, row: PoolEntityState, pool: PoolRow): Promise<void> {
  const { user, now } = input;
  const members = (await poolMemberIds(db, [pool.id])).get(pool.id);
  if (members?.length && !members.includes(user.id)) throw errors.conflict(R.notPoolMember, '您不是该公海的领取成员');
  if (pool.cooldownDays) {
    const [last] = await db
      .select({ at: sql<Date | null>`MAX(${ownershipActions.createdAt})` })
      .from(ownershipActions)
      .where(
        and(
          eq(ownershipActions.corpId, user.corpId),
          eq(ownershipActions.entityType, a.type),
          eq(ownershipActions.entityId, row.id),
          eq(ownershipActions.fromUserId, user.id),
          inArray(ownershipActions.action, ['return', 'reclaim', 'transfer', 'discard']),
        ),
      );
    const at = last?.at ? new Date(last.at) : null;
    if (at && now.getTime() - at.getTime() < pool.cooldownDays * DAY_MS) {
      throw errors.conflict(R.claimCooldown, `该${a.label}离开您不足 ${pool.cooldownDays} 天，暂不能重新领取`, {
        availableAt: new Date(at.getTime() + pool.cooldownDays * DAY_MS).toISOString(),
      });
    }
  }
  if (pool.claimDailyLimit != null) {
    const [c] = await db
      .select({ n: sql<number>`COUNT(*)` })
      .from(ownershipActions)
      .where(
        and(
          eq(ownershipActions.corpId, user.corpId),
          eq(ownershipActions.entityType, a.type),
          eq(ownershipActions.actorId, user.id),
          eq(ownershipActions.action, 'claim'),
          eq(ownershipActions.fromPoolId, pool.id),
          gte(ownershipActions.createdAt, shanghaiDayStart(now)),
        ),
      );
    if (Number(c?.n ?? 0) >= pool.claimDailyLimit) {
      throw errors.conflict(R.claimDailyLimit, `今日领取已达上限（${pool.claimDailyLimit} 个）`, { limit: pool.claimDailyLimit });
    }
  }
  await checkHoldLimits(db, a, user.corpId, user.id, pool, row.grade);
}

/** True when the record's latest ownership change was a claim or assign out of a pool the user can see. */
async function takenFromVisiblePool(db: Db, a: PoolEntityAdapter, user: AuthUser, id: number): Promise<boolean> {
  const [last] = await db
    .select({ action: ownershipActions.action, fromPoolId: ownershipActions.fromPoolId })
    .from(ownershipActions)
    .where(and(eq(ownershipActions.corpId, user.corpId), eq(ownershipActions.entityType, a.type), eq(ownershipActions.entityId, id)))
    .orderBy(desc(ownershipActions.id))
    .limit(1)
    // A locking read sees the winner's committed log row (a plain read would use the older snapshot).
    .for('update');
  if (!last || (last.action !== 'claim' && last.action !== 'assign') || last.fromPoolId == null) return false;
  return (await visiblePoolIds(db, user.corpId, user.id, a.type)).includes(last.fromPoolId);
}

/**
 * Runs one ownership action under the pool rules, in the caller's transaction: locks the
 * receiving user's counter row, then the record, checks visibility (404) and the rules (409 with
 * a rule code), updates owner/pool/status and appends to the action log.
 */
export async function performAction(db: Db, a: PoolEntityAdapter, input: ActionInput): Promise<ActionOutcome> {
  const { user, scope, id, action, body, now } = input;
  const corpId = user.corpId;
  let target: number | null = null;
  if (action === 'claim') target = user.id;
  if (action === 'assign' || action === 'transfer') target = await resolveTarget(db, user, scope, body.toUserId);
  if (target != null) await lockUserCounter(db, corpId, target, a.type, now);

  const row = await a.lockRow(db, corpId, id);
  if (!row) throw errors.notFound(a.label);
  if (!(await a.canSee(db, scope, row))) {
    // Someone else claimed it from a pool the caller can see: a lost race, not a secret. Only when
    // its latest ownership change took it out of such a pool (it was listed there); a record that
    // never sat in a visible pool, or moved on since, stays a 404: never reveal existence.
    if (action === 'claim' && row.status === 'active' && (await takenFromVisiblePool(db, a, user, id))) {
      throw errors.conflict(R.alreadyOwned, `该${a.label}已被领取`);
    }
    throw errors.notFound(a.label);
  }
  const reason = body.reason?.trim() || null;
  const inPool = row.ownerId == null && row.status === 'active';
  const isOwner = row.ownerId === user.id;
  const log = { corpId, entityType: a.type, entityId: id, actorId: user.id, reason, at: now } as const;
  let next: ActionOutcome['after'];

  if (row.status === 'discarded' && action !== 'restore') throw errors.conflict(R.discarded, `该${a.label}已废弃，请先恢复`);
  if (row.status !== 'active' && row.status !== 'discarded') throw errors.conflict(R.discarded, `该${a.label}已${row.status === 'converted' ? '转换' : '关闭'}`);

  switch (action) {
    case 'claim':
    case 'assign': {
      if (!inPool) throw errors.conflict(action === 'claim' && row.ownerId ? R.alreadyOwned : R.notInPool, row.ownerId ? `该${a.label}已被领取` : `该${a.label}不在公海中`);
      if (action === 'assign' && !isManager(scope)) throw errors.conflict(R.notManager, '只有管理者可以分配');
      const pool = await resolvePool(db, corpId, a.type, undefined, row.poolId);
      if (action === 'claim') await checkClaimRules(db, a, input, row, pool);
      else await checkHoldLimits(db, a, corpId, target!, pool, row.grade);
      next = { ownerId: target, poolId: pool.id, status: 'active' };
      await recordAction(db, { ...log, action, toUserId: target, fromPoolId: pool.id });
      break;
    }
    case 'transfer': {
      if (row.ownerId == null) throw errors.conflict(R.notInPool, `公海中的${a.label}请使用分配`);
      if (!isOwner && !isManager(scope)) throw errors.conflict(R.notOwner, `只有负责人或管理者可以转移`);
      if (row.ownerId === target) throw errors.conflict(R.sameOwner, '接收人已是负责人');
      if (row.poolId) {
        const pool = await getPool(db, corpId, row.poolId);
        if (pool) await checkHoldLimits(db, a, corpId, target!, pool, row.grade);
      }
      next = { ownerId: target, poolId: row.poolId, status: 'active' };
      await recordAction(db, { ...log, action, fromUserId: row.ownerId, toUserId: target });
      break;
    }
    case 'return':
    case 'reclaim': {
      if (row.ownerId == null) throw errors.conflict(R.notInPool, `该${a.label}已在公海中`);
      if (action === 'return' && !isOwner) throw errors.conflict(R.notOwner, `只有负责人可以退回`);
      if (action === 'reclaim' && !isManager(scope)) throw errors.conflict(R.notManager, '只有管理者可以回收');
      if (row.locked) throw errors.conflict(R.locked, `该${a.label}已锁定，不能${action === 'return' ? '退回' : '回收'}`);
      if (action === 'return' && !reason) throw errors.conflict(R.reasonRequired, '退回公海必须填写原因');
      const pool = await resolvePool(db, corpId, a.type, body.poolId, row.poolId);
      next = { ownerId: null, poolId: pool.id, status: 'active' };
      await recordAction(db, { ...log, action, fromUserId: row.ownerId, fromPoolId: row.poolId, toPoolId: pool.id, rule: 'manual' });
      break;
    }
    case 'discard': {
      if (!isOwner && !isManager(scope)) throw errors.conflict(R.notOwner, `只有负责人或管理者可以废弃`);
      if (row.locked) throw errors.conflict(R.locked, `该${a.label}已锁定，不能废弃`);
      if (!reason) throw errors.conflict(R.reasonRequired, '废弃必须填写原因');
      next = { ownerId: null, poolId: row.poolId, status: 'discarded' };
      await recordAction(db, { ...log, action, fromUserId: row.ownerId, fromPoolId: row.poolId });
      break;
    }
    case 'restore': {
      if (row.status !== 'discarded') throw errors.conflict(R.notDiscarded, `该${a.label}未被废弃`);
      if (!isManager(scope)) throw errors.conflict(R.notManager, '只有管理者可以恢复');
      const pool = await resolvePool(db, corpId, a.type, body.poolId, row.poolId);
      next = { ownerId: null, poolId: pool.id, status: 'active' };
      await recordAction(db, { ...log, action, toPoolId: pool.id });
      break;
    }
  }
  const ownerChanged = next.ownerId !== row.ownerId;
  await a.update(db, corpId, id, { ...next, ownedAt: next.ownerId == null ? null : ownerChanged ? now : null });
  if (ownerChanged && a.afterOwnerChange) await a.afterOwnerChange(db, corpId, id, row.ownerId, next.ownerId, now);
  return { entityId: id, action, before: row, after: next };
}

/** Pools the scope may list from (pool tab); null = every pool (level all). */
export async function poolScopeIds(db: Db, scope: DataScope, type: PoolEntityType): Promise<number[] | null> {
  if (scope.level === 'all') return null;
  return visiblePoolIds(db, scope.corpId, scope.userId, type);
}

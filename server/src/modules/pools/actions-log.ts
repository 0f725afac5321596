import type { OwnershipAction, PoolEntityType } from '@scrm/shared';
import type { Db } from '../../db/client';
import { ownershipActions } from '../../db/schema/index';

export interface ActionRecord {
  corpId: number;
  entityType: PoolEntityType;
  entityId: number;
  action: OwnershipAction;
  /** null = the system (reclaim job, WeCom callback without a known employee). */
  actorId: number | null;
  fromUserId?: number | null;
  toUserId?: number | null;
  fromPoolId?: number | null;
  toPoolId?: number | null;
  reason?: string | null;
  /** The rule that applied (e.g. `auto_no_follow_up`) or that was overridden. */
  rule?: string | null;
  ruleRespected?: boolean;
  at: Date;
}

/** Appends one row to the ownership action log, in the caller's transaction. */
export async function recordAction(db: Db, a: ActionRecord): Promise<void> {
  await db.insert(ownershipActions).values({
    corpId: a.corpId,
    entityType: a.entityType,
    entityId: a.entityId,
    action: a.action,
    actorId: a.actorId,
    fromUserId: a.fromUserId ?? null,
    toUserId: a.toUserId ?? null,
    fromPoolId: a.fromPoolId ?? null,
    toPoolId: a.toPoolId ?? null,
    reason: a.reason ?? null,
    rule: a.rule ?? null,
    ruleRespected: a.ruleRespected ?? true,
    createdAt: a.at,
  });
}

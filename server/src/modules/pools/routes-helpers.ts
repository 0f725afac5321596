import type { ActionBody, BulkActionBody, OwnershipActionItem, PoolEntityType, RouteAction } from '@scrm/shared';
import type { DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import type { ownershipActions } from '../../db/schema/index';
import type { AuthUser } from '../../http/context';
import { AppError } from '../../http/errors';
import type { AuditEntry } from '../../lib/audit';
import { idNum, idStr, idStrOrNull } from '../../lib/ids';
import { toIso } from '../../lib/time';
import { performAction, type PoolEntityAdapter } from './engine';
import { ownershipActionsOf } from './repo';

interface RouteCtx {
  user: AuthUser;
  scope: DataScope;
  now: Date;
  audit: (e: AuditEntry) => Promise<void>;
}

/** One action through the engine plus its audit row; returns the `actionResult` shape. */
export async function runActionRoute(db: Db, a: PoolEntityAdapter, c: RouteCtx & { id: number; action: RouteAction; body: ActionBody }) {
  const out = await performAction(db, a, c);
  await c.audit({ action: `${a.type}.${c.action}`, entityType: a.type, entityId: c.id, before: out.before, after: out.after });
  return {
    entityId: idStr(out.entityId),
    action: out.action,
    ownerId: idStrOrNull(out.after.ownerId),
    poolId: idStrOrNull(out.after.poolId),
    status: out.after.status,
  };
}

/** Each record in its own savepoint: one failure (rule, scope) does not undo the others. */
export async function runBulkActions(db: Db, a: PoolEntityAdapter, c: RouteCtx & { body: BulkActionBody }) {
  const results: { id: string; ok: boolean; code?: string; message?: string }[] = [];
  for (const id of [...new Set(c.body.ids)]) {
    try {
      await db.transaction(async (sp) => {
        await runActionRoute(sp as Db, a, { ...c, id: idNum(id), action: c.body.action, body: c.body });
      });
      results.push({ id, ok: true });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      results.push({ id, ok: false, code: err.code, message: err.message });
    }
  }
  return { results, succeeded: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length };
}

/** A record's ownership history, oldest first. */
export async function actionHistory(db: Db, corpId: number, type: PoolEntityType, entityId: number): Promise<OwnershipActionItem[]> {
  const rows = await ownershipActionsOf(db, corpId, type, entityId);
  return rows.map(({ a, actorName }) => presentAction(a, actorName));
}

export function presentAction(a: typeof ownershipActions.$inferSelect, actorName: string | null): OwnershipActionItem {
  return {
    id: idStr(a.id),
    entityType: a.entityType,
    entityId: idStr(a.entityId),
    action: a.action,
    actorId: idStrOrNull(a.actorId),
    actorName,
    fromUserId: idStrOrNull(a.fromUserId),
    toUserId: idStrOrNull(a.toUserId),
    fromPoolId: idStrOrNull(a.fromPoolId),
    toPoolId: idStrOrNull(a.toPoolId),
    reason: a.reason,
    rule: a.rule,
    at: toIso(a.createdAt),
  };
}

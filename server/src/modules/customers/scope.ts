import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { customerCollaborators, customers } from '../../db/schema/index';
import { visiblePoolIds } from '../pools/repo';

/** Customers where the user is a collaborator (read or edit). */
const collaboratorOf = (userId: number) =>
  sql`EXISTS (SELECT 1 FROM ${customerCollaborators} cc WHERE cc.customer_id = ${customers.id} AND cc.user_id = ${userId})`;

const MAX_LISTED_COLLABORATIONS = 1000;

/**
 * The customers a user collaborates on, read up front so list conditions stay index ranges
 * (an `OR EXISTS (…)` beside the owner condition forces a scan of the whole corp); null when
 * there are too many to list (the EXISTS form is used then).
 */
export async function collaborationIds(db: Db, userId: number): Promise<number[] | null> {
  const rows = await db
    .select({ id: customerCollaborators.customerId })
    .from(customerCollaborators)
    .where(eq(customerCollaborators.userId, userId))
    .limit(MAX_LISTED_COLLABORATIONS + 1);
  return rows.length > MAX_LISTED_COLLABORATIONS ? null : rows.map((r) => r.id);
}

/** "Collaborates on" as SQL: nothing, an id list, or the EXISTS form (`ids` null or not given). */
function collaboration(userId: number, ids: number[] | null | undefined): SQL[] {
  if (ids === undefined || ids === null) return [collaboratorOf(userId)];
  return ids.length ? [inArray(customers.id, ids)] : [];
}

/**
 * The data scope of customers as SQL: all → the corp; otherwise owned by a visible user, or
 * collaborated on, or unowned in a pool the user can see. Always includes the corp condition.
 * `collabIds` (from `collaborationIds`) replaces the correlated EXISTS.
 */
export async function customerScopeCondition(db: Db, scope: DataScope, collabIds?: number[] | null): Promise<SQL> {
  const corp = eq(customers.corpId, scope.corpId);
  if (scope.level === 'all') return corp;
  const pools = await visiblePoolIds(db, scope.corpId, scope.userId, 'customer');
  const parts: SQL[] = [inArray(customers.ownerId, scope.userIds!), ...collaboration(scope.userId, collabIds)];
  if (pools.length) parts.push(and(isNull(customers.ownerId), inArray(customers.poolId, pools))!);
  return and(corp, or(...parts))!;
}

/** Mine = owned by me or collaborated on (`collabIds` as in `customerScopeCondition`). */
export const mineCondition = (scope: DataScope, collabIds?: number[] | null): SQL =>
  and(eq(customers.corpId, scope.corpId), or(eq(customers.ownerId, scope.userId), ...collaboration(scope.userId, collabIds)))!;

/** The permission a user has on one customer, or null when it is outside their scope. */
export async function customerAccess(
  db: Db,
  scope: DataScope,
  row: { id: number; ownerId: number | null; poolId: number | null },
): Promise<{ edit: boolean; owner: boolean } | null> {
  const owner = row.ownerId === scope.userId;
  if (owner) return { edit: true, owner };
  if (scope.level === 'all') return { edit: true, owner };
  if (row.ownerId != null && scope.userIds!.includes(row.ownerId)) return { edit: true, owner };
  const [collab] = await db
    .select({ permission: customerCollaborators.permission })
    .from(customerCollaborators)
    .where(and(eq(customerCollaborators.customerId, row.id), eq(customerCollaborators.userId, scope.userId)));
  if (collab) return { edit: collab.permission === 'edit', owner };
  if (row.ownerId == null && row.poolId != null) {
    const pools = await visiblePoolIds(db, scope.corpId, scope.userId, 'customer');
    if (pools.includes(row.poolId)) return { edit: scope.level !== 'own', owner };
  }
  return null;
}

import { and, eq, type SQL } from 'drizzle-orm';
import type { ListScope } from '@scrm/shared';
import { canSeeOwner, ownerCondition, type DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { customers, opportunities } from '../../db/schema/index';
import { errors } from '../../http/errors';
import { findVisibleCustomer } from '../customers/visibility';

/**
 * The one place that decides "may this caller see / edit opportunity X" (docs/CONVENTIONS.md,
 * "Visibility"): an opportunity follows its owner. Visible and editable when the owner is in the
 * caller's data scope (self, a led department subtree, or all). Seeing the customer (as a
 * collaborator, or in a pool) does not open its deals.
 */
export type Opportunity = typeof opportunities.$inferSelect;

/** WHERE fragment on `opportunities` for a list tab (default: the whole scope); undefined = no restriction. */
export function opportunityVisibleCondition(scope: DataScope, listScope: ListScope = 'all'): SQL | undefined {
  return ownerCondition(scope, listScope, opportunities.ownerId);
}

/** One opportunity of the scope's corp the caller may see, else null (optionally locked FOR UPDATE). */
export async function findVisibleOpportunity(db: Db, scope: DataScope, id: number, opts?: { forUpdate?: boolean }): Promise<Opportunity | null> {
  const q = db
    .select()
    .from(opportunities)
    .where(and(eq(opportunities.corpId, scope.corpId), eq(opportunities.id, id), opportunityVisibleCondition(scope)));
  const [row] = opts?.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

/** `findVisibleOpportunity` or 404 `not_found`. */
export async function requireVisibleOpportunity(db: Db, scope: DataScope, id: number, opts?: { forUpdate?: boolean }): Promise<Opportunity> {
  const o = await findVisibleOpportunity(db, scope, id, opts);
  if (!o) throw errors.notFound('商机');
  return o;
}

/** True when the caller may change this opportunity (today: whoever may see it). */
export function canEditOpportunity(scope: DataScope, o: Pick<Opportunity, 'ownerId'>): boolean {
  return canSeeOwner(scope, o.ownerId);
}

/**
 * The customer a new opportunity is opened on; the opportunity's owner is the customer's owner.
 * 404 when the customer is not visible; 409 `customer_in_pool` when it has no owner; 403 when the
 * caller sees it (e.g. as a collaborator) but its owner is outside their scope: they could not see
 * the opportunity they would open.
 */
export async function customerForNewOpportunity(db: Db, scope: DataScope, customerId: number): Promise<typeof customers.$inferSelect & { ownerId: number }> {
  const c = await findVisibleCustomer(db, scope, customerId);
  if (!c) throw errors.notFound('客户');
  if (c.ownerId == null) throw errors.conflict('customer_in_pool', '公海中的客户不能创建商机，请先领取');
  if (!canSeeOwner(scope, c.ownerId)) throw errors.forbidden('只有客户负责人或其上级可以为客户创建商机');
  return c as typeof c & { ownerId: number };
}

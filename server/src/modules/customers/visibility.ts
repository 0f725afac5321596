import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { canSeeOwner, type DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { customerCollaborators, customers, users } from '../../db/schema/index';
import { errors } from '../../http/errors';
import { visiblePoolIds, visiblePoolsSql } from '../pools/repo';

/**
 * The one place that decides "may this caller see / edit customer X" (docs/CONVENTIONS.md,
 * "Visibility"). A customer is visible when: the scope is `all`; or its owner is in the scope
 * (self, or a department subtree the caller leads); or the caller collaborates on it (read or
 * edit); or it is unowned and sits in a pool whose range includes the caller. Edit: owner, `all`,
 * a leader over the owner, an `edit` collaborator, a leader (not a rep) on a visible pool customer.
 */
export type Customer = typeof customers.$inferSelect;
/** What the caller may do with a visible customer. */
export interface CustomerAccess {
  edit: boolean;
  owner: boolean;
}

/** Customers where the user is a collaborator (read or edit). */
const collaboratorOf = (userId: number) =>
  sql`EXISTS (SELECT 1 FROM ${customerCollaborators} cc WHERE cc.customer_id = ${customers.id} AND cc.user_id = ${userId})`;

/**
 * WHERE fragment on `customers` for lists and joins (undefined = no restriction, level `all`).
 * Never includes the corp condition: always combine it with `eq(customers.corpId, corpId)`.
 * Self-contained SQL (subqueries); `customerListCondition` is the same rule with ids read up front.
 */
export function customerVisibleCondition(scope: DataScope): SQL | undefined {
  if (scope.level === 'all') return undefined;
  return or(
    inArray(customers.ownerId, scope.userIds!),
    collaboratorOf(scope.userId),
    and(isNull(customers.ownerId), sql`${customers.poolId} IN (${visiblePoolsSql(scope.corpId, scope.userId, 'customer')})`),
  )!;
}

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
 * `customerVisibleCondition` for the big customer lists, with the corp condition included: the
 * pool ids and (given `collabIds` from `collaborationIds`) collaborations are read first so the
 * condition stays index ranges. Same rule, same rows.
 */
export async function customerListCondition(db: Db, scope: DataScope, collabIds?: number[] | null): Promise<SQL> {
  const corp = eq(customers.corpId, scope.corpId);
  if (scope.level === 'all') return corp;
  const pools = await visiblePoolIds(db, scope.corpId, scope.userId, 'customer');
  const parts: SQL[] = [inArray(customers.ownerId, scope.userIds!), ...collaboration(scope.userId, collabIds)];
  if (pools.length) parts.push(and(isNull(customers.ownerId), inArray(customers.poolId, pools))!);
  return and(corp, or(...parts))!;
}

/** The "mine" tab: owned by me or collaborated on (`collabIds` as in `customerListCondition`). */
export const mineCondition = (scope: DataScope, collabIds?: number[] | null): SQL =>
  and(eq(customers.corpId, scope.corpId), or(eq(customers.ownerId, scope.userId), ...collaboration(scope.userId, collabIds)))!;

/** The permission a user has on one customer of the scope's corp, or null when it is outside their scope. */
export async function customerAccess(
  db: Db,
  scope: DataScope,
  row: { id: number; ownerId: number | null; poolId: number | null },
): Promise<CustomerAccess | null> {
  const owner = row.ownerId === scope.userId;
  if (owner || scope.level === 'all') return { edit: true, owner };
  if (canSeeOwner(scope, row.ownerId)) return { edit: true, owner };
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

/** A customer of the scope's corp the caller may see, else null (optionally locked FOR UPDATE). */
export async function findVisibleCustomer(db: Db, scope: DataScope, id: number, opts?: { forUpdate?: boolean }): Promise<Customer | null> {
  const q = db
    .select()
    .from(customers)
    .where(and(eq(customers.corpId, scope.corpId), eq(customers.id, id)));
  const [row] = opts?.forUpdate ? await q.for('update') : await q;
  if (!row || !(await customerAccess(db, scope, row))) return null;
  return row;
}

/** True when the caller may edit this (visible) customer: see the rule at the top of the file. */
export async function canEditCustomer(db: Db, scope: DataScope, customer: Customer): Promise<boolean> {
  return (await customerAccess(db, scope, customer))?.edit ?? false;
}

/** A visible customer with its owner's name and the caller's access, else null. */
export async function findVisibleCustomerWithAccess(
  db: Db,
  scope: DataScope,
  id: number,
): Promise<{ row: Customer & { ownerName: string | null }; access: CustomerAccess } | null> {
  const [hit] = await db
    .select({ c: customers, ownerName: users.name })
    .from(customers)
    .leftJoin(users, eq(users.id, customers.ownerId))
    .where(and(eq(customers.corpId, scope.corpId), eq(customers.id, id)));
  const access = hit ? await customerAccess(db, scope, hit.c) : null;
  return hit && access ? { row: { ...hit.c, ownerName: hit.ownerName }, access } : null;
}

/**
 * `findVisibleCustomerWithAccess` or 404 `not_found` (never reveals existence): what routes and
 * services call before reading or acting on one customer.
 */
export async function requireVisibleCustomer(db: Db, scope: DataScope, id: number) {
  const out = await findVisibleCustomerWithAccess(db, scope, id);
  if (!out) throw errors.notFound('客户');
  return out;
}

/** Like `requireVisibleCustomer`, and 403 when the caller may only read it. */
export async function requireEditableCustomer(db: Db, scope: DataScope, id: number, message = '您只有查看权限') {
  const out = await requireVisibleCustomer(db, scope, id);
  if (!out.access.edit) throw errors.forbidden(message);
  return out;
}

/** Who may set a customer's collaborators: its owner, or a leader / "all" role who can see it. */
export const canManageCollaborators = (scope: DataScope, access: CustomerAccess): boolean => access.owner || scope.level !== 'own';

import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import { canSeeOwner, type DataScope } from '../../auth/scope';
import type { AuthUser } from '../../http/context';
import type { Db } from '../../db/client';
import { customers, visits } from '../../db/schema/index';
import { errors } from '../../http/errors';

/**
 * The one place that decides "may this caller see / change visit X" (docs/CONVENTIONS.md,
 * "Visibility"). Visible: the assignee is in the caller's data scope (self, a led department
 * subtree, all), or the caller created it. Editing the plan: whoever sees it; checking in / out and
 * the record: only the assignee; review: a leader / "all" role over someone else's visit. Planning a
 * visit needs a visible customer (`findVisibleCustomer` of the customers module).
 */
export type VisitRow = typeof visits.$inferSelect;
export interface VisitCustomer {
  id: number;
  name: string;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  ownerId: number | null;
}
export type VisitWithCustomer = VisitRow & { customer: VisitCustomer };

export const visitCustomerCols = {
  id: customers.id,
  name: customers.name,
  address: customers.address,
  latitude: customers.latitude,
  longitude: customers.longitude,
  ownerId: customers.ownerId,
};

/** WHERE fragment on `visits` (undefined = no restriction); combine with the corp condition. */
export function visitVisibleCondition(scope: DataScope): SQL | undefined {
  if (scope.level === 'all') return undefined;
  return or(inArray(visits.assigneeId, scope.userIds!), eq(visits.createdBy, scope.userId));
}

/** One visit of the scope's corp the caller may see (with its customer), else null; optionally locked FOR UPDATE. */
export async function findVisibleVisit(db: Db, scope: DataScope, id: number, opts?: { forUpdate?: boolean }): Promise<VisitWithCustomer | null> {
  const q = db
    .select({ v: visits, customer: visitCustomerCols })
    .from(visits)
    .innerJoin(customers, eq(customers.id, visits.customerId))
    .where(and(eq(visits.corpId, scope.corpId), eq(visits.id, id), visitVisibleCondition(scope)));
  const [row] = opts?.forUpdate ? await q.for('update') : await q;
  return row ? { ...row.v, customer: row.customer } : null;
}

/** `findVisibleVisit` or 404 `not_found` (never reveals that it exists). */
export async function requireVisibleVisit(db: Db, scope: DataScope, id: number, opts?: { forUpdate?: boolean }): Promise<VisitWithCustomer> {
  const v = await findVisibleVisit(db, scope, id, opts);
  if (!v) throw errors.notFound('拜访');
  return v;
}

/** True when the caller may change the plan of this visit (today: whoever may see it). */
export function canEditVisit(scope: DataScope, v: Pick<VisitRow, 'assigneeId' | 'createdBy'>): boolean {
  return canSeeOwner(scope, v.assigneeId) || v.createdBy === scope.userId;
}

/** 403 unless the caller is the visit's assignee (check-in, check-out, record). */
export function requireVisitAssignee(v: Pick<VisitRow, 'assigneeId'>, user: AuthUser, what: string): void {
  if (v.assigneeId !== user.id) throw errors.forbidden(`只有拜访负责人可以${what}`);
}

/** 403 unless the caller may review this visit: a leader / "all" role, not its assignee. */
export function requireVisitReviewer(scope: DataScope, v: Pick<VisitRow, 'assigneeId'>): void {
  if (v.assigneeId === scope.userId) throw errors.forbidden('不能审查自己的拜访');
  if (scope.level === 'own') throw errors.forbidden('只有上级可以审查拜访');
}

/** Who may be assigned a visit: oneself, or — for a leader / "all" role — a user in the data scope. */
export function canAssignVisitTo(scope: DataScope, userId: number): boolean {
  return userId === scope.userId || (scope.level !== 'own' && canSeeOwner(scope, userId));
}

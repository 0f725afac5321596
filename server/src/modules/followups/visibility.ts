import { inArray, or, type SQL } from 'drizzle-orm';
import { canSeeOwner, type DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { customers, followUps, leads } from '../../db/schema/index';
import { customerListCondition, findVisibleCustomer } from '../customers/visibility';
import { findVisibleLead, leadListCondition } from '../leads/visibility';

/**
 * The one place that decides "may this caller see / edit follow-up X" (docs/CONVENTIONS.md,
 * "Visibility"). Visible: its author is in the caller's data scope, or its customer is visible, or
 * its lead is visible. Edit: its author, or a leader / "all" role over its author.
 */
type FollowUpRef = { authorId: number; customerId: number | null; leadId: number | null };

/** WHERE fragment on `follow_ups` for lists (undefined = no restriction); combine with the corp condition. */
export async function followUpListCondition(db: Db, scope: DataScope): Promise<SQL | undefined> {
  if (scope.level === 'all') return undefined;
  const visibleCustomers = db.select({ id: customers.id }).from(customers).where(await customerListCondition(db, scope));
  const visibleLeads = db.select({ id: leads.id }).from(leads).where(await leadListCondition(db, scope));
  return or(inArray(followUps.authorId, scope.userIds!), inArray(followUps.customerId, visibleCustomers), inArray(followUps.leadId, visibleLeads));
}

/** True when the caller may see this follow-up (of their corp). */
export async function canSeeFollowUp(db: Db, scope: DataScope, f: FollowUpRef): Promise<boolean> {
  if (canSeeOwner(scope, f.authorId)) return true;
  if (f.customerId && (await findVisibleCustomer(db, scope, f.customerId))) return true;
  return Boolean(f.leadId && (await findVisibleLead(db, scope, f.leadId)));
}

/** True when the caller may change this (visible) follow-up: its author or a leader over its author. */
export function canEditFollowUp(scope: DataScope, f: Pick<FollowUpRef, 'authorId'>): boolean {
  return f.authorId === scope.userId || (scope.level !== 'own' && canSeeOwner(scope, f.authorId));
}

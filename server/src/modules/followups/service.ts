import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FollowUpCreateBody, FollowUpItem, FollowUpPatchBody } from '@scrm/shared';
import type { DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { contacts, customers, followUpContacts, followUps, leads, users } from '../../db/schema/index';
import type { AuthUser } from '../../http/context';
import { errors } from '../../http/errors';
import { idNum, idStr, idStrOrNull } from '../../lib/ids';
import { toIso } from '../../lib/time';
import { addFollowUpToRollups, lockCustomerForRollups, refreshCustomerFollowUpRollups, type LockedCustomerRollups } from '../customers/rollups';
import { findVisibleCustomer } from '../customers/visibility';
import { findVisibleLead } from '../leads/visibility';
import { findVisibleOpportunity } from '../opportunities/visibility';
import { canEditFollowUp, canSeeFollowUp } from './visibility';

export type FollowUpRow = typeof followUps.$inferSelect;

export function presentFollowUp(f: FollowUpRow, extra: { authorName: string | null; customerName: string | null; contactIds: number[] }): FollowUpItem {
  return {
    id: idStr(f.id),
    type: f.type,
    content: f.content,
    images: f.images ?? [],
    contactIds: extra.contactIds.map(idStr),
    nextStep: f.nextStep,
    nextFollowUpAt: toIso(f.nextFollowUpAt),
    occurredAt: toIso(f.occurredAt),
    customerId: idStrOrNull(f.customerId),
    customerName: extra.customerName,
    contactId: idStrOrNull(f.contactId),
    leadId: idStrOrNull(f.leadId),
    opportunityId: idStrOrNull(f.opportunityId),
    authorId: idStr(f.authorId),
    authorName: extra.authorName,
    createdAt: toIso(f.createdAt),
    updatedAt: toIso(f.updatedAt),
  };
}

/** Checks the customer is in scope (404 otherwise). */
async function assertCustomer(db: Db, scope: DataScope, id: number): Promise<void> {
  if (!(await findVisibleCustomer(db, scope, id))) throw errors.notFound('客户');
}

async function assertLead(db: Db, scope: DataScope, id: number): Promise<void> {
  if (!(await findVisibleLead(db, scope, id))) throw errors.notFound('线索');
}

/** The customer of an opportunity the caller may see (404 otherwise: a follow-up never links a deal the caller cannot see). */
async function customerOfOpportunity(db: Db, scope: DataScope, id: number): Promise<number> {
  const o = await findVisibleOpportunity(db, scope, id);
  if (!o) throw errors.notFound('商机');
  return o.customerId;
}

/** Resolves and authorises the subject of a follow-up: a contact implies its customer, an opportunity too. */
async function resolveSubject(db: Db, scope: DataScope, b: { customerId?: string; contactId?: string; leadId?: string; opportunityId?: string }) {
  let customerId = b.customerId ? idNum(b.customerId) : null;
  const contactId = b.contactId ? idNum(b.contactId) : null;
  const leadId = b.leadId ? idNum(b.leadId) : null;
  const opportunityId = b.opportunityId ? idNum(b.opportunityId) : null;
  if (contactId) {
    const [c] = await db.select({ customerId: contacts.customerId }).from(contacts).where(and(eq(contacts.corpId, scope.corpId), eq(contacts.id, contactId)));
    if (!c) throw errors.notFound('联系人');
    if (customerId && customerId !== c.customerId) throw errors.badRequest('contact_customer_mismatch', '联系人不属于该客户');
    customerId = c.customerId;
  }
  if (opportunityId) {
    const oc = await customerOfOpportunity(db, scope, opportunityId);
    if (customerId && customerId !== oc) throw errors.badRequest('opportunity_customer_mismatch', '商机不属于该客户');
    customerId = oc;
  }
  if (customerId) await assertCustomer(db, scope, customerId);
  if (leadId) await assertLead(db, scope, leadId);
  return { customerId, contactId, leadId, opportunityId };
}

async function setContacts(db: Db, corpId: number, followUpId: number, customerId: number | null, ids: string[], isNew = false): Promise<void> {
  if (!isNew) await db.delete(followUpContacts).where(eq(followUpContacts.followUpId, followUpId));
  const nums = [...new Set(ids.map(idNum))];
  if (!nums.length) return;
  const found = await db.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.corpId, corpId), inArray(contacts.id, nums), customerId ? eq(contacts.customerId, customerId) : sql`FALSE`));
  if (found.length !== nums.length) throw errors.badRequest('contact_not_found', '参与的联系人必须属于该客户');
  await db.insert(followUpContacts).values(nums.map((contactId) => ({ followUpId, contactId })));
}

/**
 * Keeps a lead's follow-up rollups, recomputed exactly by the UPDATE itself (current rows, not the
 * transaction's snapshot). Callers take the lead row lock first (`lockSubjects`).
 */
export async function refreshLeadRollups(db: Db, corpId: number, leadId: number): Promise<void> {
  const mine = sql`${followUps.corpId} = ${corpId} AND ${followUps.leadId} = ${leadId}`;
  await db
    .update(leads)
    .set({
      followUpCount: sql`(SELECT COUNT(*) FROM ${followUps} WHERE ${mine})`,
      lastFollowUpAt: sql`(SELECT MAX(${followUps.occurredAt}) FROM ${followUps} WHERE ${mine})`,
      nextFollowUpAt: sql`(SELECT ${followUps.nextFollowUpAt} FROM ${followUps} WHERE ${mine} AND ${followUps.nextFollowUpAt} IS NOT NULL ORDER BY ${followUps.occurredAt} DESC LIMIT 1)`,
    })
    .where(and(eq(leads.corpId, corpId), eq(leads.id, leadId)));
}

/**
 * Row locks of a follow-up's subjects, taken before its row is written, always in the same order
 * (lead, then customer, then follow_ups: the order lead conversion takes them) so concurrent
 * writers queue instead of deadlocking. Returns the customer's rollups as read under its lock.
 */
async function lockSubjects(db: Db, corpId: number, f: { customerId: number | null; leadId: number | null }): Promise<LockedCustomerRollups | null> {
  if (f.leadId) await db.select({ id: leads.id }).from(leads).where(and(eq(leads.corpId, corpId), eq(leads.id, f.leadId))).for('update');
  return f.customerId ? lockCustomerForRollups(db, corpId, f.customerId) : null;
}

/** Exact recompute of the subjects' rollups (an edit), after `lockSubjects`. */
async function refreshSubjects(db: Db, corpId: number, f: { customerId: number | null; leadId: number | null }): Promise<void> {
  if (f.customerId) await refreshCustomerFollowUpRollups(db, corpId, f.customerId);
  if (f.leadId) await refreshLeadRollups(db, corpId, f.leadId);
}

export async function createFollowUp(db: Db, user: AuthUser, scope: DataScope, b: FollowUpCreateBody, now: Date): Promise<number> {
  const s = await resolveSubject(db, scope, b);
  const occurredAt = b.occurredAt ? new Date(b.occurredAt) : now;
  const nextFollowUpAt = b.nextFollowUpAt ? new Date(b.nextFollowUpAt) : null;
  const locked = await lockSubjects(db, user.corpId, s);
  const [row] = await db
    .insert(followUps)
    .values({
      corpId: user.corpId,
      type: b.type,
      content: b.content,
      images: b.images,
      ...s,
      nextStep: b.nextStep ?? null,
      nextFollowUpAt,
      occurredAt,
      authorId: user.id,
      createdAt: now,
      updatedAt: now,
    })
    .$returningId();
  await setContacts(db, user.corpId, row!.id, s.customerId, b.contactIds, true);
  if (locked) await addFollowUpToRollups(db, locked, { occurredAt, nextFollowUpAt });
  if (s.leadId) await refreshLeadRollups(db, user.corpId, s.leadId);
  return row!.id;
}

/** A follow-up is visible when its author is in scope or its customer / lead is. */
export async function loadFollowUp(db: Db, scope: DataScope, id: number): Promise<FollowUpItem & { _row: FollowUpRow }> {
  const [r] = await db
    .select({ f: followUps, authorName: users.name, customerName: customers.name })
    .from(followUps)
    .leftJoin(users, eq(users.id, followUps.authorId))
    .leftJoin(customers, eq(customers.id, followUps.customerId))
    .where(and(eq(followUps.corpId, scope.corpId), eq(followUps.id, id)));
  if (!r) throw errors.notFound('跟进记录');
  const f = r.f;
  if (!(await canSeeFollowUp(db, scope, f))) throw errors.notFound('跟进记录');
  const cs = await db.select({ id: followUpContacts.contactId }).from(followUpContacts).where(eq(followUpContacts.followUpId, id));
  return { ...presentFollowUp(f, { authorName: r.authorName, customerName: r.customerName, contactIds: cs.map((c) => c.id) }), _row: f };
}

export async function patchFollowUp(db: Db, user: AuthUser, scope: DataScope, id: number, b: FollowUpPatchBody): Promise<void> {
  const { _row: f } = await loadFollowUp(db, scope, id);
  if (!canEditFollowUp(scope, f)) throw errors.forbidden('只能修改自己或下属的跟进记录');
  const set: Partial<typeof followUps.$inferInsert> = {};
  if (b.type) set.type = b.type;
  if (b.content) set.content = b.content;
  if (b.images) set.images = b.images;
  if (b.nextStep !== undefined) set.nextStep = b.nextStep;
  if (b.nextFollowUpAt !== undefined) {
    set.nextFollowUpAt = b.nextFollowUpAt ? new Date(b.nextFollowUpAt) : null;
    set.remindedAt = null;
  }
  await lockSubjects(db, user.corpId, f);
  if (Object.keys(set).length) await db.update(followUps).set(set).where(eq(followUps.id, id));
  if (b.contactIds) await setContacts(db, user.corpId, id, f.customerId, b.contactIds);
  // Only the plan moves a rollup (occurredAt and the subject cannot be edited): then an exact recompute.
  if (b.nextFollowUpAt !== undefined) await refreshSubjects(db, user.corpId, f);
}

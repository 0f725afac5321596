import { and, eq, ne } from 'drizzle-orm';
import type { ContactItem } from '@scrm/shared';
import type { DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { contacts, customers, externalContacts, leads } from '../../db/schema/index';
import { errors, isDuplicateKey } from '../../http/errors';
import { idStr, idStrOrNull } from '../../lib/ids';
import { toIso } from '../../lib/time';
import { customerAccess, requireVisibleCustomer } from '../customers/visibility';

export type ContactRow = typeof contacts.$inferSelect;

export function presentContact(c: ContactRow, extra: { customerName: string | null; externalUserId: string | null }): ContactItem {
  return {
    id: idStr(c.id),
    customerId: idStr(c.customerId),
    customerName: extra.customerName,
    name: c.name,
    mobile: c.mobile,
    wechatId: c.wechatId,
    title: c.title,
    department: c.department,
    email: c.email,
    isKeyDecisionMaker: c.isKeyDecisionMaker,
    reportsToId: idStrOrNull(c.reportsToId),
    remark: c.remark,
    externalContactId: idStrOrNull(c.externalContactId),
    externalUserId: extra.externalUserId,
    createdAt: toIso(c.createdAt),
    updatedAt: toIso(c.updatedAt),
  };
}

/** The customer of a contact decides its scope: 404 outside; `edit` says whether the caller may change it. */
export async function customerForContactWrite(db: Db, scope: DataScope, customerId: number): Promise<{ edit: boolean }> {
  return (await requireVisibleCustomer(db, scope, customerId)).access;
}

/** Loads a contact in scope (via its customer) with display extras, or 404. */
export async function loadContact(db: Db, scope: DataScope, id: number) {
  const [r] = await db
    .select({ c: contacts, customerName: customers.name, ownerId: customers.ownerId, poolId: customers.poolId, externalUserId: externalContacts.externalUserId })
    .from(contacts)
    .innerJoin(customers, eq(customers.id, contacts.customerId))
    .leftJoin(externalContacts, eq(externalContacts.id, contacts.externalContactId))
    .where(and(eq(contacts.corpId, scope.corpId), eq(contacts.id, id)));
  const access = r ? await customerAccess(db, scope, { id: r.c.customerId, ownerId: r.ownerId, poolId: r.poolId }) : null;
  if (!r || !access) throw errors.notFound('联系人');
  return { row: r.c, access, item: presentContact(r.c, r) };
}

/** Validates reports-to: same customer, not itself. */
export async function assertReportsTo(db: Db, corpId: number, customerId: number, reportsToId: number | null | undefined, selfId?: number): Promise<void> {
  if (reportsToId == null) return;
  if (reportsToId === selfId) throw errors.badRequest('invalid_reports_to', '汇报对象不能是自己');
  const [r] = await db.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.corpId, corpId), eq(contacts.id, reportsToId), eq(contacts.customerId, customerId)));
  if (!r) throw errors.badRequest('invalid_reports_to', '汇报对象必须是同一客户的联系人');
}

/**
 * Binds a WeCom external contact to a contact, one-to-one: 409 `external_contact_bound` when the
 * external contact already belongs to another contact; a lead of it is marked converted.
 */
export async function bindExternalContact(db: Db, corpId: number, contactId: number, externalContactId: number, now: Date): Promise<void> {
  const [other] = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.corpId, corpId), eq(contacts.externalContactId, externalContactId), ne(contacts.id, contactId)));
  if (other) throw errors.conflict('external_contact_bound', '该企业微信联系人已绑定到其他联系人');
  try {
    await db.update(contacts).set({ externalContactId }).where(and(eq(contacts.corpId, corpId), eq(contacts.id, contactId)));
  } catch (err) {
    if (isDuplicateKey(err)) throw errors.conflict('external_contact_bound', '该企业微信联系人已绑定到其他联系人');
    throw err;
  }
  const [contact] = await db.select({ customerId: contacts.customerId }).from(contacts).where(eq(contacts.id, contactId));
  await db
    .update(leads)
    .set({ status: 'converted', convertedContactId: contactId, convertedCustomerId: contact!.customerId, convertedAt: now })
    .where(and(eq(leads.corpId, corpId), eq(leads.externalContactId, externalContactId), eq(leads.status, 'active')));
}

/** Resolves an external_userid of the corp to its mirror row, or 404. */
export async function externalContactByUserId(db: Db, corpId: number, externalUserId: string) {
  const [row] = await db.select().from(externalContacts).where(and(eq(externalContacts.corpId, corpId), eq(externalContacts.externalUserId, externalUserId)));
  if (!row) throw errors.notFound('外部联系人');
  return row;
}

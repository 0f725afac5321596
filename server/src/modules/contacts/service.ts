import { and, eq, ne } from 'drizzle-orm';
import type { ContactCreateBody, ContactItem, ContactPatchBody } from '@scrm/shared';
import type { DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { contacts, customers, externalContacts, leads } from '../../db/schema/index';
import type { AuthUser } from '../../http/context';
import { errors, isDuplicateKey } from '../../http/errors';
import { idNum } from '../../lib/ids';
import { customerAccess, requireVisibleCustomer } from '../customers/visibility';
import { externalContactIdInCorp, insertContact, presentContact, updateContact } from './repo';

export { presentContact, type ContactRow } from './repo';

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

/**
 * Creates a contact of a customer the caller may edit (403 for a read-only collaborator, 404 out of
 * scope), optionally bound to an external contact of the corp; the caller audits.
 */
export async function createContact(db: Db, user: AuthUser, s: DataScope, body: ContactCreateBody, now: Date): Promise<ContactItem> {
  const customerId = idNum(body.customerId);
  if (!(await customerForContactWrite(db, s, customerId)).edit) throw errors.forbidden('您只有查看权限');
  await assertReportsTo(db, s.corpId, customerId, body.reportsToId ? idNum(body.reportsToId) : null);
  const { customerId: _c, externalContactId, reportsToId, ...fields } = body;
  const id = await insertContact(db, { ...fields, corpId: s.corpId, customerId, reportsToId: reportsToId ? idNum(reportsToId) : null, createdBy: user.id, createdAt: now, updatedAt: now });
  if (externalContactId) {
    const extId = await externalContactIdInCorp(db, s.corpId, idNum(externalContactId));
    if (extId == null) throw errors.notFound('外部联系人');
    await bindExternalContact(db, s.corpId, id, extId, now);
  }
  return (await loadContact(db, s, id)).item;
}

/** Edits a contact the caller may edit (403 read-only, 404 out of scope); returns before and after for the audit. */
export async function editContact(db: Db, s: DataScope, id: number, body: ContactPatchBody): Promise<{ before: ContactItem; after: ContactItem }> {
  const { row, access, item } = await loadContact(db, s, id);
  if (!access.edit) throw errors.forbidden('您只有查看权限');
  const { reportsToId, ...fields } = body;
  if (reportsToId !== undefined) await assertReportsTo(db, s.corpId, row.customerId, reportsToId ? idNum(reportsToId) : null, id);
  const set = { ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)), ...(reportsToId !== undefined ? { reportsToId: reportsToId ? idNum(reportsToId) : null } : {}) };
  await updateContact(db, s.corpId, id, set);
  return { before: item, after: (await loadContact(db, s, id)).item };
}

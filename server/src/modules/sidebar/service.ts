import { and, desc, eq, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/mysql-core';
import type { DataScope } from '../../auth/scope';
import type { AuthUser } from '../../http/context';
import type { Db } from '../../db/client';
import { contacts, customers, externalContactFollows, externalContacts, followUps, leads, users } from '../../db/schema/index';
import { errors } from '../../http/errors';
import { idStr, idStrOrNull } from '../../lib/ids';
import { toIso } from '../../lib/time';
import { bindExternalContact, presentContact } from '../contacts/service';
import { presentCustomer } from '../customers/repo';
import { customerAccess } from '../customers/visibility';
import { createCustomer, maskName } from '../customers/service';
import { presentFollowUp } from '../followups/service';
import { canSeeLead } from '../leads/visibility';
import { listOpenOpportunitiesForCustomer } from '../opportunities/service';

/** A customer's open opportunities for the sidebar (default: the opportunities module's list). */
export type SidebarOpportunities = (db: Db, scope: DataScope, customerId: number, limit: number) => Promise<unknown[]>;
let opportunitiesOf: SidebarOpportunities = listOpenOpportunitiesForCustomer;
/** Replaces the sidebar's opportunity source. */
export function registerSidebarOpportunities(fn: SidebarOpportunities): void {
  opportunitiesOf = fn;
}

type ExternalRow = typeof externalContacts.$inferSelect;

const customerOwner = alias(users, 'customer_owner');
const leadOwner = alias(users, 'lead_owner');

/**
 * One round trip for everything the sidebar shows about an external contact: the contact row, the
 * caller's follow relation, the bound contact with its customer (and owner name), and the lead
 * (and owner name). Every join is on a unique key, so there is at most one row. Built once per
 * database handle (a drizzle prepared query): the sidebar is the hottest read of the app.
 */
function buildSidebarQuery(db: Db, by: 'externalUserId' | 'id') {
  return db
    .select({ ext: externalContacts, follow: externalContactFollows, contact: contacts, customer: customers, customerOwnerName: customerOwner.name, lead: leads, leadOwnerName: leadOwner.name })
    .from(externalContacts)
    .leftJoin(externalContactFollows, and(eq(externalContactFollows.externalContactId, externalContacts.id), eq(externalContactFollows.userId, sql.placeholder('userId'))))
    .leftJoin(contacts, and(eq(contacts.corpId, externalContacts.corpId), eq(contacts.externalContactId, externalContacts.id)))
    .leftJoin(customers, and(eq(customers.corpId, externalContacts.corpId), eq(customers.id, contacts.customerId)))
    .leftJoin(customerOwner, eq(customerOwner.id, customers.ownerId))
    .leftJoin(leads, and(eq(leads.corpId, externalContacts.corpId), eq(leads.externalContactId, externalContacts.id)))
    .leftJoin(leadOwner, eq(leadOwner.id, leads.ownerId))
    .where(and(eq(externalContacts.corpId, sql.placeholder('corpId')), by === 'id' ? eq(externalContacts.id, sql.placeholder('key')) : eq(externalContacts.externalUserId, sql.placeholder('key'))))
    .limit(1)
    .prepare();
}
type SidebarQuery = ReturnType<typeof buildSidebarQuery>;
const prepared = new WeakMap<Db, Partial<Record<'externalUserId' | 'id', SidebarQuery>>>();

async function readSidebarRows(db: Db, scope: DataScope, by: 'externalUserId' | 'id', key: string | number) {
  let forDb = prepared.get(db);
  if (!forDb) prepared.set(db, (forDb = {}));
  const q = (forDb[by] ??= buildSidebarQuery(db, by));
  const [row] = await q.execute({ userId: scope.userId, corpId: scope.corpId, key });
  return row;
}

/** `/api/sidebar/context` by WeCom external_userid: 404 when the external contact is unknown in the corp. */
export async function sidebarContextByUserId(db: Db, scope: DataScope, externalUserId: string) {
  const rows = await readSidebarRows(db, scope, 'externalUserId', externalUserId);
  if (!rows) throw errors.notFound('外部联系人');
  return buildSidebarContext(db, scope, rows);
}

/** The CRM's view of one external contact for the caller (contract shape of `/api/sidebar/context`). */
export async function sidebarContext(db: Db, scope: DataScope, ext: ExternalRow) {
  const rows = await readSidebarRows(db, scope, 'id', ext.id);
  return buildSidebarContext(db, scope, rows!);
}

async function buildSidebarContext(db: Db, scope: DataScope, rows: NonNullable<Awaited<ReturnType<typeof readSidebarRows>>>) {
  const { ext, follow } = rows;
  const externalContact = {
    id: idStr(ext.id),
    externalUserId: ext.externalUserId,
    name: ext.name,
    type: ext.type,
    corpName: ext.corpName,
    corpFullName: ext.corpFullName,
    position: ext.position,
    avatar: ext.avatar,
    gender: ext.gender,
    follow: follow
      ? { remark: follow.remark, description: follow.description, tags: follow.tags ?? [], remarkMobiles: follow.remarkMobiles ?? [], addWay: follow.addWay, followedAt: toIso(follow.followedAt), status: follow.status }
      : null,
  };
  let contact = null;
  let customer = null;
  let lead = null;
  /** Set when the external contact is bound to a record the caller may not see (masked owner). */
  let boundElsewhere: { ownerName: string | null } | null = null;
  const c = rows.contact;
  if (c) {
    const cust = rows.customer;
    if (cust && (await customerAccess(db, scope, cust))) {
      customer = presentCustomer(cust, rows.customerOwnerName);
      contact = presentContact(c, { customerName: cust.name, externalUserId: ext.externalUserId });
    } else boundElsewhere = { ownerName: cust?.ownerId ? maskName(rows.customerOwnerName) : '公海' };
  }
  const l = rows.lead;
  if (l && (await canSeeLead(db, scope, l))) {
    lead = { id: idStr(l.id), name: l.name, company: l.company, status: l.status, grade: l.grade, ownerId: idStrOrNull(l.ownerId), ownerName: rows.leadOwnerName, convertedCustomerId: idStrOrNull(l.convertedCustomerId) };
  }
  const opportunities = customer ? await opportunitiesOf(db, scope, Number(customer.id), 10) : [];
  const subject = [
    customer ? eq(followUps.customerId, Number(customer.id)) : undefined,
    lead ? eq(followUps.leadId, Number(lead.id)) : undefined,
  ].filter(Boolean);
  const fus = subject.length
    ? await db
        .select({ f: followUps, authorName: users.name })
        .from(followUps)
        .leftJoin(users, eq(users.id, followUps.authorId))
        .where(and(eq(followUps.corpId, scope.corpId), or(...subject)))
        .orderBy(desc(followUps.occurredAt))
        .limit(5)
    : [];
  return {
    externalContact,
    contact,
    customer,
    lead,
    opportunities,
    followUps: fus.map((r) => presentFollowUp(r.f, { authorName: r.authorName, customerName: customer?.name ?? null, contactIds: [] })),
    boundElsewhere,
  };
}

/**
 * `/api/sidebar/create-customer`: a customer + contact from the external contact's profile, bound
 * to it (409 `external_contact_bound` when the external contact already has a contact).
 */
export async function createCustomerFromExternalContact(
  db: Db,
  user: AuthUser,
  s: DataScope,
  ext: ExternalRow,
  body: { customerName?: string | null; contactName?: string | null; mobile?: string; title?: string | null },
  now: Date,
): Promise<{ customerId: number; name: string }> {
  const [bound] = await db.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.corpId, s.corpId), eq(contacts.externalContactId, ext.id)));
  if (bound) throw errors.conflict('external_contact_bound', '该企业微信联系人已绑定到联系人');
  const name = body.customerName ?? ext.corpFullName ?? ext.corpName ?? `${ext.name}（个人客户）`;
  const contact = { name: body.contactName ?? ext.name, mobile: body.mobile, title: body.title ?? ext.position ?? undefined };
  const customerId = await createCustomer(db, user, s, { name, contact, source: 'wecom' }, now);
  const [c] = await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.customerId, customerId));
  await bindExternalContact(db, s.corpId, c!.id, ext.id, now);
  return { customerId, name };
}

import { and, desc, eq, or } from 'drizzle-orm';
import type { DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { contacts, externalContactFollows, externalContacts, followUps, leads, users } from '../../db/schema/index';
import { idStr, idStrOrNull } from '../../lib/ids';
import { toIso } from '../../lib/time';
import { presentContact } from '../contacts/service';
import { getCustomerRow, presentCustomer } from '../customers/repo';
import { customerAccess } from '../customers/scope';
import { maskName } from '../customers/service';
import { presentFollowUp } from '../followups/service';
import { canSeeLead } from '../leads/adapter';
import { listOpenOpportunitiesForCustomer } from '../opportunities/service';

/** A customer's open opportunities for the sidebar (default: the opportunities module's list). */
export type SidebarOpportunities = (db: Db, corpId: number, customerId: number, limit: number) => Promise<unknown[]>;
let opportunitiesOf: SidebarOpportunities = listOpenOpportunitiesForCustomer;
/** Replaces the sidebar's opportunity source. */
export function registerSidebarOpportunities(fn: SidebarOpportunities): void {
  opportunitiesOf = fn;
}

type ExternalRow = typeof externalContacts.$inferSelect;

/** The CRM's view of one external contact for the caller (contract shape of `/api/sidebar/context`). */
export async function sidebarContext(db: Db, scope: DataScope, ext: ExternalRow) {
  const [follow] = await db
    .select()
    .from(externalContactFollows)
    .where(and(eq(externalContactFollows.externalContactId, ext.id), eq(externalContactFollows.userId, scope.userId)));
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
  const [c] = await db.select().from(contacts).where(and(eq(contacts.corpId, scope.corpId), eq(contacts.externalContactId, ext.id)));
  if (c) {
    const cust = await getCustomerRow(db, scope.corpId, c.customerId);
    if (cust && (await customerAccess(db, scope, cust))) {
      customer = presentCustomer(cust, cust.ownerName);
      contact = presentContact(c, { customerName: cust.name, externalUserId: ext.externalUserId });
    } else boundElsewhere = { ownerName: cust?.ownerId ? maskName(cust.ownerName) : '公海' };
  }
  const [l] = await db
    .select({ l: leads, ownerName: users.name })
    .from(leads)
    .leftJoin(users, eq(users.id, leads.ownerId))
    .where(and(eq(leads.corpId, scope.corpId), eq(leads.externalContactId, ext.id)));
  if (l && (await canSeeLead(db, scope, l.l))) {
    lead = { id: idStr(l.l.id), name: l.l.name, company: l.l.company, status: l.l.status, grade: l.l.grade, ownerId: idStrOrNull(l.l.ownerId), ownerName: l.ownerName, convertedCustomerId: idStrOrNull(l.l.convertedCustomerId) };
  }
  const opportunities = customer ? await opportunitiesOf(db, scope.corpId, Number(customer.id), 10) : [];
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

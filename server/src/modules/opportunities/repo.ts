import { and, asc, desc, eq, inArray, like, or, type SQL } from 'drizzle-orm';
import type { ListScope } from '@scrm/shared';
import type { DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { contacts, customers, opportunities, opportunityContacts, opportunityLines, opportunityStageHistory, salesSupportRequests, stages, stageSets, users } from '../../db/schema/index';
import { keysetAfter, type KeysetAfter } from '../../lib/paging';
import { findVisibleOpportunity, opportunityVisibleCondition } from './visibility';

export type OpportunityRow = typeof opportunities.$inferSelect;
export type LineRow = typeof opportunityLines.$inferSelect;

/** @deprecated Use `opportunityVisibleCondition` from `./visibility` (kept for callers outside the sales modules). */
export const scopeCond = (scope: DataScope, listScope: ListScope = 'all'): SQL | undefined => opportunityVisibleCondition(scope, listScope);

/** @deprecated Use `findVisibleOpportunity` from `./visibility` (kept for callers outside the sales modules). */
export async function findVisible(db: Db, scope: DataScope, id: number, forUpdate = false): Promise<OpportunityRow | undefined> {
  return (await findVisibleOpportunity(db, scope, id, { forUpdate })) ?? undefined;
}

/** Rows with customer name, owner name and stage for presenting. */
export function withNames(db: Db, where: SQL | undefined) {
  return db
    .select({ o: opportunities, customerName: customers.name, ownerName: users.name, stage: stages })
    .from(opportunities)
    .innerJoin(customers, eq(customers.id, opportunities.customerId))
    .innerJoin(users, eq(users.id, opportunities.ownerId))
    .innerJoin(stages, eq(stages.id, opportunities.stageId))
    .where(where);
}
export type NamedRow = Awaited<ReturnType<typeof withNames>>[number];

export interface ListFilter {
  listScope: ListScope;
  q?: string;
  customerId?: number;
  stageId?: number;
  status?: OpportunityRow['status'];
  businessLine?: string;
  after?: KeysetAfter<Date>;
  limit: number;
}

/** Keyset page by (updated_at desc, id desc). */
export function list(db: Db, scope: DataScope, f: ListFilter) {
  const conds: (SQL | undefined)[] = [eq(opportunities.corpId, scope.corpId), opportunityVisibleCondition(scope, f.listScope)];
  if (f.q) conds.push(or(like(opportunities.name, `%${f.q}%`), like(customers.name, `${f.q}%`)));
  if (f.customerId) conds.push(eq(opportunities.customerId, f.customerId));
  if (f.stageId) conds.push(eq(opportunities.stageId, f.stageId));
  if (f.status) conds.push(eq(opportunities.status, f.status));
  if (f.businessLine) conds.push(eq(opportunities.businessLine, f.businessLine));
  conds.push(keysetAfter(opportunities.updatedAt, opportunities.id, f.after, 'desc'));
  return withNames(db, and(...conds))
    .orderBy(desc(opportunities.updatedAt), desc(opportunities.id))
    .limit(f.limit + 1);
}

export const linesOf = (db: Db, opportunityId: number) =>
  db.select().from(opportunityLines).where(eq(opportunityLines.opportunityId, opportunityId)).orderBy(asc(opportunityLines.sortOrder), asc(opportunityLines.id));

export const historyOf = (db: Db, opportunityId: number) =>
  db.select().from(opportunityStageHistory).where(eq(opportunityStageHistory.opportunityId, opportunityId)).orderBy(asc(opportunityStageHistory.enteredAt), asc(opportunityStageHistory.id));

export const stagesByIds = (db: Db, ids: number[]) => (ids.length ? db.select().from(stages).where(inArray(stages.id, ids)) : Promise.resolve([]));

/** Changes an opportunity's columns. */
export async function updateOpportunity(db: Db, corpId: number, id: number, set: Partial<typeof opportunities.$inferInsert>): Promise<void> {
  await db.update(opportunities).set(set).where(and(eq(opportunities.corpId, corpId), eq(opportunities.id, id)));
}

// Stage sets.
export const stageSetsOfCorp = (db: Db, corpId: number, limit = 100) => db.select().from(stageSets).where(eq(stageSets.corpId, corpId)).limit(limit);

export async function stageSetById(db: Db, corpId: number, id: number) {
  const [row] = await db.select().from(stageSets).where(and(eq(stageSets.corpId, corpId), eq(stageSets.id, id)));
  return row ?? null;
}

export async function stageSetIdOfLine(db: Db, corpId: number, businessLine: string): Promise<number | null> {
  const [row] = await db.select({ id: stageSets.id }).from(stageSets).where(and(eq(stageSets.corpId, corpId), eq(stageSets.businessLine, businessLine)));
  return row?.id ?? null;
}

// Contacts of an opportunity (作战地图).
export type OpportunityContactRow = typeof opportunityContacts.$inferSelect;

/** An opportunity's contacts with the contact's name and title, in the order added. */
export const opportunityContactRows = (db: Db, corpId: number, opportunityId: number) =>
  db
    .select({ oc: opportunityContacts, name: contacts.name, title: contacts.title })
    .from(opportunityContacts)
    .innerJoin(contacts, eq(contacts.id, opportunityContacts.contactId))
    .where(and(eq(opportunityContacts.corpId, corpId), eq(opportunityContacts.opportunityId, opportunityId)))
    .orderBy(asc(opportunityContacts.id));

/** Reports-to links of an opportunity's contacts (opportunity contact id → the one it reports to). */
export async function reportsToLinks(db: Db, corpId: number, opportunityId: number): Promise<Map<number, number | null>> {
  const rows = await db
    .select({ id: opportunityContacts.id, to: opportunityContacts.reportsToId })
    .from(opportunityContacts)
    .where(and(eq(opportunityContacts.corpId, corpId), eq(opportunityContacts.opportunityId, opportunityId)));
  return new Map(rows.map((r) => [r.id, r.to]));
}

/** The id of a contact of the customer; null when the contact is not the customer's. */
export async function contactIdOfCustomer(db: Db, corpId: number, customerId: number, contactId: number): Promise<number | null> {
  const [c] = await db.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.corpId, corpId), eq(contacts.id, contactId), eq(contacts.customerId, customerId)));
  return c?.id ?? null;
}

/** Whether the contact is already on the opportunity. */
export async function hasOpportunityContact(db: Db, corpId: number, opportunityId: number, contactId: number): Promise<boolean> {
  const [dup] = await db
    .select({ id: opportunityContacts.id })
    .from(opportunityContacts)
    .where(and(eq(opportunityContacts.corpId, corpId), eq(opportunityContacts.opportunityId, opportunityId), eq(opportunityContacts.contactId, contactId)));
  return !!dup;
}

export async function insertOpportunityContact(db: Db, values: Omit<typeof opportunityContacts.$inferInsert, 'id'>): Promise<number> {
  const [ins] = await db.insert(opportunityContacts).values(values).$returningId();
  return ins!.id;
}

export async function updateOpportunityContact(db: Db, corpId: number, opportunityId: number, id: number, set: Partial<typeof opportunityContacts.$inferInsert>): Promise<void> {
  await db
    .update(opportunityContacts)
    .set(set)
    .where(and(eq(opportunityContacts.corpId, corpId), eq(opportunityContacts.opportunityId, opportunityId), eq(opportunityContacts.id, id)));
}

/** Removes a contact from an opportunity; those who reported to it become roots. */
export async function deleteOpportunityContact(db: Db, corpId: number, opportunityId: number, id: number): Promise<void> {
  await db
    .update(opportunityContacts)
    .set({ reportsToId: null })
    .where(and(eq(opportunityContacts.corpId, corpId), eq(opportunityContacts.opportunityId, opportunityId), eq(opportunityContacts.reportsToId, id)));
  await db.delete(opportunityContacts).where(and(eq(opportunityContacts.corpId, corpId), eq(opportunityContacts.opportunityId, opportunityId), eq(opportunityContacts.id, id)));
}

// Sales-support requests.
/** An opportunity's support requests with the provider's name, in the order asked. */
export const supportRequestRows = (db: Db, corpId: number, opportunityId: number) =>
  db
    .select({ r: salesSupportRequests, providerName: users.name })
    .from(salesSupportRequests)
    .leftJoin(users, eq(users.id, salesSupportRequests.providerUserId))
    .where(and(eq(salesSupportRequests.corpId, corpId), eq(salesSupportRequests.opportunityId, opportunityId)))
    .orderBy(asc(salesSupportRequests.id));

export async function insertSupportRequest(db: Db, values: Omit<typeof salesSupportRequests.$inferInsert, 'id'>): Promise<number> {
  const [ins] = await db.insert(salesSupportRequests).values(values).$returningId();
  return ins!.id;
}

export async function updateSupportRequest(db: Db, corpId: number, opportunityId: number, id: number, set: Partial<typeof salesSupportRequests.$inferInsert>): Promise<void> {
  await db
    .update(salesSupportRequests)
    .set(set)
    .where(and(eq(salesSupportRequests.corpId, corpId), eq(salesSupportRequests.opportunityId, opportunityId), eq(salesSupportRequests.id, id)));
}

/** The id of a user of the corp; null when not the corp's. */
export async function userIdInCorp(db: Db, corpId: number, id: number): Promise<number | null> {
  const [u] = await db.select({ id: users.id }).from(users).where(and(eq(users.corpId, corpId), eq(users.id, id)));
  return u?.id ?? null;
}

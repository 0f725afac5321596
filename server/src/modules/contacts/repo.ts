import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { ContactItem, ContactListQuery, ListResult } from '@scrm/shared';
import { ownerCondition, type DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { contacts, customers, externalContacts } from '../../db/schema/index';
import { idNum, idStr, idStrOrNull } from '../../lib/ids';
import { afterIdOf, idAfter, pageOf } from '../../lib/paging';
import { toIso } from '../../lib/time';
import { likeEscape } from '../customers/repo';
import { customerListCondition, mineCondition } from '../customers/visibility';

export type ContactRow = typeof contacts.$inferSelect;

/** The API shape of a contact row (re-exported by `./service`). */
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

/** Contacts of customers in the caller's scope (list and export): q on name / mobile prefix, customerId, keyset by id. */
export async function listContacts(db: Db, s: DataScope, q: ContactListQuery): Promise<ListResult<ContactItem>> {
  const inScope = db.select({ id: customers.id }).from(customers).where(
    and(
      await customerListCondition(db, s),
      q.customerId ? undefined : q.scope === 'mine' ? mineCondition(s) : q.scope === 'team' ? ownerCondition(s, 'team', customers.ownerId) : undefined,
    ),
  );
  const conds: (SQL | undefined)[] = [eq(contacts.corpId, s.corpId), inArray(contacts.customerId, inScope)];
  if (q.customerId) conds.push(eq(contacts.customerId, idNum(q.customerId)));
  if (q.q) {
    const k = `${likeEscape(q.q)}%`;
    conds.push(or(sql`${contacts.name} LIKE ${k}`, sql`${contacts.mobile} LIKE ${k}`));
  }
  conds.push(idAfter(contacts.id, afterIdOf(q.cursor), 'desc'));
  const rows = await db
    .select({ c: contacts, customerName: customers.name, externalUserId: externalContacts.externalUserId })
    .from(contacts)
    .innerJoin(customers, eq(customers.id, contacts.customerId))
    .leftJoin(externalContacts, eq(externalContacts.id, contacts.externalContactId))
    .where(and(...conds))
    .orderBy(desc(contacts.id))
    .limit(q.limit + 1);
  return pageOf(rows, q.limit, (r) => presentContact(r.c, r), (r) => [r.c.id]);
}

/** Inserts a contact of the corp; returns its id. */
export async function insertContact(db: Db, values: Omit<typeof contacts.$inferInsert, 'id'>): Promise<number> {
  const [row] = await db.insert(contacts).values(values).$returningId();
  return row!.id;
}

/** Changes a contact's fields (only those given). */
export async function updateContact(db: Db, corpId: number, id: number, set: Partial<typeof contacts.$inferInsert>): Promise<void> {
  if (Object.keys(set).length) await db.update(contacts).set(set).where(and(eq(contacts.corpId, corpId), eq(contacts.id, id)));
}

/** The id of an external contact of the corp; null when it is not the corp's. */
export async function externalContactIdInCorp(db: Db, corpId: number, id: number): Promise<number | null> {
  const [ext] = await db.select({ id: externalContacts.id }).from(externalContacts).where(and(eq(externalContacts.corpId, corpId), eq(externalContacts.id, id)));
  return ext?.id ?? null;
}

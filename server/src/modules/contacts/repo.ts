import { and, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { ContactItem, ContactListQuery, ListResult } from '@scrm/shared';
import { ownerCondition, type DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { contacts, customers, externalContacts } from '../../db/schema/index';
import { errors } from '../../http/errors';
import { decodeCursor, encodeCursor, idNum } from '../../lib/ids';
import { likeEscape } from '../customers/repo';
import { customerListCondition, mineCondition } from '../customers/visibility';
import { presentContact } from './service';

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
  const cursor = decodeCursor(q.cursor);
  if (q.cursor && !cursor) throw errors.badRequest('invalid_cursor', 'cursor 无效');
  if (cursor) conds.push(lt(contacts.id, Number(cursor[0])));
  const rows = await db
    .select({ c: contacts, customerName: customers.name, externalUserId: externalContacts.externalUserId })
    .from(contacts)
    .innerJoin(customers, eq(customers.id, contacts.customerId))
    .leftJoin(externalContacts, eq(externalContacts.id, contacts.externalContactId))
    .where(and(...conds))
    .orderBy(desc(contacts.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return { items: page.map((r) => presentContact(r.c, r)), nextCursor: rows.length > q.limit ? encodeCursor([page[page.length - 1]!.c.id]) : null };
}

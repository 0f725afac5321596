import { and, desc, eq, gte, inArray, lte, or, type SQL } from 'drizzle-orm';
import type { FollowUpItem, ListResult } from '@scrm/shared';
import type { z } from 'zod';
import type { followUpListQuery } from '@scrm/shared';
import { ownerCondition, type DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { customers, followUpContacts, followUps, users } from '../../db/schema/index';
import { idNum } from '../../lib/ids';
import { afterKeyOf, keyCursor, keysetAfter, splitPage } from '../../lib/paging';
import { presentFollowUp } from './service';
import { followUpListCondition } from './visibility';

/** Keyset-paged follow-ups (newest first) inside the caller's scope, with the list's filters. */
export async function listFollowUps(db: Db, s: DataScope, q: z.infer<typeof followUpListQuery>): Promise<ListResult<FollowUpItem>> {
  const conds: (SQL | undefined)[] = [eq(followUps.corpId, s.corpId)];
  const subject = q.customerId ?? q.contactId ?? q.leadId ?? q.opportunityId;
  if (q.customerId) conds.push(eq(followUps.customerId, idNum(q.customerId)));
  if (q.contactId)
    conds.push(or(eq(followUps.contactId, idNum(q.contactId)), inArray(followUps.id, db.select({ id: followUpContacts.followUpId }).from(followUpContacts).where(eq(followUpContacts.contactId, idNum(q.contactId))))));
  if (q.leadId) conds.push(eq(followUps.leadId, idNum(q.leadId)));
  if (q.opportunityId) conds.push(eq(followUps.opportunityId, idNum(q.opportunityId)));
  if (q.type) conds.push(eq(followUps.type, q.type));
  if (q.authorId) conds.push(eq(followUps.authorId, idNum(q.authorId)));
  if (q.from) conds.push(gte(followUps.occurredAt, new Date(q.from)));
  if (q.to) conds.push(lte(followUps.occurredAt, new Date(q.to)));
  if (q.scope === 'mine' && !subject) conds.push(eq(followUps.authorId, s.userId));
  else if (q.scope === 'team') conds.push(ownerCondition(s, 'team', followUps.authorId));
  conds.push(await followUpListCondition(db, s));
  conds.push(keysetAfter(followUps.occurredAt, followUps.id, afterKeyOf(q.cursor, 'date'), 'desc'));
  const rows = await db
    .select({ f: followUps, authorName: users.name, customerName: customers.name })
    .from(followUps)
    .leftJoin(users, eq(users.id, followUps.authorId))
    .leftJoin(customers, eq(customers.id, followUps.customerId))
    .where(and(...conds))
    .orderBy(desc(followUps.occurredAt), desc(followUps.id))
    .limit(q.limit + 1);
  const { page, nextCursor } = splitPage(rows, q.limit, (r) => keyCursor(r.f.occurredAt, r.f.id));
  const ids = page.map((r) => r.f.id);
  const links = ids.length ? await db.select().from(followUpContacts).where(inArray(followUpContacts.followUpId, ids)) : [];
  return {
    items: page.map((r) => presentFollowUp(r.f, { authorName: r.authorName, customerName: r.customerName, contactIds: links.filter((l) => l.followUpId === r.f.id).map((l) => l.contactId) })),
    nextCursor,
  };
}

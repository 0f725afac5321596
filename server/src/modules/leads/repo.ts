import { and, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { LeadConversionItem, LeadItem, LeadListQuery, ListResult } from '@scrm/shared';
import type { DataScope } from '../../auth/scope';
import { ownerCondition } from '../../auth/scope';
import type { Db } from '../../db/client';
import { campaigns, customers, externalContacts, leadConversions, leads, pools, users } from '../../db/schema/index';
import { idNum, idStr, idStrOrNull } from '../../lib/ids';
import { afterKeyOf, keyCursor, keysetAfter, pageOf } from '../../lib/paging';
import { toIso } from '../../lib/time';
import { likeEscape } from '../customers/repo';
import { visiblePoolIds } from '../pools/repo';
import { leadListCondition } from './visibility';

export type LeadRow = typeof leads.$inferSelect;

/** The API shape of a lead row. */
export function presentLead(r: LeadRow, ownerName: string | null): LeadItem {
  return {
    id: idStr(r.id),
    name: r.name,
    company: r.company,
    mobile: r.mobile,
    wechatId: r.wechatId,
    region: r.region,
    source: r.source,
    campaignId: idStrOrNull(r.campaignId),
    grade: r.grade,
    tags: r.tags ?? [],
    need: r.need,
    ownerId: idStrOrNull(r.ownerId),
    ownerName,
    poolId: idStrOrNull(r.poolId),
    status: r.status,
    externalContactId: idStrOrNull(r.externalContactId),
    convertedCustomerId: idStrOrNull(r.convertedCustomerId),
    convertedContactId: idStrOrNull(r.convertedContactId),
    lastFollowUpAt: toIso(r.lastFollowUpAt),
    createdAt: toIso(r.createdAt),
    updatedAt: toIso(r.updatedAt),
  };
}

/** Keyset-paged lead list (newest change first) inside the caller's data scope. */
export async function listLeads(db: Db, scope: DataScope, q: LeadListQuery): Promise<ListResult<LeadItem>> {
  const conds: (SQL | undefined)[] = [await leadListCondition(db, scope), eq(leads.status, q.status)];
  if (q.scope === 'pool') {
    conds.push(isNull(leads.ownerId));
    const ids = scope.level === 'all' ? null : await visiblePoolIds(db, scope.corpId, scope.userId, 'lead');
    if (ids) conds.push(ids.length ? inArray(leads.poolId, ids) : sql`FALSE`);
  } else if (q.scope !== 'all') conds.push(ownerCondition(scope, q.scope, leads.ownerId));
  if (q.grade) conds.push(eq(leads.grade, q.grade));
  if (q.source) conds.push(eq(leads.source, q.source));
  if (q.campaignId) conds.push(eq(leads.campaignId, idNum(q.campaignId)));
  if (q.ownerId) conds.push(eq(leads.ownerId, idNum(q.ownerId)));
  if (q.poolId) conds.push(eq(leads.poolId, idNum(q.poolId)));
  if (q.q) {
    const k = likeEscape(q.q);
    conds.push(or(sql`${leads.name} LIKE ${`%${k}%`}`, sql`${leads.company} LIKE ${`%${k}%`}`, sql`${leads.mobile} LIKE ${`${k}%`}`));
  }
  conds.push(keysetAfter(leads.updatedAt, leads.id, afterKeyOf(q.cursor, 'date'), 'desc'));
  const rows = await db
    .select({ l: leads, ownerName: users.name })
    .from(leads)
    .leftJoin(users, eq(users.id, leads.ownerId))
    .where(and(...conds))
    .orderBy(desc(leads.updatedAt), desc(leads.id))
    .limit(q.limit + 1);
  return pageOf(rows, q.limit, (r) => presentLead(r.l, r.ownerName), (r) => keyCursor(r.l.updatedAt, r.l.id));
}

/** A lead with the names shown on its detail page; null when not in the corp. */
export async function getLeadRow(db: Db, corpId: number, id: number) {
  const [row] = await db
    .select({ l: leads, ownerName: users.name, campaignName: campaigns.name, poolName: pools.name, ext: externalContacts })
    .from(leads)
    .leftJoin(users, eq(users.id, leads.ownerId))
    .leftJoin(campaigns, eq(campaigns.id, leads.campaignId))
    .leftJoin(pools, eq(pools.id, leads.poolId))
    .leftJoin(externalContacts, eq(externalContacts.id, leads.externalContactId))
    .where(and(eq(leads.corpId, corpId), eq(leads.id, id)));
  return row ?? null;
}

/** Owner and pool of a lead of the corp (after an action); null when not in the corp. */
export async function leadOwnership(db: Db, corpId: number, id: number): Promise<{ ownerId: number | null; poolId: number | null } | null> {
  const [row] = await db.select({ ownerId: leads.ownerId, poolId: leads.poolId }).from(leads).where(and(eq(leads.corpId, corpId), eq(leads.id, id)));
  return row ?? null;
}

/** The conversion record of a lead, API shape; null when not converted. */
export async function conversionOf(db: Db, corpId: number, leadId: number): Promise<LeadConversionItem | null> {
  const [r] = await db
    .select({ c: leadConversions, customerName: customers.name, byName: users.name })
    .from(leadConversions)
    .leftJoin(customers, eq(customers.id, leadConversions.customerId))
    .leftJoin(users, eq(users.id, leadConversions.convertedBy))
    .where(and(eq(leadConversions.corpId, corpId), eq(leadConversions.leadId, leadId)));
  if (!r) return null;
  const c = r.c;
  return {
    mode: c.mode,
    customerId: idStr(c.customerId),
    customerName: r.customerName,
    contactId: idStr(c.contactId),
    opportunityId: idStrOrNull(c.opportunityId),
    campaignId: idStrOrNull(c.campaignId),
    convertedById: idStr(c.convertedBy),
    convertedByName: r.byName,
    convertedAt: toIso(c.convertedAt),
    durationSeconds: c.durationSeconds,
    followUpCount: c.followUpCount,
    metRules: c.metRules,
    ruleFailures: c.ruleFailures ?? [],
  };
}

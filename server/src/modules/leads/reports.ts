import { and, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { normaliseCustomerName, type conversionReportQuery, type funnelQuery } from '@scrm/shared';
import { ownerCondition, type DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { campaigns, contacts, customers, leadConversions, leads, users } from '../../db/schema/index';
import { idNum, idStr } from '../../lib/ids';
import { customerAccess } from '../customers/visibility';

/**
 * Conversions over a period grouped by marketer (the rep credited: the lead's owner), campaign or
 * source, within the caller's data scope: count, how many met the corp's rules, average days.
 */
export async function conversionReport(db: Db, scope: DataScope, q: z.infer<typeof conversionReportQuery>) {
  const conds: (SQL | undefined)[] = [eq(leadConversions.corpId, scope.corpId)];
  conds.push(ownerCondition(scope, 'all', leadConversions.ownerId));
  if (q.from) conds.push(gte(leadConversions.convertedAt, new Date(q.from)));
  if (q.to) conds.push(lte(leadConversions.convertedAt, new Date(q.to)));
  const key = { marketer: leadConversions.ownerId, campaign: leadConversions.campaignId, source: leadConversions.source }[q.groupBy];
  const label = { marketer: sql<string | null>`MAX(${users.name})`, campaign: sql<string | null>`MAX(${campaigns.name})`, source: sql<string | null>`MAX(${leadConversions.source})` }[q.groupBy];
  const rows = await db
    .select({
      key,
      label,
      n: sql<number>`COUNT(*)`,
      met: sql<number>`SUM(CASE WHEN ${leadConversions.metRules} THEN 1 ELSE 0 END)`,
      avgSeconds: sql<number | null>`AVG(${leadConversions.durationSeconds})`,
    })
    .from(leadConversions)
    .leftJoin(users, eq(users.id, leadConversions.ownerId))
    .leftJoin(campaigns, eq(campaigns.id, leadConversions.campaignId))
    .where(and(...conds))
    .groupBy(key)
    .orderBy(sql`COUNT(*) DESC`);
  return {
    items: rows.map((r) => ({
      key: r.key == null ? '' : String(r.key),
      label: r.label ?? (q.groupBy === 'source' ? '未知来源' : null),
      conversions: Number(r.n),
      metRules: Number(r.met ?? 0),
      avgDays: r.avgSeconds == null ? null : Math.round((Number(r.avgSeconds) / 86400) * 10) / 10,
    })),
  };
}

/** lead → customer → won over leads created in the period (in scope, optionally of one campaign). */
export async function funnelReport(db: Db, scope: DataScope, q: z.infer<typeof funnelQuery>) {
  const conds: (SQL | undefined)[] = [eq(leads.corpId, scope.corpId)];
  conds.push(ownerCondition(scope, 'all', leads.ownerId));
  if (q.from) conds.push(gte(leads.createdAt, new Date(q.from)));
  if (q.to) conds.push(lte(leads.createdAt, new Date(q.to)));
  if (q.campaignId) conds.push(eq(leads.campaignId, idNum(q.campaignId)));
  const [agg] = await db
    .select({ n: sql<number>`COUNT(*)`, converted: sql<number>`SUM(CASE WHEN ${leads.status} = 'converted' THEN 1 ELSE 0 END)` })
    .from(leads)
    .where(and(...conds));
  const [won] = await db
    .select({
      n: sql<number>`COUNT(*)`,
      amount: sql<number | null>`SUM(GREATEST(${customers.wonAmount}, ${customers.contractTotal}))`,
    })
    .from(customers)
    .where(
      and(
        eq(customers.corpId, scope.corpId),
        eq(customers.dealStatus, 'won'),
        inArray(customers.id, db.selectDistinct({ id: leads.convertedCustomerId }).from(leads).where(and(...conds))),
      ),
    );
  return { leads: Number(agg?.n ?? 0), converted: Number(agg?.converted ?? 0), won: Number(won?.n ?? 0), wonAmount: Number(won?.amount ?? 0) };
}

/** Customers a lead could be merged into: a contact with the lead's mobile, or the company's name. Only visible ones. */
export async function convertCandidates(db: Db, scope: DataScope, lead: { mobile: string | null; company: string | null }) {
  const out: { customerId: string; name: string; ownerName: string | null; matchedBy: 'mobile' | 'company'; contactId: string | null }[] = [];
  const seen = new Set<number>();
  const consider = async (c: { id: number; name: string; ownerId: number | null; poolId: number | null; ownerName: string | null }, matchedBy: 'mobile' | 'company', contactId: number | null) => {
    if (seen.has(c.id) || !(await customerAccess(db, scope, c))) return;
    seen.add(c.id);
    out.push({ customerId: idStr(c.id), name: c.name, ownerName: c.ownerName, matchedBy, contactId: contactId == null ? null : idStr(contactId) });
  };
  const cols = { id: customers.id, name: customers.name, ownerId: customers.ownerId, poolId: customers.poolId, ownerName: users.name };
  if (lead.mobile) {
    const rows = await db
      .select({ ...cols, contactId: contacts.id })
      .from(contacts)
      .innerJoin(customers, eq(customers.id, contacts.customerId))
      .leftJoin(users, eq(users.id, customers.ownerId))
      .where(and(eq(contacts.corpId, scope.corpId), eq(contacts.mobile, lead.mobile), eq(customers.status, 'active')))
      .limit(10);
    for (const r of rows) await consider(r, 'mobile', r.contactId);
  }
  if (lead.company) {
    const rows = await db
      .select(cols)
      .from(customers)
      .leftJoin(users, eq(users.id, customers.ownerId))
      .where(and(eq(customers.corpId, scope.corpId), eq(customers.nameKey, normaliseCustomerName(lead.company)), eq(customers.status, 'active')));
    for (const r of rows) await consider(r, 'company', null);
  }
  return { items: out };
}

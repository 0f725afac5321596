import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { CampaignStatus, CampaignType, ListScope } from '@scrm/shared';
import type { Db } from '../../db/client';
import { campaignCosts, campaignPayments, campaigns, campaignVendors, customers, leads, leadTouches, users } from '../../db/schema/index';
import { keysetAfter, type KeysetAfter } from '../../lib/paging';
import { likeEscape } from '../customers/repo';

/**
 * Campaign queries. Campaigns are corp-wide marketing data (everyone in the corp reads them), so
 * reads take the corp id; vendors, costs and payments are reached through a campaign of the corp.
 */
export type CampaignRow = typeof campaigns.$inferSelect;
export type PaymentRow = typeof campaignPayments.$inferSelect;

const leadCount = sql<number>`(SELECT COUNT(*) FROM ${leads} l WHERE l.campaign_id = ${campaigns.id})`;

export interface CampaignFilter {
  scope: ListScope;
  userId: number;
  type?: CampaignType;
  status?: CampaignStatus;
  q?: string;
  after?: KeysetAfter<Date>;
  limit: number;
}

/** One page (`limit + 1` rows) newest update first: `mine` = owned by the caller, `pool` = none, else the corp's. */
export function listCampaigns(db: Db, corpId: number, f: CampaignFilter) {
  const conds: (SQL | undefined)[] = [eq(campaigns.corpId, corpId), keysetAfter(campaigns.updatedAt, campaigns.id, f.after)];
  if (f.scope === 'mine') conds.push(eq(campaigns.ownerId, f.userId));
  if (f.scope === 'pool') conds.push(sql`FALSE`);
  if (f.type) conds.push(eq(campaigns.type, f.type));
  if (f.status) conds.push(eq(campaigns.status, f.status));
  if (f.q) conds.push(sql`${campaigns.name} LIKE ${`%${likeEscape(f.q)}%`}`);
  return db
    .select({ c: campaigns, ownerName: users.name, leadCount })
    .from(campaigns)
    .leftJoin(users, eq(users.id, campaigns.ownerId))
    .where(and(...conds))
    .orderBy(desc(campaigns.updatedAt), desc(campaigns.id))
    .limit(f.limit + 1);
}

/** The campaign row of the corp (row-locked when `forUpdate`). */
export async function findCampaign(db: Db, corpId: number, id: number, forUpdate = false): Promise<CampaignRow | undefined> {
  const q = db.select().from(campaigns).where(and(eq(campaigns.corpId, corpId), eq(campaigns.id, id)));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

/** The campaign with its owner's name and lead count. */
export async function findCampaignSummary(db: Db, corpId: number, id: number) {
  const [r] = await db
    .select({ c: campaigns, ownerName: users.name, leadCount })
    .from(campaigns)
    .leftJoin(users, eq(users.id, campaigns.ownerId))
    .where(and(eq(campaigns.corpId, corpId), eq(campaigns.id, id)));
  return r;
}

/** The campaign behind a public form key (the key is the secret; it names the corp). */
export async function findCampaignByPublicKey(db: Db, key: string): Promise<CampaignRow | undefined> {
  const [c] = await db.select().from(campaigns).where(eq(campaigns.publicKey, key));
  return c;
}

export async function insertCampaign(db: Db, values: typeof campaigns.$inferInsert): Promise<number> {
  const [row] = await db.insert(campaigns).values(values).$returningId();
  return row!.id;
}

export async function updateCampaign(db: Db, corpId: number, id: number, set: Partial<typeof campaigns.$inferInsert>): Promise<void> {
  await db.update(campaigns).set(set).where(and(eq(campaigns.corpId, corpId), eq(campaigns.id, id)));
}

export const vendorsOf = (db: Db, corpId: number, campaignId: number) =>
  db.select().from(campaignVendors).where(and(eq(campaignVendors.corpId, corpId), eq(campaignVendors.campaignId, campaignId))).orderBy(asc(campaignVendors.id));

export const costsOf = (db: Db, corpId: number, campaignId: number) =>
  db.select().from(campaignCosts).where(and(eq(campaignCosts.corpId, corpId), eq(campaignCosts.campaignId, campaignId))).orderBy(asc(campaignCosts.id));

export const paymentsOf = (db: Db, corpId: number, campaignId: number) =>
  db
    .select({ p: campaignPayments, vendorName: campaignVendors.name })
    .from(campaignPayments)
    .leftJoin(campaignVendors, eq(campaignVendors.id, campaignPayments.vendorId))
    .where(and(eq(campaignPayments.corpId, corpId), eq(campaignPayments.campaignId, campaignId)))
    .orderBy(asc(campaignPayments.id));

export async function vendorInCampaign(db: Db, campaignId: number, vendorId: number): Promise<boolean> {
  const [v] = await db.select({ id: campaignVendors.id }).from(campaignVendors).where(and(eq(campaignVendors.id, vendorId), eq(campaignVendors.campaignId, campaignId)));
  return !!v;
}

export async function insertVendor(db: Db, values: typeof campaignVendors.$inferInsert): Promise<number> {
  return (await db.insert(campaignVendors).values(values).$returningId())[0]!.id;
}

export async function insertCost(db: Db, values: typeof campaignCosts.$inferInsert): Promise<number> {
  return (await db.insert(campaignCosts).values(values).$returningId())[0]!.id;
}

export async function insertPayment(db: Db, values: typeof campaignPayments.$inferInsert): Promise<number> {
  return (await db.insert(campaignPayments).values(values).$returningId())[0]!.id;
}

export async function findPayment(db: Db, campaignId: number, paymentId: number): Promise<PaymentRow | undefined> {
  const [p] = await db.select().from(campaignPayments).where(and(eq(campaignPayments.id, paymentId), eq(campaignPayments.campaignId, campaignId)));
  return p;
}

export async function updatePayment(db: Db, id: number, set: Partial<typeof campaignPayments.$inferInsert>): Promise<void> {
  await db.update(campaignPayments).set(set).where(eq(campaignPayments.id, id));
}

/** Cost lines of a vendor in a campaign, summed (fen). */
export async function vendorCostTotal(db: Db, campaignId: number, vendorId: number): Promise<number> {
  const [cost] = await db
    .select({ total: sql<number | null>`SUM(${campaignCosts.amount})` })
    .from(campaignCosts)
    .where(and(eq(campaignCosts.campaignId, campaignId), eq(campaignCosts.vendorId, vendorId)));
  return Number(cost?.total ?? 0);
}

/** Payments (not cancelled) to a vendor in a campaign, summed (fen), leaving one payment out when editing it. */
export async function vendorPaidTotal(db: Db, campaignId: number, vendorId: number, exceptPaymentId?: number): Promise<number> {
  const [paid] = await db
    .select({ total: sql<number | null>`SUM(${campaignPayments.amount})` })
    .from(campaignPayments)
    .where(
      and(
        eq(campaignPayments.campaignId, campaignId),
        eq(campaignPayments.vendorId, vendorId),
        ne(campaignPayments.status, 'cancelled'),
        exceptPaymentId ? ne(campaignPayments.id, exceptPaymentId) : undefined,
      ),
    );
  return Number(paid?.total ?? 0);
}

export async function userExists(db: Db, corpId: number, userId: number): Promise<boolean> {
  const [u] = await db.select({ id: users.id }).from(users).where(and(eq(users.corpId, corpId), eq(users.id, userId)));
  return !!u;
}

/** Figures behind a campaign's results: its leads by source, totals, won customers and cost. */
export async function resultFigures(db: Db, corpId: number, campaignId: number) {
  const ofCampaign = and(eq(leads.corpId, corpId), eq(leads.campaignId, campaignId));
  const bySource = await db
    .select({
      source: sql<string | null>`${leads.source}`,
      n: sql<number>`COUNT(*)`,
      converted: sql<number>`SUM(CASE WHEN ${leads.status} = 'converted' THEN 1 ELSE 0 END)`,
    })
    .from(leads)
    .where(and(ofCampaign, ne(leads.status, 'discarded')))
    .groupBy(leads.source)
    .orderBy(sql`COUNT(*) DESC`);
  const [all] = await db
    .select({ n: sql<number>`COUNT(*)`, converted: sql<number>`SUM(CASE WHEN ${leads.status} = 'converted' THEN 1 ELSE 0 END)` })
    .from(leads)
    .where(ofCampaign);
  const [won] = await db
    .select({ n: sql<number>`COUNT(*)`, amount: sql<number | null>`SUM(GREATEST(${customers.wonAmount}, ${customers.contractTotal}))` })
    .from(customers)
    .where(
      and(
        eq(customers.corpId, corpId),
        eq(customers.dealStatus, 'won'),
        inArray(customers.id, db.selectDistinct({ id: leads.convertedCustomerId }).from(leads).where(and(ofCampaign, eq(leads.status, 'converted')))),
      ),
    );
  const [cost] = await db.select({ total: sql<number | null>`SUM(${campaignCosts.amount})` }).from(campaignCosts).where(eq(campaignCosts.campaignId, campaignId));
  return { bySource, all, won, cost };
}

/** A live (active or converted) lead of the corp with this mobile, if any. */
export async function findLiveLeadByMobile(db: Db, corpId: number, mobile: string): Promise<number | undefined> {
  const [dup] = await db
    .select({ id: leads.id })
    .from(leads)
    .where(and(eq(leads.corpId, corpId), eq(leads.mobile, mobile), inArray(leads.status, ['active', 'converted'])))
    .limit(1);
  return dup?.id;
}

export async function insertLeadTouch(db: Db, values: typeof leadTouches.$inferInsert): Promise<void> {
  await db.insert(leadTouches).values(values);
}

import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { CampaignResults } from '@scrm/shared';
import type { Db } from '../../db/client';
import { campaignCosts, customers, leads } from '../../db/schema/index';

/**
 * A campaign's results, computed (never typed): leads it brought, how many converted, the
 * customers they became that have won deals (opportunity won amount or contract total, whichever
 * is larger), cost per lead and ROI = (won − cost) / cost.
 */
export async function campaignResults(db: Db, corpId: number, campaignId: number): Promise<CampaignResults> {
  const ofCampaign = and(eq(leads.corpId, corpId), eq(leads.campaignId, campaignId));
  const bySourceRows = await db
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
  const leadsGenerated = Number(all?.n ?? 0);
  const leadsConverted = Number(all?.converted ?? 0);
  const costTotal = Number(cost?.total ?? 0);
  const wonAmount = Number(won?.amount ?? 0);
  return {
    leadsGenerated,
    leadsConverted,
    customersWon: Number(won?.n ?? 0),
    cost: costTotal,
    costPerLead: leadsGenerated ? Math.round(costTotal / leadsGenerated) : null,
    wonAmount,
    roi: costTotal > 0 ? Math.round(((wonAmount - costTotal) / costTotal) * 10000) / 10000 : null,
    conversionRate: leadsGenerated ? Math.round((leadsConverted / leadsGenerated) * 10000) / 10000 : null,
    bySource: bySourceRows.map((r) => ({ source: r.source ?? '未知来源', leads: Number(r.n), converted: Number(r.converted ?? 0) })),
  };
}

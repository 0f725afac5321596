import type { CampaignResults } from '@scrm/shared';
import type { Db } from '../../db/client';
import { resultFigures } from './repo';

/**
 * A campaign's results, computed (never typed): leads it brought, how many converted, the
 * customers they became that have won deals (opportunity won amount or contract total, whichever
 * is larger), cost per lead and ROI = (won − cost) / cost.
 */
export async function campaignResults(db: Db, corpId: number, campaignId: number): Promise<CampaignResults> {
  const { bySource: bySourceRows, all, won, cost } = await resultFigures(db, corpId, campaignId);
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

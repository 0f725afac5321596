import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { customers, followUps } from '../../db/schema/index';

/** Rollup values other modules own (opportunities, contracts, receipts) and write back. */
export interface CustomerDealRollups {
  openOpportunityCount: number;
  wonAmount: number;
  lastWonAt: Date | null;
  contractTotal: number;
  receivedAmount: number;
}

/** Computes a module's share of a customer's rollups; registered once at import time. */
export type CustomerRollupSource = (db: Db, corpId: number, customerId: number) => Promise<Partial<CustomerDealRollups>>;

const sources: CustomerRollupSource[] = [];

/**
 * Lets a downstream module (opportunities, contracts…) contribute rollups, so every
 * `refreshCustomerRollups` call recomputes its numbers too. Call at module load.
 */
export function registerCustomerRollupSource(source: CustomerRollupSource): void {
  sources.push(source);
}

/**
 * Recomputes a customer's rollups from the source rows, in the caller's transaction:
 * follow-up count, last follow-up time, next follow-up time (the plan of the latest follow-up
 * that has one), plus every registered source's values and `overrides` (e.g. values the caller
 * just computed). `deal_status` becomes `won` once anything is won or contracted.
 */
export async function refreshCustomerRollups(
  db: Db,
  corpId: number,
  customerId: number,
  overrides: Partial<CustomerDealRollups> = {},
): Promise<void> {
  const where = and(eq(followUps.corpId, corpId), eq(followUps.customerId, customerId));
  const [agg] = await db
    .select({ count: sql<number>`COUNT(*)`, last: sql<Date | string | null>`MAX(${followUps.occurredAt})` })
    .from(followUps)
    .where(where);
  const [next] = await db
    .select({ at: followUps.nextFollowUpAt })
    .from(followUps)
    .where(and(where, isNotNull(followUps.nextFollowUpAt)))
    .orderBy(desc(followUps.occurredAt), desc(followUps.id))
    .limit(1);
  let deal: Partial<CustomerDealRollups> = {};
  for (const source of sources) deal = { ...deal, ...(await source(db, corpId, customerId)) };
  deal = { ...deal, ...overrides };
  const won = (deal.wonAmount ?? 0) > 0 || (deal.contractTotal ?? 0) > 0;
  await db
    .update(customers)
    .set({
      followUpCount: Number(agg?.count ?? 0),
      lastFollowUpAt: asDate(agg?.last),
      nextFollowUpAt: next?.at ?? null,
      ...deal,
      ...(deal.wonAmount !== undefined || deal.contractTotal !== undefined ? { dealStatus: won ? 'won' : 'none' } : {}),
    })
    .where(and(eq(customers.corpId, corpId), eq(customers.id, customerId)));
}

/**
 * The follow-up part of a customer's rollups only (count, last, next), recomputed from the
 * follow-up rows in one statement: what writing or editing a follow-up changes. Deal rollups are
 * left as they are (follow-ups do not move them).
 */
export async function refreshCustomerFollowUpRollups(db: Db, corpId: number, customerId: number): Promise<void> {
  const mine = sql`${followUps.corpId} = ${corpId} AND ${followUps.customerId} = ${customerId}`;
  await db
    .update(customers)
    .set({
      followUpCount: sql`(SELECT COUNT(*) FROM ${followUps} WHERE ${mine})`,
      lastFollowUpAt: sql`(SELECT MAX(${followUps.occurredAt}) FROM ${followUps} WHERE ${mine})`,
      nextFollowUpAt: sql`(SELECT ${followUps.nextFollowUpAt} FROM ${followUps} WHERE ${mine} AND ${followUps.nextFollowUpAt} IS NOT NULL ORDER BY ${followUps.occurredAt} DESC, ${followUps.id} DESC LIMIT 1)`,
    })
    .where(and(eq(customers.corpId, corpId), eq(customers.id, customerId)));
}

/** MAX() of a DATETIME comes back as a Date (or a UTC string on some drivers). */
function asDate(v: Date | string | null | undefined): Date | null {
  if (v == null) return null;
  return v instanceof Date ? v : new Date(`${v.replace(' ', 'T')}Z`);
}

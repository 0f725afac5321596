import { and, eq, sql } from 'drizzle-orm';
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
 * Lock protocol (why nothing here can deadlock): every transaction that writes a customer's
 * follow-ups or rollups takes the customer row lock FIRST (`lockCustomerForRollups`), and only then
 * inserts / updates / deletes follow-up rows and writes the rollups. All writers of one customer
 * are therefore serialised by that one row lock, always taken in the same order (customer row,
 * then follow_ups), so no two of them can wait on each other in a cycle.
 *
 * Creating a follow-up is an increment (`addFollowUpToRollups`: no read of follow_ups at all);
 * only back-dated follow-ups with a plan, edits, deletes and bulk moves recompute exactly
 * (`refreshCustomerFollowUpRollups`), still after the lock. `repairCustomerRollups`
 * (rollup-repair.ts) puts right any drift left by code that bypassed this protocol.
 */

/** A customer's follow-up rollups as read under its row lock (the values the increment builds on). */
export interface LockedCustomerRollups {
  corpId: number;
  customerId: number;
  followUpCount: number;
  lastFollowUpAt: Date | null;
  nextFollowUpAt: Date | null;
}

/**
 * Takes the customer's row lock (`SELECT … FOR UPDATE`) in the caller's transaction and returns its
 * current follow-up rollups; null when the customer does not exist. Call it before touching the
 * customer's follow-up rows. Taking it again in the same transaction is free.
 */
export async function lockCustomerForRollups(db: Db, corpId: number, customerId: number): Promise<LockedCustomerRollups | null> {
  const [row] = await db
    .select({ followUpCount: customers.followUpCount, lastFollowUpAt: customers.lastFollowUpAt, nextFollowUpAt: customers.nextFollowUpAt })
    .from(customers)
    .where(and(eq(customers.corpId, corpId), eq(customers.id, customerId)))
    .for('update');
  return row ? { corpId, customerId, ...row } : null;
}

/**
 * Applies one new follow-up to rollups locked by `lockCustomerForRollups` (same transaction, the
 * follow-up row already inserted): count + 1, last = the later of the two; next = the new plan
 * when the new follow-up is the latest one (occurredAt ≥ the previous last: with the lock held
 * before the insert its id is also the highest, so it wins the occurredAt-then-id tie-break) and
 * has a plan; unchanged when it has no plan (the latest follow-up that has one is still the same
 * row). A back-dated follow-up with a plan may or may not be the latest planned one: recomputed.
 * `locked` describes the rollups before this one follow-up: to add another in the same
 * transaction, lock again (that read returns the values just written).
 */
export async function addFollowUpToRollups(db: Db, locked: LockedCustomerRollups, f: { occurredAt: Date; nextFollowUpAt: Date | null }): Promise<'increment' | 'recompute'> {
  const latest = locked.lastFollowUpAt == null || f.occurredAt.getTime() >= locked.lastFollowUpAt.getTime();
  if (!latest && f.nextFollowUpAt) {
    await refreshCustomerFollowUpRollups(db, locked.corpId, locked.customerId);
    return 'recompute';
  }
  await db
    .update(customers)
    .set({
      followUpCount: sql`${customers.followUpCount} + 1`,
      lastFollowUpAt: sql`GREATEST(COALESCE(${customers.lastFollowUpAt}, ${f.occurredAt}), ${f.occurredAt})`,
      ...(latest && f.nextFollowUpAt ? { nextFollowUpAt: f.nextFollowUpAt } : {}),
    })
    .where(and(eq(customers.corpId, locked.corpId), eq(customers.id, locked.customerId)));
  return 'increment';
}

/** The exact follow-up rollups as SQL over the customer's follow-up rows (read by the enclosing UPDATE). */
function exactFollowUpRollups(corpId: number, customerId: number) {
  const mine = sql`${followUps.corpId} = ${corpId} AND ${followUps.customerId} = ${customerId}`;
  return {
    followUpCount: sql`(SELECT COUNT(*) FROM ${followUps} WHERE ${mine})`,
    lastFollowUpAt: sql`(SELECT MAX(${followUps.occurredAt}) FROM ${followUps} WHERE ${mine})`,
    nextFollowUpAt: sql`(SELECT ${followUps.nextFollowUpAt} FROM ${followUps} WHERE ${mine} AND ${followUps.nextFollowUpAt} IS NOT NULL ORDER BY ${followUps.occurredAt} DESC, ${followUps.id} DESC LIMIT 1)`,
  };
}

/**
 * Recomputes a customer's rollups from the source rows, in the caller's transaction, after taking
 * the customer row lock: follow-up count, last follow-up time, next follow-up time (the plan of the
 * latest follow-up that has one), plus every registered source's values and `overrides` (e.g.
 * values the caller just computed). `deal_status` becomes `won` once anything is won or contracted.
 * The follow-up part is read by the UPDATE itself (current rows, not the transaction's snapshot).
 */
export async function refreshCustomerRollups(
  db: Db,
  corpId: number,
  customerId: number,
  overrides: Partial<CustomerDealRollups> = {},
): Promise<void> {
  if (!(await lockCustomerForRollups(db, corpId, customerId))) return;
  let deal: Partial<CustomerDealRollups> = {};
  for (const source of sources) deal = { ...deal, ...(await source(db, corpId, customerId)) };
  deal = { ...deal, ...overrides };
  const won = (deal.wonAmount ?? 0) > 0 || (deal.contractTotal ?? 0) > 0;
  await db
    .update(customers)
    .set({
      ...exactFollowUpRollups(corpId, customerId),
      ...deal,
      ...(deal.wonAmount !== undefined || deal.contractTotal !== undefined ? { dealStatus: won ? 'won' : 'none' } : {}),
    })
    .where(and(eq(customers.corpId, corpId), eq(customers.id, customerId)));
}

/**
 * The follow-up part of a customer's rollups only (count, last, next), recomputed exactly from the
 * follow-up rows in one statement, after taking the customer row lock (a no-op when the caller
 * already holds it): what editing, deleting or re-homing follow-ups needs. Deal rollups are left
 * as they are (follow-ups do not move them).
 */
export async function refreshCustomerFollowUpRollups(db: Db, corpId: number, customerId: number): Promise<void> {
  if (!(await lockCustomerForRollups(db, corpId, customerId))) return;
  await db
    .update(customers)
    .set(exactFollowUpRollups(corpId, customerId))
    .where(and(eq(customers.corpId, corpId), eq(customers.id, customerId)));
}

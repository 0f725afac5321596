import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contracts, invoices, receipts, refunds, shipments } from '../../db/schema/index';
import { refreshCustomerRollups, registerCustomerRollupSource } from '../customers/rollups';

const n = (v: unknown): number => Number(v ?? 0);

/**
 * Recomputes a contract's money columns from the documents themselves (receipts − refunds,
 * blue − red invoices, shipments − returns), then the customer's rollups. Call inside the
 * transaction that changed any of them.
 */
export async function refreshContractMoney(db: Db, corpId: number, contractId: number): Promise<void> {
  const [rec] = await db.select({ v: sql`COALESCE(SUM(${receipts.amount}),0)` }).from(receipts).where(eq(receipts.contractId, contractId));
  const [ref] = await db.select({ v: sql`COALESCE(SUM(${refunds.amount}),0)` }).from(refunds).where(eq(refunds.contractId, contractId));
  const [inv] = await db
    .select({ v: sql`COALESCE(SUM(CASE WHEN ${invoices.kind} = 'blue' THEN ${invoices.amount} ELSE -${invoices.amount} END),0)` })
    .from(invoices)
    .where(eq(invoices.contractId, contractId));
  const [shp] = await db.select({ v: sql`COALESCE(SUM(${shipments.amount} - ${shipments.returnedAmount}),0)` }).from(shipments).where(eq(shipments.contractId, contractId));
  await db
    .update(contracts)
    .set({ receivedAmount: n(rec?.v) - n(ref?.v), refundedAmount: n(ref?.v), invoicedAmount: n(inv?.v), shippedAmount: n(shp?.v) })
    .where(and(eq(contracts.corpId, corpId), eq(contracts.id, contractId)));
  const [c] = await db.select({ customerId: contracts.customerId }).from(contracts).where(eq(contracts.id, contractId));
  if (c) await refreshCustomerRollups(db, corpId, c.customerId);
}

/**
 * The customer's contract total (effective and terminated contracts) and amount received (net of
 * refunds), contributed to `refreshCustomerRollups` so every refresh keeps them right.
 */
export async function customerMoneyRollups(db: Db, corpId: number, customerId: number) {
  const [row] = await db
    .select({ total: sql`COALESCE(SUM(${contracts.amount}),0)`, received: sql`COALESCE(SUM(${contracts.receivedAmount}),0)` })
    .from(contracts)
    .where(and(eq(contracts.corpId, corpId), eq(contracts.customerId, customerId), inArray(contracts.status, ['effective', 'terminated'])));
  return { contractTotal: n(row?.total), receivedAmount: n(row?.received) };
}

let registered = false;
/** Registers the contract money rollups with the customers module (once). */
export function registerMoneyRollups(): void {
  if (registered) return;
  registered = true;
  registerCustomerRollupSource(customerMoneyRollups);
}

/** Refreshes a customer's money rollups (contract total, amount received) in the caller's transaction. */
export async function refreshCustomerMoneyRollups(db: Db, corpId: number, customerId: number): Promise<void> {
  registerMoneyRollups();
  await refreshCustomerRollups(db, corpId, customerId);
}

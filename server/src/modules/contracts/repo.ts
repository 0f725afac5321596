import { and, asc, desc, eq, inArray, like, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contractLines, contracts, customers, opportunities, opportunityLines, paymentInstalments, products, productSkus, quoteLines, quotes } from '../../db/schema/index';
import type { LineValues } from './money';
import { moneyListCondition, type ContractRow, type MoneyScope } from './visibility';

export type { ContractRow };
export type InstalmentRow = typeof paymentInstalments.$inferSelect;

export const linesOf = (db: Db, contractId: number) =>
  db.select().from(contractLines).where(eq(contractLines.contractId, contractId)).orderBy(asc(contractLines.lineNo));

export const instalmentsOf = (db: Db, contractId: number, lock = false) => {
  const q = db.select().from(paymentInstalments).where(eq(paymentInstalments.contractId, contractId)).orderBy(asc(paymentInstalments.period), asc(paymentInstalments.id));
  return lock ? q.for('update') : q;
};

export async function replaceLines(db: Db, corpId: number, contractId: number, lines: LineValues[]): Promise<void> {
  await db.delete(contractLines).where(eq(contractLines.contractId, contractId));
  if (lines.length) await db.insert(contractLines).values(lines.map((l) => ({ ...l, corpId, contractId })));
}

/** Names of customers by id (corp-scoped; callers already checked the documents' scope). */
export async function customerNames(db: Db, corpId: number, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: customers.id, name: customers.name }).from(customers).where(and(eq(customers.corpId, corpId), inArray(customers.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Category of each product (for commission by category). */
export async function categoriesOf(db: Db, corpId: number, productIds: number[]): Promise<Map<number, number | null>> {
  if (!productIds.length) return new Map();
  const rows = await db.select({ id: products.id, categoryId: products.categoryId }).from(products).where(and(eq(products.corpId, corpId), inArray(products.id, productIds)));
  return new Map(rows.map((r) => [r.id, r.categoryId]));
}

/** Lines of a won opportunity, as contract lines (amounts copied exactly). */
export async function linesFromOpportunity(db: Db, corpId: number, opportunityId: number) {
  const [opp] = await db.select().from(opportunities).where(and(eq(opportunities.corpId, corpId), eq(opportunities.id, opportunityId)));
  const rows = await db
    .select({ l: opportunityLines, productId: productSkus.productId, categoryId: products.categoryId })
    .from(opportunityLines)
    .innerJoin(productSkus, eq(productSkus.id, opportunityLines.skuId))
    .innerJoin(products, eq(products.id, productSkus.productId))
    .where(eq(opportunityLines.opportunityId, opportunityId))
    .orderBy(asc(opportunityLines.sortOrder), asc(opportunityLines.id));
  return { opp, lines: rows.map((r) => ({ ...r.l, name: `${r.l.productName} ${r.l.skuName}`.slice(0, 100), productId: r.productId, categoryId: r.categoryId })) };
}

/** Lines of a quote, as contract lines. */
export async function linesFromQuote(db: Db, corpId: number, quoteId: number) {
  const [quote] = await db.select().from(quotes).where(and(eq(quotes.corpId, corpId), eq(quotes.id, quoteId)));
  const rows = await db
    .select({ l: quoteLines, productId: productSkus.productId, categoryId: products.categoryId })
    .from(quoteLines)
    .innerJoin(productSkus, eq(productSkus.id, quoteLines.skuId))
    .innerJoin(products, eq(products.id, productSkus.productId))
    .where(eq(quoteLines.quoteId, quoteId))
    .orderBy(asc(quoteLines.sortOrder), asc(quoteLines.id));
  return { quote, lines: rows.map((r) => ({ ...r.l, name: `${r.l.productName} ${r.l.skuName}`.slice(0, 100), productId: r.productId, categoryId: r.categoryId })) };
}

export interface ContractFilter {
  scope: 'mine' | 'team' | 'pool' | 'all';
  q?: string;
  status?: string;
  customerId?: number;
  afterId?: number;
  limit: number;
}

/** Keyset page of contracts the money scope sees, newest first. */
export function listContracts(db: Db, scope: MoneyScope, f: ContractFilter) {
  const conds: (SQL | undefined)[] = [moneyListCondition(scope, f.scope, contracts)];
  if (f.status) conds.push(eq(contracts.status, f.status as ContractRow['status']));
  if (f.customerId) conds.push(eq(contracts.customerId, f.customerId));
  if (f.q) conds.push(or(like(contracts.number, `${f.q}%`), like(contracts.title, `%${f.q}%`)));
  if (f.afterId) conds.push(lt(contracts.id, f.afterId));
  return db.select().from(contracts).where(and(...conds)).orderBy(desc(contracts.id)).limit(f.limit + 1);
}

import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { corps, customers, opportunities, productSkus, quoteLines, quotes, users } from '../../db/schema/index';
import type { ComputedLine } from '../opportunities/lines';

/** Quote queries only (no rules): visibility comes from the opportunity (opportunities/visibility). */

export type QuoteRow = typeof quotes.$inferSelect;
export type QuoteLineRow = typeof quoteLines.$inferSelect;

/** The corp's settings (the discount threshold lives there). */
export async function corpSettings(db: Db, corpId: number) {
  const [c] = await db.select({ settings: corps.settings }).from(corps).where(eq(corps.id, corpId));
  return c?.settings;
}

/** A quote's lines in their order. */
export const linesOfQuote = (db: Db, quoteId: number): Promise<QuoteLineRow[]> =>
  db.select().from(quoteLines).where(eq(quoteLines.quoteId, quoteId)).orderBy(asc(quoteLines.sortOrder), asc(quoteLines.id));

/** A quote of the corp by id (row-locked with `forUpdate`). */
export async function findQuote(db: Db, corpId: number, id: number, forUpdate = false): Promise<QuoteRow | undefined> {
  const q = db.select().from(quotes).where(and(eq(quotes.corpId, corpId), eq(quotes.id, id)));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function quoteById(db: Db, id: number): Promise<QuoteRow> {
  const [q] = await db.select().from(quotes).where(eq(quotes.id, id));
  return q!;
}

/** Every quote version of an opportunity, oldest first. */
export const quotesOfOpportunity = (db: Db, opportunityId: number) => db.select().from(quotes).where(eq(quotes.opportunityId, opportunityId)).orderBy(quotes.version);

/** Every version of an opportunity, newest first, row-locked (a new version is numbered after them). */
export const versionsForUpdate = (db: Db, opportunityId: number) =>
  db.select().from(quotes).where(eq(quotes.opportunityId, opportunityId)).orderBy(desc(quotes.version)).for('update');

export async function insertQuote(db: Db, values: typeof quotes.$inferInsert): Promise<number> {
  const [ins] = await db.insert(quotes).values(values).$returningId();
  return ins!.id;
}

export async function updateQuote(db: Db, id: number, set: Partial<typeof quotes.$inferInsert>): Promise<void> {
  await db.update(quotes).set(set).where(eq(quotes.id, id));
}

/** Sets the status of a quote still awaiting approval (a decision arriving twice changes nothing). */
export async function decidePendingQuote(db: Db, id: number, status: QuoteRow['status']): Promise<void> {
  await db.update(quotes).set({ status }).where(and(eq(quotes.id, id), eq(quotes.status, 'pending_approval')));
}

/** Older versions that are not accepted or awaiting approval become `superseded`. */
export async function supersedeOtherVersions(db: Db, opportunityId: number, keepId: number): Promise<void> {
  await db
    .update(quotes)
    .set({ status: 'superseded' })
    .where(and(eq(quotes.opportunityId, opportunityId), ne(quotes.id, keepId), inArray(quotes.status, ['draft', 'approved', 'rejected'])));
}

/** Replaces a quote's lines. */
export async function replaceLines(db: Db, q: { id: number; corpId: number }, lines: ComputedLine[]): Promise<void> {
  await db.delete(quoteLines).where(eq(quoteLines.quoteId, q.id));
  if (lines.length) await db.insert(quoteLines).values(lines.map((l) => ({ ...l, corpId: q.corpId, quoteId: q.id })));
}

export async function setWinningQuote(db: Db, opportunityId: number, quoteId: number, now: Date): Promise<void> {
  await db.update(opportunities).set({ winningQuoteId: quoteId, updatedAt: now }).where(eq(opportunities.id, opportunityId));
}

export async function customerNameOf(db: Db, customerId: number): Promise<string> {
  const [c] = await db.select({ name: customers.name }).from(customers).where(eq(customers.id, customerId));
  return c?.name ?? '';
}

/** The names the printed quote shows: the corp, the customer, the owner (name and mobile). */
export async function printParties(db: Db, corpId: number, o: { customerId: number; ownerId: number }) {
  const [corp] = await db.select({ name: corps.name }).from(corps).where(eq(corps.id, corpId));
  const [cust] = await db.select({ name: customers.name }).from(customers).where(eq(customers.id, o.customerId));
  const [owner] = await db.select({ name: users.name, mobile: users.mobile }).from(users).where(eq(users.id, o.ownerId));
  return { corp, cust, owner };
}

/** SKU codes and specs of the printed lines. */
export const skusByIds = (db: Db, corpId: number, skuIds: number[]) =>
  db.select({ id: productSkus.id, code: productSkus.code, specs: productSkus.specs }).from(productSkus).where(and(eq(productSkus.corpId, corpId), inArray(productSkus.id, skuIds)));

import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contracts, customers, erpLinks, orderLines, orders, receivables, receipts, users } from '../../db/schema/index';

/** What an ERP external code points at, and the hash of the payload last applied. */
export async function findLink(db: Db, corpId: number, entityType: string, code: string) {
  const [l] = await db.select().from(erpLinks).where(and(eq(erpLinks.corpId, corpId), eq(erpLinks.entityType, entityType), eq(erpLinks.externalCode, code)));
  return l;
}

export async function saveLink(db: Db, corpId: number, entityType: string, code: string, entityId: number, hash: string): Promise<void> {
  await db
    .insert(erpLinks)
    .values({ corpId, entityType, externalCode: code, entityId, payloadHash: hash })
    .onDuplicateKeyUpdate({ set: { entityId, payloadHash: hash } });
}

/** A contract of the corp by its number, or else by its ERP external code. */
export async function findContract(db: Db, corpId: number, ref: { number?: string; externalCode?: string }) {
  const [c] = await db
    .select()
    .from(contracts)
    .where(and(eq(contracts.corpId, corpId), ref.number ? eq(contracts.number, ref.number) : eq(contracts.externalCode, ref.externalCode!)));
  return c;
}

export async function findUserIdByWecomId(db: Db, corpId: number, wecomUserId: string): Promise<number | undefined> {
  const [u] = await db.select({ id: users.id }).from(users).where(and(eq(users.corpId, corpId), eq(users.wecomUserId, wecomUserId)));
  return u?.id;
}

type CustomerValues = Partial<typeof customers.$inferInsert>;

export async function updateCustomer(db: Db, corpId: number, id: number, values: CustomerValues): Promise<void> {
  await db.update(customers).set(values).where(and(eq(customers.corpId, corpId), eq(customers.id, id)));
}

export async function insertCustomer(db: Db, values: typeof customers.$inferInsert): Promise<number> {
  const [c] = await db.insert(customers).values(values).$returningId();
  return c!.id;
}

export async function findCustomer(db: Db, corpId: number, id: number) {
  const [c] = await db.select().from(customers).where(and(eq(customers.corpId, corpId), eq(customers.id, id)));
  return c;
}

export async function findReceiptByCode(db: Db, corpId: number, externalCode: string) {
  const [r] = await db.select().from(receipts).where(and(eq(receipts.corpId, corpId), eq(receipts.externalCode, externalCode)));
  return r;
}

export async function findReceivableByCode(db: Db, corpId: number, externalCode: string) {
  const [r] = await db.select().from(receivables).where(and(eq(receivables.corpId, corpId), eq(receivables.externalCode, externalCode)));
  return r;
}

export async function updateReceivable(db: Db, corpId: number, id: number, values: Partial<typeof receivables.$inferInsert>): Promise<void> {
  await db.update(receivables).set(values).where(and(eq(receivables.corpId, corpId), eq(receivables.id, id)));
}

export async function insertReceivable(db: Db, values: typeof receivables.$inferInsert): Promise<number> {
  const [r] = await db.insert(receivables).values(values).$returningId();
  return r!.id;
}

/** An order of the corp by number, with its lines. */
export async function findOrderWithLines(db: Db, corpId: number, number: string) {
  const [o] = await db.select().from(orders).where(and(eq(orders.corpId, corpId), eq(orders.number, number)));
  if (!o) return undefined;
  return { order: o, lines: await db.select().from(orderLines).where(eq(orderLines.orderId, o.id)) };
}

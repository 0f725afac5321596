import { and, asc, desc, eq, inArray, isNull, lte, ne, or, sql, like } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { priceListItems, priceLists, productCategories, products, productSkus } from '../../db/schema/index';
import { idAfter } from '../../lib/paging';

export type CategoryRow = typeof productCategories.$inferSelect;
export type ProductRow = typeof products.$inferSelect;
export type SkuRow = typeof productSkus.$inferSelect;
export type PriceListRow = typeof priceLists.$inferSelect;
export type PriceItemRow = typeof priceListItems.$inferSelect;

export const findCategory = async (db: Db, corpId: number, id: number) =>
  (await db.select().from(productCategories).where(and(eq(productCategories.corpId, corpId), eq(productCategories.id, id))))[0];

export const listCategories = (db: Db, corpId: number) =>
  db.select().from(productCategories).where(eq(productCategories.corpId, corpId)).orderBy(asc(productCategories.sortOrder), asc(productCategories.id)).limit(1000);

export const findProduct = async (db: Db, corpId: number, id: number) =>
  (await db.select().from(products).where(and(eq(products.corpId, corpId), eq(products.id, id))))[0];

export const skusOfProducts = (db: Db, corpId: number, productIds: number[]) =>
  productIds.length
    ? db.select().from(productSkus).where(and(eq(productSkus.corpId, corpId), inArray(productSkus.productId, productIds))).orderBy(asc(productSkus.id))
    : Promise.resolve([] as SkuRow[]);

export const findSku = async (db: Db, corpId: number, id: number) =>
  (await db.select().from(productSkus).where(and(eq(productSkus.corpId, corpId), eq(productSkus.id, id))))[0];

/** SKUs with their product (name, unit, tax) for line items. */
export const findSkusWithProduct = (db: Db, corpId: number, ids: number[]) =>
  ids.length
    ? db
        .select({ sku: productSkus, product: products })
        .from(productSkus)
        .innerJoin(products, eq(products.id, productSkus.productId))
        .where(and(eq(productSkus.corpId, corpId), inArray(productSkus.id, ids)))
    : Promise.resolve([]);

export function listProducts(db: Db, corpId: number, f: { q?: string; categoryId?: number; status?: string; afterId?: number; limit: number }) {
  const conds = [eq(products.corpId, corpId)];
  if (f.q) conds.push(or(like(products.name, `%${f.q}%`), like(products.code, `%${f.q}%`))!);
  if (f.categoryId) conds.push(eq(products.categoryId, f.categoryId));
  if (f.status) conds.push(eq(products.status, f.status as ProductRow['status']));
  if (f.afterId) conds.push(idAfter(products.id, f.afterId)!);
  return db.select().from(products).where(and(...conds)).orderBy(desc(products.id)).limit(f.limit + 1);
}

export async function insertCategory(db: Db, values: typeof productCategories.$inferInsert): Promise<number> {
  return (await db.insert(productCategories).values(values).$returningId())[0]!.id;
}
export async function updateCategory(db: Db, corpId: number, id: number, set: Partial<typeof productCategories.$inferInsert>): Promise<void> {
  await db.update(productCategories).set(set).where(and(eq(productCategories.corpId, corpId), eq(productCategories.id, id)));
}

export async function insertProduct(db: Db, values: typeof products.$inferInsert): Promise<number> {
  return (await db.insert(products).values(values).$returningId())[0]!.id;
}
export async function updateProduct(db: Db, corpId: number, id: number, set: Partial<typeof products.$inferInsert>): Promise<void> {
  await db.update(products).set(set).where(and(eq(products.corpId, corpId), eq(products.id, id)));
}

export async function insertSkus(db: Db, rows: (typeof productSkus.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(productSkus).values(rows);
}
export async function insertSku(db: Db, values: typeof productSkus.$inferInsert): Promise<number> {
  return (await db.insert(productSkus).values(values).$returningId())[0]!.id;
}
export async function updateSku(db: Db, corpId: number, id: number, set: Partial<typeof productSkus.$inferInsert>): Promise<void> {
  await db.update(productSkus).set(set).where(and(eq(productSkus.corpId, corpId), eq(productSkus.id, id)));
}

export async function insertPriceList(db: Db, values: typeof priceLists.$inferInsert): Promise<number> {
  return (await db.insert(priceLists).values(values).$returningId())[0]!.id;
}
export async function updatePriceList(db: Db, corpId: number, id: number, set: Partial<typeof priceLists.$inferInsert>): Promise<void> {
  await db.update(priceLists).set(set).where(and(eq(priceLists.corpId, corpId), eq(priceLists.id, id)));
}

/** Makes the given list the only default of the corp. */
export async function clearOtherDefaults(db: Db, corpId: number, keepId: number): Promise<void> {
  await db
    .update(priceLists)
    .set({ isDefault: false })
    .where(and(eq(priceLists.corpId, corpId), eq(priceLists.isDefault, true), ne(priceLists.id, keepId)));
}

/** Master data by ERP external code (the ERP sync's upsert key). */
export const categoryByCode = async (db: Db, corpId: number, code: string) =>
  (await db.select().from(productCategories).where(and(eq(productCategories.corpId, corpId), eq(productCategories.externalCode, code))))[0];
export const productByCode = async (db: Db, corpId: number, code: string) =>
  (await db.select().from(products).where(and(eq(products.corpId, corpId), eq(products.externalCode, code))))[0];
export const skuByCode = async (db: Db, corpId: number, code: string) =>
  (await db.select().from(productSkus).where(and(eq(productSkus.corpId, corpId), eq(productSkus.externalCode, code))))[0];
export const priceListByCode = async (db: Db, corpId: number, code: string) =>
  (await db.select().from(priceLists).where(and(eq(priceLists.corpId, corpId), eq(priceLists.externalCode, code))))[0];

export const findPriceList = async (db: Db, corpId: number, id: number) =>
  (await db.select().from(priceLists).where(and(eq(priceLists.corpId, corpId), eq(priceLists.id, id))))[0];

export const listPriceLists = (db: Db, corpId: number) =>
  db.select().from(priceLists).where(eq(priceLists.corpId, corpId)).orderBy(desc(priceLists.isDefault), desc(priceLists.priority), asc(priceLists.id)).limit(500);

export const itemsOfPriceList = (db: Db, priceListId: number) =>
  db.select().from(priceListItems).where(eq(priceListItems.priceListId, priceListId)).orderBy(asc(priceListItems.skuId), asc(priceListItems.minQuantityMilli));

export async function replacePriceItems(db: Db, priceListId: number, items: { skuId: number; price: number; minQuantityMilli: number }[]) {
  await db.delete(priceListItems).where(eq(priceListItems.priceListId, priceListId));
  if (items.length) await db.insert(priceListItems).values(items.map((i) => ({ ...i, priceListId })));
}

/**
 * The applicable price of one SKU: among active lists valid on `date` whose grade/region are
 * empty or match, the most specific list (grade+region > grade > region > none; non-default before
 * default; then priority, newest) that prices the SKU, and in it the highest tier ≤ quantity.
 */
export async function resolvePriceRow(db: Db, corpId: number, a: { skuId: number; quantityMilli: number; grade: string | null; region: string | null; date: string }) {
  const specificity = sql`(CASE WHEN ${priceLists.customerGrade} IS NULL THEN 0 ELSE 2 END + CASE WHEN ${priceLists.region} IS NULL THEN 0 ELSE 1 END)`;
  const [row] = await db
    .select({ list: priceLists, item: priceListItems })
    .from(priceListItems)
    .innerJoin(priceLists, eq(priceLists.id, priceListItems.priceListId))
    .where(
      and(
        eq(priceLists.corpId, corpId),
        eq(priceLists.status, 'active'),
        eq(priceListItems.skuId, a.skuId),
        lte(priceListItems.minQuantityMilli, a.quantityMilli),
        or(isNull(priceLists.validFrom), lte(priceLists.validFrom, a.date)),
        or(isNull(priceLists.validTo), sql`${priceLists.validTo} >= ${a.date}`),
        a.grade ? or(isNull(priceLists.customerGrade), eq(priceLists.customerGrade, a.grade)) : isNull(priceLists.customerGrade),
        a.region ? or(isNull(priceLists.region), eq(priceLists.region, a.region)) : isNull(priceLists.region),
      ),
    )
    .orderBy(desc(specificity), asc(priceLists.isDefault), desc(priceLists.priority), desc(priceLists.id), desc(priceListItems.minQuantityMilli))
    .limit(1);
  return row;
}



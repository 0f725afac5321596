import { and, eq, ne as sqlNe } from 'drizzle-orm';
import type { Category, PriceList, Product, ResolvedPrice, Sku } from '@scrm/shared';
import type { Db } from '../../db/client';
import { priceLists } from '../../db/schema/index';
import type { AuthUser } from '../../http/context';
import { errors, isDuplicateKey } from '../../http/errors';
import { idStr, idStrOrNull } from '../../lib/ids';
import { shanghaiDate } from './dates';
import * as repo from './repo';

export { shanghaiDate };

/** Quantities travel as numbers with ≤ 3 decimals and are stored in thousandths. */
export const toMilli = (q: number): number => Math.round(q * 1000);
export const fromMilli = (m: number): number => m / 1000;

/** Catalog master data is maintained by admins (and the ERP sync, which runs as an admin). */
export function assertCatalogAdmin(user: AuthUser): void {
  if (user.role !== 'admin') throw errors.forbidden('只有管理员可以维护产品目录和价目表');
}

/** Runs an insert/update; a unique-key clash becomes 409 `code_taken`. */
export async function uniqueOr409<T>(fn: () => Promise<T>, what: string): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isDuplicateKey(err)) throw errors.conflict('code_taken', `${what}编码已被使用`);
    throw err;
  }
}

export const presentCategory = (c: repo.CategoryRow): Category => ({
  id: idStr(c.id),
  name: c.name,
  parentId: idStrOrNull(c.parentId),
  code: c.code,
  sortOrder: c.sortOrder,
});

export const presentSku = (s: repo.SkuRow, productUnit: string): Sku => ({
  id: idStr(s.id),
  productId: idStr(s.productId),
  code: s.code,
  name: s.name,
  specs: s.specs ?? {},
  unit: s.unit ?? productUnit,
  status: s.status,
  externalCode: s.externalCode,
});

export const presentProduct = (p: repo.ProductRow, skus: repo.SkuRow[]): Product => ({
  id: idStr(p.id),
  code: p.code,
  name: p.name,
  categoryId: idStrOrNull(p.categoryId),
  unit: p.unit,
  taxRateBp: p.taxRateBp,
  status: p.status,
  description: p.description,
  externalCode: p.externalCode,
  skus: skus.filter((s) => s.productId === p.id).map((s) => presentSku(s, p.unit)),
});

export const presentPriceList = (l: repo.PriceListRow, items?: repo.PriceItemRow[]): PriceList => ({
  id: idStr(l.id),
  name: l.name,
  currency: l.currency,
  isDefault: l.isDefault,
  customerGrade: l.customerGrade,
  region: l.region,
  validFrom: l.validFrom,
  validTo: l.validTo,
  priority: l.priority,
  status: l.status,
  externalCode: l.externalCode,
  ...(items ? { items: items.map((i) => ({ skuId: idStr(i.skuId), price: i.price, minQuantity: fromMilli(i.minQuantityMilli) })) } : {}),
});

export async function getProduct(db: Db, corpId: number, id: number): Promise<Product> {
  const p = await repo.findProduct(db, corpId, id);
  if (!p) throw errors.notFound('产品');
  return presentProduct(p, await repo.skusOfProducts(db, corpId, [id]));
}

export async function assertCategory(db: Db, corpId: number, id: number | null | undefined): Promise<void> {
  if (id != null && !(await repo.findCategory(db, corpId, id))) throw errors.badRequest('category_not_found', '产品分类不存在');
}

/** Checks every SKU id belongs to the corp; returns them. */
export async function assertSkus(db: Db, corpId: number, ids: number[]) {
  const unique = [...new Set(ids)];
  const rows = await repo.findSkusWithProduct(db, corpId, unique);
  if (rows.length !== unique.length) throw errors.badRequest('sku_not_found', 'SKU 不存在');
  return rows;
}

/** Makes the given list the only default of the corp. */
export async function clearOtherDefaults(db: Db, corpId: number, keepId: number): Promise<void> {
  await db
    .update(priceLists)
    .set({ isDefault: false })
    .where(and(eq(priceLists.corpId, corpId), eq(priceLists.isDefault, true), sqlNe(priceLists.id, keepId)));
}

export interface PriceContext {
  grade: string | null;
  region: string | null;
  /** `YYYY-MM-DD` in Asia/Shanghai. */
  date: string;
}

/** The applicable list price of a SKU for a quantity (see `resolvePriceRow`), or null when no list prices it. */
export async function resolvePrice(db: Db, corpId: number, skuId: number, quantityMilli: number, ctx: PriceContext): Promise<ResolvedPrice | null> {
  const row = await repo.resolvePriceRow(db, corpId, { skuId, quantityMilli, ...ctx });
  if (!row) return null;
  return {
    skuId: idStr(skuId),
    priceListId: idStr(row.list.id),
    priceListName: row.list.name,
    price: row.item.price,
    currency: row.list.currency,
    minQuantity: fromMilli(row.item.minQuantityMilli),
  };
}


import type { z } from 'zod';
import type { Category, categoryBody, categoryPatch, ListResult, PriceList, Product, productBody, productListQuery, productPatch, ResolvedPrice, Sku, skuBody, skuPatch } from '@scrm/shared';
import type { Db } from '../../db/client';
import type { AuthUser } from '../../http/context';
import { errors, isDuplicateKey } from '../../http/errors';
import { idNum, idStr, idStrOrNull } from '../../lib/ids';
import { afterIdOf, splitPage } from '../../lib/paging';
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
export const clearOtherDefaults = repo.clearOtherDefaults;

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


type In<T extends z.ZodType> = z.infer<T>;
const optionalId = (v: string | null | undefined): number | null | undefined => (v === undefined ? undefined : v ? idNum(v) : null);

/** All categories of the corp (sort order, then id). */
export const listCategories = async (db: Db, corpId: number): Promise<Category[]> => (await repo.listCategories(db, corpId)).map(presentCategory);

/** Products with their SKUs, newest first, keyset by id (400 `invalid_cursor` for a cursor not from this list). */
export async function listProducts(db: Db, corpId: number, q: In<typeof productListQuery>): Promise<ListResult<Product>> {
  const rows = await repo.listProducts(db, corpId, {
    q: q.q,
    categoryId: q.categoryId ? idNum(q.categoryId) : undefined,
    status: q.status,
    afterId: afterIdOf(q.cursor),
    limit: q.limit,
  });
  const { page, nextCursor } = splitPage(rows, q.limit, (r) => [r.id]);
  const skus = await repo.skusOfProducts(db, corpId, page.map((p) => p.id));
  return { items: page.map((p) => presentProduct(p, skus)), nextCursor };
}

export async function createCategory(db: Db, user: AuthUser, b: In<typeof categoryBody>): Promise<repo.CategoryRow> {
  assertCatalogAdmin(user);
  const parentId = optionalId(b.parentId) ?? null;
  await assertCategory(db, user.corpId, parentId);
  const id = await repo.insertCategory(db, { corpId: user.corpId, name: b.name, parentId, code: b.code ?? null, sortOrder: b.sortOrder ?? 0 });
  return (await repo.findCategory(db, user.corpId, id))!;
}

/** Edits a category; a category cannot be its own parent (409 `category_cycle`). */
export async function patchCategory(db: Db, user: AuthUser, id: number, b: In<typeof categoryPatch>) {
  assertCatalogAdmin(user);
  const before = await repo.findCategory(db, user.corpId, id);
  if (!before) throw errors.notFound('产品分类');
  const parentId = optionalId(b.parentId);
  if (parentId === before.id) throw errors.conflict('category_cycle', '分类不能以自己为上级');
  await assertCategory(db, user.corpId, parentId);
  await repo.updateCategory(db, user.corpId, before.id, { name: b.name, parentId, code: b.code, sortOrder: b.sortOrder });
  return { before, after: (await repo.findCategory(db, user.corpId, before.id))! };
}

/** Creates a product with its SKUs (one SKU named like the product when none is given). */
export async function createProduct(db: Db, user: AuthUser, b: In<typeof productBody>): Promise<Product> {
  assertCatalogAdmin(user);
  const categoryId = optionalId(b.categoryId) ?? null;
  await assertCategory(db, user.corpId, categoryId);
  const { skus, ...p } = b;
  const id = await uniqueOr409(async () => {
    const productId = await repo.insertProduct(db, { ...p, corpId: user.corpId, categoryId, description: p.description ?? null, externalCode: p.externalCode ?? null });
    const skuRows = skus?.length ? skus : [{ code: p.code, name: p.name }];
    await repo.insertSkus(db, skuRows.map((s) => ({ ...s, corpId: user.corpId, productId })));
    return productId;
  }, '产品或 SKU ');
  return getProduct(db, user.corpId, id);
}

export async function patchProduct(db: Db, user: AuthUser, id: number, b: In<typeof productPatch>) {
  assertCatalogAdmin(user);
  const before = await getProduct(db, user.corpId, id);
  const categoryId = optionalId(b.categoryId);
  await assertCategory(db, user.corpId, categoryId);
  await uniqueOr409(() => repo.updateProduct(db, user.corpId, id, { ...b, categoryId }), '产品');
  return { before, after: await getProduct(db, user.corpId, id) };
}

export async function addSku(db: Db, user: AuthUser, productId: number, b: In<typeof skuBody>) {
  assertCatalogAdmin(user);
  const p = await repo.findProduct(db, user.corpId, productId);
  if (!p) throw errors.notFound('产品');
  const id = await uniqueOr409(() => repo.insertSku(db, { ...b, corpId: user.corpId, productId: p.id }), 'SKU ');
  const row = (await repo.findSku(db, user.corpId, id))!;
  return { row, sku: presentSku(row, p.unit) };
}

export async function patchSku(db: Db, user: AuthUser, id: number, b: In<typeof skuPatch>) {
  assertCatalogAdmin(user);
  const before = await repo.findSku(db, user.corpId, id);
  if (!before) throw errors.notFound('SKU');
  await uniqueOr409(() => repo.updateSku(db, user.corpId, before.id, b), 'SKU ');
  const after = (await repo.findSku(db, user.corpId, before.id))!;
  const p = (await repo.findProduct(db, user.corpId, after.productId))!;
  return { before, after, sku: presentSku(after, p.unit) };
}

import type { z } from 'zod';
import type { erpCatalogBody } from '@scrm/shared';
import type { Db } from '../../db/client';
import { errors } from '../../http/errors';
import * as repo from './repo';
import { assertCatalogAdmin, toMilli, uniqueOr409 } from './service';
import type { AuthUser } from '../../http/context';

type Batch = z.infer<typeof erpCatalogBody>;
interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}
const counts = (): Counts => ({ created: 0, updated: 0, unchanged: 0 });

/** True when every key of `next` equals the row's value (JSON-compared for objects). */
function same(row: Record<string, unknown>, next: Record<string, unknown>): boolean {
  return Object.entries(next).every(([k, v]) => JSON.stringify(row[k] ?? null) === JSON.stringify(v ?? null));
}

/** Upserts one row by (corp, external_code): insert, update when different, or leave as is. */
async function upsert<T extends { id: number }>(
  c: Counts,
  existing: T | undefined,
  values: Record<string, unknown>,
  insert: () => Promise<number>,
  update: () => Promise<unknown>,
): Promise<number> {
  if (!existing) {
    c.created++;
    return insert();
  }
  if (same(existing as Record<string, unknown>, values)) c.unchanged++;
  else {
    c.updated++;
    await update();
  }
  return existing.id;
}

/**
 * ERP master-data sync keyed by external code. Idempotent: replaying a batch reports everything
 * `unchanged`. Price-list items are replaced as a whole for each list sent.
 */
export async function upsertCatalogFromErp(db: Db, corpId: number, batch: Batch) {
  const result = { categories: counts(), products: counts(), skus: counts(), priceLists: counts() };
  const catIds = new Map<string, number>();
  for (const c of batch.categories) {
    const parentId = c.parentExternalCode ? (catIds.get(c.parentExternalCode) ?? null) : null;
    const row = await repo.categoryByCode(db, corpId, c.externalCode);
    const values = { name: c.name, parentId };
    const id = await upsert(
      result.categories,
      row,
      values,
      () => repo.insertCategory(db, { corpId, externalCode: c.externalCode, code: c.externalCode, ...values }),
      () => repo.updateCategory(db, corpId, row!.id, values),
    );
    catIds.set(c.externalCode, id);
  }
  const skuIds = new Map<string, number>();
  for (const p of batch.products) {
    let categoryId: number | null = null;
    if (p.categoryExternalCode) {
      categoryId = catIds.get(p.categoryExternalCode) ?? null;
      if (categoryId == null) {
        const cat = await repo.categoryByCode(db, corpId, p.categoryExternalCode);
        if (!cat) throw errors.badRequest('category_not_found', `分类 ${p.categoryExternalCode} 不存在`);
        categoryId = cat.id;
      }
    }
    const row = await repo.productByCode(db, corpId, p.externalCode);
    const values = { code: p.code ?? p.externalCode, name: p.name, categoryId, unit: p.unit, taxRateBp: p.taxRateBp, status: p.status, description: p.description ?? null };
    const productId = await uniqueOr409(
      () =>
        upsert(
          result.products,
          row,
          values,
          () => repo.insertProduct(db, { corpId, externalCode: p.externalCode, ...values }),
          () => repo.updateProduct(db, corpId, row!.id, values),
        ),
      '产品',
    );
    for (const s of p.skus) {
      const srow = await repo.skuByCode(db, corpId, s.externalCode);
      const sv = { productId, code: s.code ?? s.externalCode, name: s.name, specs: s.specs ?? {}, unit: s.unit ?? null, status: s.status };
      const skuId = await uniqueOr409(
        () =>
          upsert(
            result.skus,
            srow,
            sv,
            () => repo.insertSku(db, { corpId, externalCode: s.externalCode, ...sv }),
            () => repo.updateSku(db, corpId, srow!.id, sv),
          ),
        'SKU ',
      );
      skuIds.set(s.externalCode, skuId);
    }
  }
  for (const l of batch.priceLists) {
    const items = [];
    for (const i of l.items) {
      let skuId = skuIds.get(i.skuExternalCode);
      if (skuId == null) {
        const s = await repo.skuByCode(db, corpId, i.skuExternalCode);
        if (!s) throw errors.badRequest('sku_not_found', `SKU ${i.skuExternalCode} 不存在`);
        skuId = s.id;
      }
      items.push({ skuId, price: i.price, minQuantityMilli: toMilli(i.minQuantity) });
    }
    const row = await repo.priceListByCode(db, corpId, l.externalCode);
    const values = {
      name: l.name,
      currency: l.currency,
      isDefault: l.isDefault,
      customerGrade: l.customerGrade ?? null,
      region: l.region ?? null,
      validFrom: l.validFrom ?? null,
      validTo: l.validTo ?? null,
      priority: l.priority,
      status: l.status,
    };
    const before = row ? (await repo.itemsOfPriceList(db, row.id)).map((i) => [i.skuId, i.price, i.minQuantityMilli]) : [];
    const after = [...items].sort((a, b) => a.skuId - b.skuId || a.minQuantityMilli - b.minQuantityMilli).map((i) => [i.skuId, i.price, i.minQuantityMilli]);
    const itemsSame = JSON.stringify(before) === JSON.stringify(after);
    let id: number;
    if (!row) {
      result.priceLists.created++;
      id = await repo.insertPriceList(db, { corpId, externalCode: l.externalCode, ...values });
    } else {
      id = row.id;
      if (same(row, values) && itemsSame) result.priceLists.unchanged++;
      else {
        result.priceLists.updated++;
        await repo.updatePriceList(db, corpId, id, values);
      }
    }
    if (!itemsSame) await repo.replacePriceItems(db, id, items);
    if (l.isDefault) await repo.clearOtherDefaults(db, corpId, id);
  }
  return result;
}

/** `PUT /api/erp/catalog`: the ERP (an admin integration account) upserts the catalog. */
export async function syncCatalogFromErp(db: Db, user: AuthUser, batch: Batch) {
  assertCatalogAdmin(user);
  return upsertCatalogFromErp(db, user.corpId, batch);
}

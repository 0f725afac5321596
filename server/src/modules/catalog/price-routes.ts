import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { erpCatalogBody, erpCatalogResult, idParams, priceList, priceListBody, priceListPatch, priceResolveQuery, resolvedPrice } from '@scrm/shared';
import { priceLists } from '../../db/schema/index';
import { errors } from '../../http/errors';
import { defineRoute, type RouteSpec } from '../../http/route';
import { idNum } from '../../lib/ids';
import { upsertCatalogFromErp } from './erp';
import * as repo from './repo';
import * as svc from './service';

const tags = ['catalog'];
type Item = { skuId: string; price: number; minQuantity: number };

async function checkedItems(db: Parameters<typeof svc.assertSkus>[0], corpId: number, items: Item[]) {
  await svc.assertSkus(db, corpId, items.map((i) => idNum(i.skuId)));
  const rows = items.map((i) => ({ skuId: idNum(i.skuId), price: i.price, minQuantityMilli: svc.toMilli(i.minQuantity) }));
  const keys = new Set(rows.map((r) => `${r.skuId}:${r.minQuantityMilli}`));
  if (keys.size !== rows.length) throw errors.badRequest('duplicate_price_tier', '同一 SKU 的同一起订量只能有一个价格');
  return rows;
}

function checkDates(from: string | null | undefined, to: string | null | undefined) {
  if (from && to && from > to) throw errors.badRequest('invalid_validity', '生效日期不能晚于失效日期');
}

const list = defineRoute({
  method: 'get', path: '/api/price-lists', summary: 'All price lists (without items)', tags,
  response: z.object({ items: z.array(priceList) }),
  handler: async ({ db, user }) => ({ items: (await repo.listPriceLists(db, user.corpId)).map((l) => svc.presentPriceList(l)) }),
});

const get = defineRoute({
  method: 'get', path: '/api/price-lists/:id', summary: 'A price list with its items (tiers)', tags,
  params: idParams, response: priceList,
  handler: async ({ db, user, params }) => {
    const l = await repo.findPriceList(db, user.corpId, idNum(params.id));
    if (!l) throw errors.notFound('价目表');
    return svc.presentPriceList(l, await repo.itemsOfPriceList(db, l.id));
  },
});

const create = defineRoute({
  method: 'post', path: '/api/price-lists', summary: 'Create a price list (admin)', tags, status: 201,
  body: priceListBody, response: priceList,
  handler: async ({ db, user, body, audit }) => {
    svc.assertCatalogAdmin(user);
    checkDates(body.validFrom, body.validTo);
    const { items, ...l } = body;
    const rows = await checkedItems(db, user.corpId, items ?? []);
    const [ins] = await svc.uniqueOr409(
      () => db.insert(priceLists).values({ ...l, corpId: user.corpId, customerGrade: l.customerGrade ?? null, region: l.region ?? null }).$returningId(),
      '价目表',
    );
    await repo.replacePriceItems(db, ins!.id, rows);
    if (l.isDefault) await svc.clearOtherDefaults(db, user.corpId, ins!.id);
    const out = svc.presentPriceList((await repo.findPriceList(db, user.corpId, ins!.id))!, await repo.itemsOfPriceList(db, ins!.id));
    await audit({ action: 'create', entityType: 'price_list', entityId: ins!.id, after: out });
    return out;
  },
});

const patch = defineRoute({
  method: 'patch', path: '/api/price-lists/:id', summary: 'Edit a price list; `items` replaces all items (admin)', tags,
  params: idParams, body: priceListPatch, response: priceList,
  handler: async ({ db, user, body, params, audit }) => {
    svc.assertCatalogAdmin(user);
    const before = await repo.findPriceList(db, user.corpId, idNum(params.id));
    if (!before) throw errors.notFound('价目表');
    const { items, ...l } = body;
    checkDates(l.validFrom === undefined ? before.validFrom : l.validFrom, l.validTo === undefined ? before.validTo : l.validTo);
    if (items) await repo.replacePriceItems(db, before.id, await checkedItems(db, user.corpId, items));
    if (Object.keys(l).length) await svc.uniqueOr409(() => db.update(priceLists).set(l).where(eq(priceLists.id, before.id)), '价目表');
    if (l.isDefault) await svc.clearOtherDefaults(db, user.corpId, before.id);
    const out = svc.presentPriceList((await repo.findPriceList(db, user.corpId, before.id))!, await repo.itemsOfPriceList(db, before.id));
    await audit({ action: 'update', entityType: 'price_list', entityId: before.id, before, after: out });
    return out;
  },
});

const resolve = defineRoute({
  method: 'get', path: '/api/prices/resolve', summary: 'The applicable list price of a SKU for a quantity, customer grade/region and date', tags,
  query: priceResolveQuery, response: resolvedPrice,
  handler: async ({ db, user, query, deps }) => {
    const price = await svc.resolvePrice(db, user.corpId, idNum(query.skuId), svc.toMilli(query.quantity), {
      grade: query.customerGrade ?? null,
      region: query.region ?? null,
      date: query.date ?? svc.shanghaiDate(deps.now()),
    });
    if (!price) throw errors.notFound('适用的价格');
    return price;
  },
});

const erpSync = defineRoute({
  method: 'put', path: '/api/erp/catalog', summary: 'ERP master-data sync: upsert categories, products, SKUs and price lists by external code (idempotent, admin)', tags,
  body: erpCatalogBody, response: erpCatalogResult,
  handler: async ({ db, user, body, audit }) => {
    svc.assertCatalogAdmin(user);
    const result = await upsertCatalogFromErp(db, user.corpId, body);
    await audit({ action: 'erp_sync', entityType: 'catalog', entityId: 0, after: result });
    return result;
  },
});

export const priceRoutes = [list, get, create, patch, resolve, erpSync] as RouteSpec[];

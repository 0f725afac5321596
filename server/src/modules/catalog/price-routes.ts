import { z } from 'zod';
import { erpCatalogBody, erpCatalogResult, idParams, priceList, priceListBody, priceListPatch, priceResolveQuery, resolvedPrice } from '@scrm/shared';
import { errors } from '../../http/errors';
import { defineRoute, type RouteSpec } from '../../http/route';
import { idNum } from '../../lib/ids';
import { syncCatalogFromErp } from './erp';
import * as prices from './prices';
import * as svc from './service';

const tags = ['catalog'];

const list = defineRoute({
  method: 'get', path: '/api/price-lists', summary: 'All price lists (without items)', tags,
  response: z.object({ items: z.array(priceList) }),
  handler: async ({ db, user }) => ({ items: await prices.listPriceLists(db, user.corpId) }),
});

const get = defineRoute({
  method: 'get', path: '/api/price-lists/:id', summary: 'A price list with its items (tiers)', tags,
  params: idParams, response: priceList,
  handler: async ({ db, user, params }) => prices.getPriceList(db, user.corpId, idNum(params.id)),
});

const create = defineRoute({
  method: 'post', path: '/api/price-lists', summary: 'Create a price list (admin)', tags, status: 201,
  body: priceListBody, response: priceList,
  handler: async ({ db, user, body, audit }) => {
    const out = await prices.createPriceList(db, user, body);
    await audit({ action: 'create', entityType: 'price_list', entityId: out.id, after: out });
    return out;
  },
});

const patch = defineRoute({
  method: 'patch', path: '/api/price-lists/:id', summary: 'Edit a price list; `items` replaces all items (admin)', tags,
  params: idParams, body: priceListPatch, response: priceList,
  handler: async ({ db, user, body, params, audit }) => {
    const { before, after } = await prices.patchPriceList(db, user, idNum(params.id), body);
    await audit({ action: 'update', entityType: 'price_list', entityId: before.id, before, after });
    return after;
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
    const result = await syncCatalogFromErp(db, user, body);
    await audit({ action: 'erp_sync', entityType: 'catalog', entityId: 0, after: result });
    return result;
  },
});

export const priceRoutes = [list, get, create, patch, resolve, erpSync] as RouteSpec[];

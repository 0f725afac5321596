import { z } from 'zod';
import {
  category,
  categoryBody,
  categoryPatch,
  idParams,
  listResponse,
  product,
  productBody,
  productListQuery,
  productPatch,
  sku,
  skuBody,
  skuPatch,
} from '@scrm/shared';
import { defineRoute, type RouteSpec } from '../../http/route';
import { idNum } from '../../lib/ids';
import { priceRoutes } from './price-routes';
import * as svc from './service';

const tags = ['catalog'];

const listCategories = defineRoute({
  method: 'get', path: '/api/product-categories', summary: 'All product categories', tags,
  response: z.object({ items: z.array(category) }),
  handler: async ({ db, user }) => ({ items: await svc.listCategories(db, user.corpId) }),
});

const createCategory = defineRoute({
  method: 'post', path: '/api/product-categories', summary: 'Create a product category (admin)', tags, status: 201,
  body: categoryBody, response: category,
  handler: async ({ db, user, body, audit }) => {
    const row = await svc.createCategory(db, user, body);
    await audit({ action: 'create', entityType: 'product_category', entityId: row.id, after: row });
    return svc.presentCategory(row);
  },
});

const patchCategory = defineRoute({
  method: 'patch', path: '/api/product-categories/:id', summary: 'Edit a product category (admin)', tags,
  params: idParams, body: categoryPatch, response: category,
  handler: async ({ db, user, body, params, audit }) => {
    const { before, after } = await svc.patchCategory(db, user, idNum(params.id), body);
    await audit({ action: 'update', entityType: 'product_category', entityId: before.id, before, after });
    return svc.presentCategory(after);
  },
});

const listProducts = defineRoute({
  method: 'get', path: '/api/products', summary: 'Products with their SKUs (keyset by newest)', tags,
  query: productListQuery, response: listResponse(product),
  handler: async ({ db, user, query }) => svc.listProducts(db, user.corpId, query),
});

const getProduct = defineRoute({
  method: 'get', path: '/api/products/:id', summary: 'One product with its SKUs', tags,
  params: idParams, response: product,
  handler: async ({ db, user, params }) => svc.getProduct(db, user.corpId, idNum(params.id)),
});

const createProduct = defineRoute({
  method: 'post', path: '/api/products', summary: 'Create a product with its SKUs (admin)', tags, status: 201,
  body: productBody, response: product,
  handler: async ({ db, user, body, audit }) => {
    const out = await svc.createProduct(db, user, body);
    await audit({ action: 'create', entityType: 'product', entityId: out.id, after: out });
    return out;
  },
});

const patchProduct = defineRoute({
  method: 'patch', path: '/api/products/:id', summary: 'Edit a product (admin)', tags,
  params: idParams, body: productPatch, response: product,
  handler: async ({ db, user, body, params, audit }) => {
    const { before, after } = await svc.patchProduct(db, user, idNum(params.id), body);
    await audit({ action: 'update', entityType: 'product', entityId: params.id, before, after });
    return after;
  },
});

const addSku = defineRoute({
  method: 'post', path: '/api/products/:id/skus', summary: 'Add a SKU to a product (admin)', tags, status: 201,
  params: idParams, body: skuBody, response: sku,
  handler: async ({ db, user, body, params, audit }) => {
    const { row, sku: out } = await svc.addSku(db, user, idNum(params.id), body);
    await audit({ action: 'create', entityType: 'product_sku', entityId: row.id, after: row });
    return out;
  },
});

const patchSku = defineRoute({
  method: 'patch', path: '/api/skus/:id', summary: 'Edit a SKU (admin)', tags,
  params: idParams, body: skuPatch, response: sku,
  handler: async ({ db, user, body, params, audit }) => {
    const { before, after, sku: out } = await svc.patchSku(db, user, idNum(params.id), body);
    await audit({ action: 'update', entityType: 'product_sku', entityId: before.id, before, after });
    return out;
  },
});

export const catalogRoutes = [...priceRoutes, listCategories, createCategory, patchCategory, listProducts, getProduct, createProduct, patchProduct, addSku, patchSku] as RouteSpec[];

import { eq } from 'drizzle-orm';
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
import { productCategories, products, productSkus } from '../../db/schema/index';
import { errors } from '../../http/errors';
import { defineRoute, type RouteSpec } from '../../http/route';
import { decodeCursor, encodeCursor, idNum } from '../../lib/ids';
import * as repo from './repo';
import * as svc from './service';

const tags = ['catalog'];

const listCategories = defineRoute({
  method: 'get', path: '/api/product-categories', summary: 'All product categories', tags,
  response: z.object({ items: z.array(category) }),
  handler: async ({ db, user }) => ({ items: (await repo.listCategories(db, user.corpId)).map(svc.presentCategory) }),
});

const createCategory = defineRoute({
  method: 'post', path: '/api/product-categories', summary: 'Create a product category (admin)', tags, status: 201,
  body: categoryBody, response: category,
  handler: async ({ db, user, body, audit }) => {
    svc.assertCatalogAdmin(user);
    const parentId = body.parentId ? idNum(body.parentId) : null;
    await svc.assertCategory(db, user.corpId, parentId);
    const [ins] = await db.insert(productCategories).values({ corpId: user.corpId, name: body.name, parentId, code: body.code ?? null, sortOrder: body.sortOrder ?? 0 }).$returningId();
    const row = (await repo.findCategory(db, user.corpId, ins!.id))!;
    await audit({ action: 'create', entityType: 'product_category', entityId: row.id, after: row });
    return svc.presentCategory(row);
  },
});

const patchCategory = defineRoute({
  method: 'patch', path: '/api/product-categories/:id', summary: 'Edit a product category (admin)', tags,
  params: idParams, body: categoryPatch, response: category,
  handler: async ({ db, user, body, params, audit }) => {
    svc.assertCatalogAdmin(user);
    const before = await repo.findCategory(db, user.corpId, idNum(params.id));
    if (!before) throw errors.notFound('产品分类');
    const parentId = body.parentId === undefined ? undefined : body.parentId ? idNum(body.parentId) : null;
    if (parentId === before.id) throw errors.conflict('category_cycle', '分类不能以自己为上级');
    await svc.assertCategory(db, user.corpId, parentId);
    await db.update(productCategories).set({ name: body.name, parentId, code: body.code, sortOrder: body.sortOrder }).where(eq(productCategories.id, before.id));
    const after = (await repo.findCategory(db, user.corpId, before.id))!;
    await audit({ action: 'update', entityType: 'product_category', entityId: before.id, before, after });
    return svc.presentCategory(after);
  },
});

const listProducts = defineRoute({
  method: 'get', path: '/api/products', summary: 'Products with their SKUs (keyset by newest)', tags,
  query: productListQuery, response: listResponse(product),
  handler: async ({ db, user, query }) => {
    const cur = decodeCursor(query.cursor);
    const rows = await repo.listProducts(db, user.corpId, {
      q: query.q, categoryId: query.categoryId ? idNum(query.categoryId) : undefined, status: query.status,
      afterId: cur ? Number(cur[0]) : undefined, limit: query.limit,
    });
    const page = rows.slice(0, query.limit);
    const skus = await repo.skusOfProducts(db, user.corpId, page.map((p) => p.id));
    return { items: page.map((p) => svc.presentProduct(p, skus)), nextCursor: rows.length > query.limit ? encodeCursor([page.at(-1)!.id]) : null };
  },
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
    svc.assertCatalogAdmin(user);
    const categoryId = body.categoryId ? idNum(body.categoryId) : null;
    await svc.assertCategory(db, user.corpId, categoryId);
    const { skus, ...p } = body;
    const id = await svc.uniqueOr409(async () => {
      const [ins] = await db.insert(products).values({ ...p, corpId: user.corpId, categoryId, description: p.description ?? null, externalCode: p.externalCode ?? null }).$returningId();
      const skuRows = skus?.length ? skus : [{ code: p.code, name: p.name }];
      await db.insert(productSkus).values(skuRows.map((s) => ({ ...s, corpId: user.corpId, productId: ins!.id })));
      return ins!.id;
    }, '产品或 SKU ');
    const out = await svc.getProduct(db, user.corpId, id);
    await audit({ action: 'create', entityType: 'product', entityId: id, after: out });
    return out;
  },
});

const patchProduct = defineRoute({
  method: 'patch', path: '/api/products/:id', summary: 'Edit a product (admin)', tags,
  params: idParams, body: productPatch, response: product,
  handler: async ({ db, user, body, params, audit }) => {
    svc.assertCatalogAdmin(user);
    const before = await svc.getProduct(db, user.corpId, idNum(params.id));
    const categoryId = body.categoryId === undefined ? undefined : body.categoryId ? idNum(body.categoryId) : null;
    await svc.assertCategory(db, user.corpId, categoryId);
    await svc.uniqueOr409(() => db.update(products).set({ ...body, categoryId }).where(eq(products.id, idNum(params.id))), '产品');
    const after = await svc.getProduct(db, user.corpId, idNum(params.id));
    await audit({ action: 'update', entityType: 'product', entityId: params.id, before, after });
    return after;
  },
});

const addSku = defineRoute({
  method: 'post', path: '/api/products/:id/skus', summary: 'Add a SKU to a product (admin)', tags, status: 201,
  params: idParams, body: skuBody, response: sku,
  handler: async ({ db, user, body, params, audit }) => {
    svc.assertCatalogAdmin(user);
    const p = await repo.findProduct(db, user.corpId, idNum(params.id));
    if (!p) throw errors.notFound('产品');
    const [ins] = await svc.uniqueOr409(() => db.insert(productSkus).values({ ...body, corpId: user.corpId, productId: p.id }).$returningId(), 'SKU ');
    const row = (await repo.findSku(db, user.corpId, ins!.id))!;
    await audit({ action: 'create', entityType: 'product_sku', entityId: row.id, after: row });
    return svc.presentSku(row, p.unit);
  },
});

const patchSku = defineRoute({
  method: 'patch', path: '/api/skus/:id', summary: 'Edit a SKU (admin)', tags,
  params: idParams, body: skuPatch, response: sku,
  handler: async ({ db, user, body, params, audit }) => {
    svc.assertCatalogAdmin(user);
    const before = await repo.findSku(db, user.corpId, idNum(params.id));
    if (!before) throw errors.notFound('SKU');
    await svc.uniqueOr409(() => db.update(productSkus).set(body).where(eq(productSkus.id, before.id)), 'SKU ');
    const after = (await repo.findSku(db, user.corpId, before.id))!;
    await audit({ action: 'update', entityType: 'product_sku', entityId: before.id, before, after });
    const p = (await repo.findProduct(db, user.corpId, after.productId))!;
    return svc.presentSku(after, p.unit);
  },
});

import { priceRoutes } from './price-routes';

export const catalogRoutes = [...priceRoutes, listCategories, createCategory, patchCategory, listProducts, getProduct, createProduct, patchProduct, addSku, patchSku] as RouteSpec[];

import { eq } from 'drizzle-orm';
import type { MySqlColumn } from 'drizzle-orm/mysql-core';
import {
  assetListQuery,
  createInvoiceBody,
  createOrderBody,
  createReturnBody,
  createShipmentBody,
  idParams,
  invoiceListQuery,
  orderChangeBody,
  orderListQuery,
  patchAssetBody,
  redInvoiceBody,
  shipmentListQuery,
  type ListScope,
} from '@scrm/shared';
import { assets, invoices, orders, shipments } from '../../db/schema/index';
import { defineRoute, type RouteSpec } from '../../http/route';
import { idNum } from '../../lib/ids';
import { pageOf } from '../contracts/paging';
import { findAsset, ownedRows, updateAsset } from './repo';
import { createInvoice, createRedInvoice, findInvoice, presentInvoice } from './invoices';
import { changeOrder, createOrder, findOrder, presentOrder } from './orders';
import { createReturn, createShipment, findShipment, presentAsset, presentShipment } from './shipments';

const T = ['fulfilment'];

/** pageOf with an async present (which reads more rows). */
async function presentedPage<R extends { id: number }, V>(rows: R[], limit: number, present: (r: R) => Promise<V>) {
  const page = pageOf(rows, limit, (r) => r);
  return { items: await Promise.all(page.items.map(present)), nextCursor: page.nextCursor };
}

/** `col = id` when the query names an id, else no condition. */
const idFilter = (col: MySqlColumn, id: string | undefined) => (id ? eq(col, idNum(id)) : undefined);

const orderList = defineRoute({
  method: 'get', path: '/api/orders', summary: '订单列表', tags: T, query: orderListQuery,
  scope: 'money',
  handler: async ({ db, query, scope }) => {
    const rows = await ownedRows(db, orders, await scope(), query, idFilter(orders.contractId, query.contractId), idFilter(orders.customerId, query.customerId));
    return presentedPage(rows, query.limit, (o) => presentOrder(db, o));
  },
});
const orderCreate = defineRoute({
  method: 'post', path: '/api/orders', summary: '新建订单（从合同带入明细或直接下单）', tags: T, body: createOrderBody, status: 201,
  scope: 'money',
  handler: async ({ db, deps, body, user, scope, audit }) => {
    const o = await createOrder(db, deps, user, await scope(), body);
    await audit({ action: 'order.create', entityType: 'order', entityId: o.id, after: o });
    return presentOrder(db, o);
  },
});
const orderGet = defineRoute({
  method: 'get', path: '/api/orders/:id', summary: '订单详情', tags: T, params: idParams,
  scope: 'money',
  handler: async ({ db, params, scope }) => presentOrder(db, await findOrder(db, await scope(), idNum(params.id))),
});
const orderChange = defineRoute({
  method: 'post', path: '/api/orders/:id/changes', summary: '订单变更（数量/价格，不低于已发货）', tags: T, params: idParams, body: orderChangeBody, status: 201,
  scope: 'money',
  handler: async ({ db, deps, params, body, user, scope, audit }) => {
    const o = await changeOrder(db, deps, user, await scope(), idNum(params.id), body);
    await audit({ action: 'order.change', entityType: 'order', entityId: o.id, after: o });
    return presentOrder(db, o);
  },
});

const shipmentList = defineRoute({
  method: 'get', path: '/api/shipments', summary: '发货单列表', tags: T, query: shipmentListQuery,
  scope: 'money',
  handler: async ({ db, query, scope }) => {
    const rows = await ownedRows(db, shipments, await scope(), query, idFilter(shipments.orderId, query.orderId), idFilter(shipments.contractId, query.contractId), idFilter(shipments.customerId, query.customerId));
    return presentedPage(rows, query.limit, (r) => presentShipment(db, r));
  },
});
const shipmentCreate = defineRoute({
  method: 'post', path: '/api/shipments', summary: '发货（不超过可发数量，生成客户资产）', tags: T, body: createShipmentBody, status: 201,
  scope: 'money',
  handler: async ({ db, deps, body, user, scope, audit }) => {
    const s = await createShipment(db, deps, { corpId: user.corpId, userId: user.id }, await scope(), body);
    await audit({ action: 'shipment.create', entityType: 'shipment', entityId: s.id, after: s });
    return presentShipment(db, s);
  },
});
const shipmentGet = defineRoute({
  method: 'get', path: '/api/shipments/:id', summary: '发货单详情', tags: T, params: idParams,
  scope: 'money',
  handler: async ({ db, params, scope }) => presentShipment(db, await findShipment(db, await scope(), idNum(params.id))),
});
const returnCreate = defineRoute({
  method: 'post', path: '/api/shipments/:id/returns', summary: '退货单（恢复可发数量，资产退回）', tags: T, params: idParams, body: createReturnBody, status: 201,
  scope: 'money',
  handler: async ({ db, deps, params, body, user, scope, audit }) => {
    const r = await createReturn(db, deps, user.id, await scope(), idNum(params.id), body);
    await audit({ action: 'return.create', entityType: 'sales_return', entityId: r.id, after: r });
    return r;
  },
});

const invoiceList = defineRoute({
  method: 'get', path: '/api/invoices', summary: '发票列表（含红字发票）', tags: T, query: invoiceListQuery,
  scope: 'money',
  handler: async ({ db, query, scope }) => {
    const rows = await ownedRows(db, invoices, await scope(), query, idFilter(invoices.contractId, query.contractId), idFilter(invoices.customerId, query.customerId));
    return presentedPage(rows, query.limit, (r) => presentInvoice(db, r));
  },
});
const invoiceCreate = defineRoute({
  method: 'post', path: '/api/invoices', summary: '开票（不超过可开票金额）', tags: T, body: createInvoiceBody, status: 201,
  scope: 'money',
  handler: async ({ db, deps, body, user, scope, audit }) => {
    const i = await createInvoice(db, deps, user, await scope(), body);
    await audit({ action: 'invoice.create', entityType: 'invoice', entityId: i.id, after: i });
    return presentInvoice(db, i);
  },
});
const invoiceGet = defineRoute({
  method: 'get', path: '/api/invoices/:id', summary: '发票详情', tags: T, params: idParams,
  scope: 'money',
  handler: async ({ db, params, scope }) => presentInvoice(db, await findInvoice(db, await scope(), idNum(params.id))),
});
const redCreate = defineRoute({
  method: 'post', path: '/api/invoices/:id/red', summary: '红字发票（全部或部分冲销）', tags: T, params: idParams, body: redInvoiceBody, status: 201,
  scope: 'money',
  handler: async ({ db, deps, params, body, user, scope, audit }) => {
    const i = await createRedInvoice(db, deps, user, await scope(), idNum(params.id), body);
    await audit({ action: 'invoice.red', entityType: 'invoice', entityId: i.id, after: i });
    return presentInvoice(db, i);
  },
});

const assetList = defineRoute({
  method: 'get', path: '/api/assets', summary: '客户资产列表', tags: T, query: assetListQuery,
  scope: 'money',
  handler: async ({ db, query, scope }) => {
    const rows = await ownedRows(db, assets, await scope(), query, idFilter(assets.customerId, query.customerId), query.status ? eq(assets.status, query.status) : undefined);
    return pageOf(rows, query.limit, presentAsset);
  },
});
const assetGet = defineRoute({
  method: 'get', path: '/api/assets/:id', summary: '资产详情', tags: T, params: idParams,
  scope: 'money',
  handler: async ({ db, params, scope }) => presentAsset(await findAsset(db, await scope(), idNum(params.id))),
});
const assetPatch = defineRoute({
  method: 'patch', path: '/api/assets/:id', summary: '修改资产（保修截止、位置、备注）', tags: T, params: idParams, body: patchAssetBody,
  scope: 'money',
  handler: async ({ db, params, body, scope, audit }) => {
    const s = await scope();
    const before = await findAsset(db, s, idNum(params.id), { edit: true });
    await updateAsset(db, before.id, body);
    const after = await findAsset(db, s, before.id);
    await audit({ action: 'asset.update', entityType: 'asset', entityId: before.id, before, after });
    return presentAsset(after);
  },
});

export const fulfilmentRoutes = [orderList, orderCreate, orderGet, orderChange, shipmentList, shipmentCreate, shipmentGet, returnCreate, invoiceList, invoiceCreate, invoiceGet, redCreate, assetList, assetGet, assetPatch] as RouteSpec[];

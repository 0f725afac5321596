import { createReceiptBody, createRefundBody, idParams, receiptListQuery } from '@scrm/shared';
import { defineRoute, type RouteSpec } from '../../http/route';
import { idNum } from '../../lib/ids';
import { afterIdOf, pageOf } from '../contracts/paging';
import { receivableRoutes } from './receivable-routes';
import { createReceipt, createRefund, findReceipt, listReceipts, presentReceipt } from './service';

const list = defineRoute({
  method: 'get',
  path: '/api/receipts',
  summary: '收款单列表',
  tags: ['receipts'],
  query: receiptListQuery,
  scope: 'money',
  handler: async ({ db, query, scope }) => {
    const s = await scope();
    const rows = await listReceipts(db, s, {
      contractId: query.contractId ? idNum(query.contractId) : undefined,
      customerId: query.customerId ? idNum(query.customerId) : undefined,
      afterId: afterIdOf(query.cursor),
      limit: query.limit,
      listScope: query.scope,
    });
    const page = pageOf(rows, query.limit, (r) => r);
    return { items: await Promise.all(page.items.map((r) => presentReceipt(db, r))), nextCursor: page.nextCursor };
  },
});

const create = defineRoute({
  method: 'post',
  path: '/api/receipts',
  summary: '登记收款（分配到回款计划各期，不超过尚欠金额）',
  tags: ['receipts'],
  body: createReceiptBody,
  status: 201,
  scope: 'money',
  handler: async ({ db, deps, body, user, scope, audit }) => {
    const r = await createReceipt(db, deps, { corpId: user.corpId, userId: user.id }, await scope(), body);
    const out = await presentReceipt(db, r, true);
    await audit({ action: 'receipt.create', entityType: 'receipt', entityId: r.id, after: out });
    return out;
  },
});

const get = defineRoute({
  method: 'get',
  path: '/api/receipts/:id',
  summary: '收款单详情（分配与退款）',
  tags: ['receipts'],
  params: idParams,
  scope: 'money',
  handler: async ({ db, params, scope }) => presentReceipt(db, await findReceipt(db, await scope(), idNum(params.id)), true),
});

const refund = defineRoute({
  method: 'post',
  path: '/api/receipts/:id/refunds',
  summary: '退款单（冲减收款及对应的回款计划）',
  tags: ['receipts'],
  params: idParams,
  body: createRefundBody,
  status: 201,
  scope: 'money',
  handler: async ({ db, deps, params, body, user, scope, audit }) => {
    const out = await createRefund(db, deps, user, await scope(), idNum(params.id), body);
    await audit({ action: 'refund.create', entityType: 'refund', entityId: out.id, after: out });
    return out;
  },
});

export const receiptRoutes = [list, create, get, refund, ...receivableRoutes] as RouteSpec[];

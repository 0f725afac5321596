import { createReceivableBody, idParams, receivableChangeBody, receivableListQuery, receivableListResponse, receivableView, settleReceivableBody } from '@scrm/shared';
import { defineRoute, type RouteSpec } from '../../http/route';
import { idNum } from '../../lib/ids';
import { afterIdOf, pageOf } from '../contracts/paging';
import { changeReceivable, createReceivable, findReceivable, listReceivables, presentReceivable, settleReceivable } from './receivables';

const T = ['receipts'];

const list = defineRoute({
  method: 'get',
  path: '/api/receivables',
  summary: '应收单列表',
  tags: T,
  query: receivableListQuery,
  response: receivableListResponse,
  scope: 'money',
  handler: async ({ db, query, scope }) => {
    const s = await scope();
    const rows = await listReceivables(db, s, {
      listScope: query.scope,
      customerId: query.customerId ? idNum(query.customerId) : undefined,
      status: query.status,
      afterId: afterIdOf(query.cursor),
      limit: query.limit,
    });
    const page = pageOf(rows, query.limit, (r) => r);
    return { items: await Promise.all(page.items.map((r) => presentReceivable(db, r))), nextCursor: page.nextCursor };
  },
});

const create = defineRoute({
  method: 'post',
  path: '/api/receivables',
  summary: '手工应收单（客户必填，可关联合同或订单）',
  tags: T,
  body: createReceivableBody,
  response: receivableView,
  status: 201,
  scope: 'money',
  handler: async ({ db, deps, body, user, scope, audit }) => {
    const r = await createReceivable(db, deps, user, await scope(), body);
    const out = await presentReceivable(db, r, true);
    await audit({ action: 'receivable.create', entityType: 'receivable', entityId: r.id, after: out });
    return out;
  },
});

const get = defineRoute({
  method: 'get',
  path: '/api/receivables/:id',
  summary: '应收单详情（含应收变更）',
  tags: T,
  params: idParams,
  response: receivableView,
  scope: 'money',
  handler: async ({ db, params, scope }) => presentReceivable(db, await findReceivable(db, await scope(), idNum(params.id)), true),
});

const change = defineRoute({
  method: 'post',
  path: '/api/receivables/:id/changes',
  summary: '应收变更（带原因的增减调整，不低于已收）',
  tags: T,
  params: idParams,
  body: receivableChangeBody,
  response: receivableView,
  status: 201,
  scope: 'money',
  handler: async ({ db, deps, params, body, user, scope, audit }) => {
    const s = await scope();
    const before = await findReceivable(db, s, idNum(params.id));
    const r = await changeReceivable(db, deps, user, s, before.id, body);
    await audit({ action: 'receivable.change', entityType: 'receivable', entityId: r.id, before, after: r });
    return presentReceivable(db, r, true);
  },
});

const settle = defineRoute({
  method: 'post',
  path: '/api/receivables/:id/settlements',
  summary: '应收核销收款（不超过尚欠金额，收齐即结清）',
  tags: T,
  params: idParams,
  body: settleReceivableBody,
  response: receivableView,
  status: 201,
  scope: 'money',
  handler: async ({ db, deps, params, body, scope, audit }) => {
    const s = await scope();
    const before = await findReceivable(db, s, idNum(params.id));
    const r = await settleReceivable(db, deps, s, before.id, body.amount);
    await audit({ action: 'receivable.settle', entityType: 'receivable', entityId: r.id, before, after: r });
    return presentReceivable(db, r, true);
  },
});

/** 应收单: list, detail, manual create, 应收变更, settlement. */
export const receivableRoutes: RouteSpec[] = [list, create, get, change, settle] as RouteSpec[];

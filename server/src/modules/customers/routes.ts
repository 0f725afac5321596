import { eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  actionBody,
  actionParams,
  actionResult,
  bulkActionBody,
  bulkActionResult,
  collaboratorsBody,
  customerCreateBody,
  customerDetail,
  customerItem,
  customerListQuery,
  customerPatchBody,
  idParams,
  importQuery,
  listResponse,
  ownershipActionItem,
  timelineItem,
  timelineQuery,
} from '@scrm/shared';
import { errors } from '../../http/errors';
import { defineRoute, type RouteSpec } from '../../http/route';
import { idNum } from '../../lib/ids';
import { actionHistory, runActionRoute, runBulkActions } from '../pools/routes-helpers';
import { listCustomers, presentCustomer } from './repo';
import { canManageCollaborators, requireEditableCustomer, requireVisibleCustomer } from './visibility';
import { createCustomer, customerAdapter, customerDetail as detail, patchCustomer, setCollaborators } from './service';
import { customerTimeline } from './timeline';
import { importRoute } from '../../http/import-route';
import { sendWorkbook } from '../../lib/excel';
import { exportCustomers, importCustomers, templateWorkbook } from './excel';

export const customerRoutes: RouteSpec[] = [
  defineRoute({
    method: 'get',
    path: '/api/customers',
    summary: '客户列表（scope=mine|team|pool|all，筛选、排序、游标分页）',
    tags: ['customers'],
    query: customerListQuery,
    response: listResponse(customerItem),
    handler: async ({ db, query, scope }) => listCustomers(db, await scope(), query),
  }),
  defineRoute({
    method: 'post',
    path: '/api/customers',
    summary: '新建客户（只填名称即可；名称/信用代码/联系人手机号查重 → 409 customer_duplicate）',
    tags: ['customers'],
    body: customerCreateBody,
    response: customerDetail,
    status: 201,
    handler: async ({ db, body, user, scope, deps, audit }) => {
      const s = await scope();
      const id = await createCustomer(db, user, s, body, deps.now());
      const out = await detail(db, s, id);
      await audit({ action: 'customer.create', entityType: 'customer', entityId: id, after: out });
      return out;
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/customers/bulk-actions',
    summary: '批量转移 / 分配 / 回收（每条独立执行，返回逐条结果）',
    tags: ['customers'],
    body: bulkActionBody,
    response: bulkActionResult,
    handler: async ({ db, body, user, scope, deps, audit }) => runBulkActions(db, customerAdapter, { user, scope: await scope(), body, now: deps.now(), audit }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/customers/import-template',
    summary: '下载客户导入模板（.xlsx）',
    tags: ['customers'],
    handler: async ({ ctx }) => sendWorkbook(ctx, templateWorkbook(), '客户导入模板.xlsx'),
  }),
  importRoute({
    path: '/api/customers/import',
    summary: '导入客户（请求体为 .xlsx 文件；duplicate=skip|merge；返回逐行错误）',
    tag: 'customers',
    entityType: 'customer',
    query: importQuery,
    run: (a) => importCustomers(a.db, a.user, a.scope, a.file, a.query.duplicate, a.now),
  }),
  defineRoute({
    method: 'get',
    path: '/api/customers/export',
    summary: '导出客户（.xlsx；与列表相同的筛选，只含可见范围内的客户）',
    tags: ['customers'],
    query: customerListQuery,
    handler: async ({ ctx, db, query, scope }) => sendWorkbook(ctx, await exportCustomers(db, await scope(), query), '客户.xlsx'),
  }),
  defineRoute({
    method: 'get',
    path: '/api/customers/:id',
    summary: '客户详情',
    tags: ['customers'],
    params: idParams,
    response: customerDetail,
    handler: async ({ db, params, scope }) => detail(db, await scope(), idNum(params.id)),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/customers/:id',
    summary: '编辑客户（负责人、编辑协作人、管理者）',
    tags: ['customers'],
    params: idParams,
    body: customerPatchBody,
    response: customerDetail,
    handler: async ({ db, params, body, scope, audit }) => {
      const s = await scope();
      const id = idNum(params.id);
      const { row } = await requireEditableCustomer(db, s, id);
      if (body.status !== undefined && body.status !== row.status) throw errors.badRequest('use_action', '请使用废弃 / 恢复操作改变状态');
      await patchCustomer(db, s, id, body);
      const out = await detail(db, s, id);
      await audit({ action: 'customer.update', entityType: 'customer', entityId: id, before: presentCustomer(row, row.ownerName), after: out });
      return out;
    },
  }),
  defineRoute({
    method: 'put',
    path: '/api/customers/:id/collaborators',
    summary: '设置协作人（只读 / 可编辑）',
    tags: ['customers'],
    params: idParams,
    body: collaboratorsBody,
    response: customerDetail,
    handler: async ({ db, params, body, scope, audit }) => {
      const s = await scope();
      const id = idNum(params.id);
      const { row, access } = await requireVisibleCustomer(db, s, id);
      if (!canManageCollaborators(s, access)) throw errors.forbidden('只有负责人或管理者可以设置协作人');
      await setCollaborators(db, s.corpId, id, body.collaborators, row.ownerId);
      const out = await detail(db, s, id);
      await audit({ action: 'customer.collaborators', entityType: 'customer', entityId: id, after: out.collaborators });
      return out;
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/customers/:id/actions/:action',
    summary: '客户归属操作：transfer | reclaim | claim | return | assign | discard | restore（违反规则 → 409 + 规则代码）',
    tags: ['customers'],
    params: actionParams,
    body: actionBody,
    response: actionResult,
    handler: async ({ db, params, body, user, scope, deps, audit }) =>
      runActionRoute(db, customerAdapter, { user, scope: await scope(), id: idNum(params.id), action: params.action, body, now: deps.now(), audit }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/customers/:id/actions',
    summary: '客户的归属操作记录',
    tags: ['customers'],
    params: idParams,
    response: z.object({ items: z.array(ownershipActionItem) }),
    handler: async ({ db, params, scope }) => {
      const s = await scope();
      await requireVisibleCustomer(db, s, idNum(params.id));
      return { items: await actionHistory(db, s.corpId, 'customer', idNum(params.id)) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/customers/:id/timeline',
    summary: '客户时间线：跟进、归属操作、企业微信添加/删除、阶段变化（before 游标翻页）',
    tags: ['customers'],
    params: idParams,
    query: timelineQuery,
    response: z.object({ items: z.array(timelineItem), nextBefore: z.string().nullable() }),
    handler: async ({ db, params, query, scope }) => {
      const s = await scope();
      await requireVisibleCustomer(db, s, idNum(params.id));
      return customerTimeline(db, s, idNum(params.id), query);
    },
  }),
];

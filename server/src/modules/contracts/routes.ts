import {
  contractActionBody,
  contractActionParams,
  contractChangeBody,
  contractListQuery,
  contractListResponse,
  contractView,
  createContractBody,
  idParams,
  patchContractBody,
  planChangeBody,
  setPlanBody,
} from '@scrm/shared';
import { defineRoute, type RouteSpec } from '../../http/route';
import { idNum } from '../../lib/ids';
import { changePlan, changesOf, requestContractChange } from './changes';
import { afterIdOf, pageOf } from './paging';
import * as repo from './repo';
import { findVisibleContract } from './visibility';
import { contractExtras, createContract, patchContract, presentContract, presentContractFull, setPlan, submitContract, terminateContract } from './service';

const list = defineRoute({
  method: 'get',
  path: '/api/contracts',
  summary: '合同列表',
  tags: ['contracts'],
  query: contractListQuery,
  response: contractListResponse,
  scope: 'money',
  handler: async ({ db, query, scope }) => {
    const s = await scope();
    const rows = await repo.listContracts(db, s, {
      scope: query.scope,
      q: query.q,
      status: query.status,
      customerId: query.customerId ? idNum(query.customerId) : undefined,
      afterId: afterIdOf(query.cursor),
      limit: query.limit,
    });
    const page = pageOf(rows, query.limit, (r) => r);
    const extras = await contractExtras(db, s.corpId, page.items);
    return { items: page.items.map((r) => presentContract(r, extras.get(r.id)!)), nextCursor: page.nextCursor };
  },
});

const create = defineRoute({
  method: 'post',
  path: '/api/contracts',
  summary: '新建合同（可从赢单商机或已接受报价单带入明细）',
  tags: ['contracts'],
  body: createContractBody,
  status: 201,
  scope: 'money',
  handler: async ({ db, deps, body, user, scope, audit }) => {
    const c = await createContract(db, deps, user, await scope(), body);
    await audit({ action: 'contract.create', entityType: 'contract', entityId: c.id, after: c });
    return presentContractFull(db, c);
  },
});

const get = defineRoute({
  method: 'get',
  path: '/api/contracts/:id',
  summary: '合同详情（含明细与回款计划）',
  tags: ['contracts'],
  params: idParams,
  response: contractView,
  scope: 'money',
  handler: async ({ db, params, scope }) => presentContractFull(db, await findVisibleContract(db, await scope(), idNum(params.id))),
});

const patch = defineRoute({
  method: 'patch',
  path: '/api/contracts/:id',
  summary: '修改草稿合同',
  tags: ['contracts'],
  params: idParams,
  body: patchContractBody,
  scope: 'money',
  handler: async ({ db, params, body, scope, audit }) => {
    const s = await scope();
    const before = await findVisibleContract(db, s, idNum(params.id));
    const c = await patchContract(db, s, before.id, body);
    await audit({ action: 'contract.update', entityType: 'contract', entityId: c.id, before, after: c });
    return presentContractFull(db, c);
  },
});

const action = defineRoute({
  method: 'post',
  path: '/api/contracts/:id/actions/:action',
  summary: '合同操作：submit 提交审批 / terminate 终止',
  tags: ['contracts'],
  params: contractActionParams,
  body: contractActionBody,
  scope: 'money',
  handler: async ({ db, deps, params, user, scope, audit }) => {
    const s = await scope();
    const id = idNum(params.id);
    const c = params.action === 'submit' ? await submitContract(db, deps, user, s, id) : await terminateContract(db, s, id);
    await audit({ action: `contract.${params.action}`, entityType: 'contract', entityId: id, after: { status: c.status } });
    return presentContractFull(db, c);
  },
});

const plan = defineRoute({
  method: 'put',
  path: '/api/contracts/:id/payment-plan',
  summary: '设置回款计划（各期合计须等于合同金额）',
  tags: ['contracts'],
  params: idParams,
  body: setPlanBody,
  scope: 'money',
  handler: async ({ db, deps, params, body, scope, audit }) => {
    const out = await setPlan(db, deps, await scope(), idNum(params.id), body.instalments);
    await audit({ action: 'contract.plan', entityType: 'contract', entityId: params.id, after: out.instalments });
    return out;
  },
});

const change = defineRoute({
  method: 'post',
  path: '/api/contracts/:id/changes',
  summary: '合同变更（金额/明细/期限，需审批，保留变更前后快照）',
  tags: ['contracts'],
  params: idParams,
  body: contractChangeBody,
  status: 201,
  scope: 'money',
  handler: async ({ db, deps, params, body, user, scope, audit }) => {
    const out = await requestContractChange(db, deps, user, await scope(), idNum(params.id), body);
    await audit({ action: 'contract.change_request', entityType: 'contract', entityId: params.id, after: out });
    return out;
  },
});

const planChange = defineRoute({
  method: 'post',
  path: '/api/contracts/:id/plan-changes',
  summary: '回款计划变更（合计仍须等于合同金额）',
  tags: ['contracts'],
  params: idParams,
  body: planChangeBody,
  status: 201,
  scope: 'money',
  handler: async ({ db, deps, params, body, user, scope, audit }) => {
    const out = await changePlan(db, deps, user, await scope(), idNum(params.id), body);
    await audit({ action: 'contract.plan_change', entityType: 'contract', entityId: params.id, before: out.before, after: out.after });
    return out;
  },
});

const changes = defineRoute({
  method: 'get',
  path: '/api/contracts/:id/changes',
  summary: '合同的变更单（合同变更、回款计划变更）',
  tags: ['contracts'],
  params: idParams,
  scope: 'money',
  handler: async ({ db, params, scope }) => ({ items: await changesOf(db, await scope(), idNum(params.id)), nextCursor: null }),
});

export const contractRoutes = [list, create, get, patch, action, plan, change, planChange, changes] as RouteSpec[];

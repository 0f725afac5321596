import { commissionQuery, performanceQuery, setCommissionRatesBody, setTargetsBody } from '@scrm/shared';
import { requireRole } from '../../auth/roles';
import { defineRoute, type RouteSpec } from '../../http/route';
import { moneyScope } from '../contracts/visibility';
import { commissionPreview, performance, setCommissionRates, setTargets } from './service';

const T = ['performance'];
const get = defineRoute({
  method: 'get', path: '/api/performance', summary: '业绩（签约/回款/开票）按人员或部门、对比目标并排名', tags: T, query: performanceQuery,
  handler: async ({ db, query, user, scope }) => performance(db, await moneyScope({ user, scope }), query),
});
const targets = defineRoute({
  method: 'put', path: '/api/performance/targets', summary: '设置月度目标（管理员/经理）', tags: T, body: setTargetsBody,
  handler: async ({ db, body, user, audit }) => {
    requireRole(user, ['admin', 'manager'], '只有管理员或经理可以设置目标');
    await setTargets(db, user.corpId, body.targets);
    await audit({ action: 'performance.targets', entityType: 'sales_targets', entityId: user.corpId, after: body.targets });
    return { ok: true };
  },
});
const rates = defineRoute({
  method: 'put', path: '/api/performance/commission-rates', summary: '按产品分类设置提成比例（万分比，分类为空=默认）', tags: T, body: setCommissionRatesBody,
  handler: async ({ db, body, user, audit }) => {
    requireRole(user, ['admin'], '只有管理员可以设置提成比例');
    await setCommissionRates(db, user.corpId, body.rates);
    await audit({ action: 'performance.rates', entityType: 'commission_rates', entityId: user.corpId, after: body.rates });
    return { ok: true };
  },
});
const commission = defineRoute({
  method: 'get', path: '/api/performance/commission', summary: '提成预览（签约明细 × 分类提成比例）', tags: T, query: commissionQuery,
  handler: async ({ db, query, user, scope }) => commissionPreview(db, await moneyScope({ user, scope }), query),
});

export const performanceRoutes = [get, targets, rates, commission] as RouteSpec[];

import {
  campaignBody,
  campaignDetail,
  campaignItem,
  campaignListQuery,
  campaignPatchBody,
  campaignResults,
  costBody,
  idParams,
  listResponse,
  paymentBody,
  paymentParams,
  paymentPatchBody,
  vendorBody,
  webFormParams,
  webLeadBody,
  webLeadResult,
} from '@scrm/shared';
import type { DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import type { AuthUser } from '../../http/context';
import { errors } from '../../http/errors';
import { defineRoute, type RouteSpec } from '../../http/route';
import { idNum } from '../../lib/ids';
import * as svc from './service';
import { parseInput } from '../../http/validate';
import { assertOriginMayPost, findFormCampaign, readFormBody, setFormCors } from './public-form';
import { submitWebLead, takeWebFormSlot } from './webform';

const tags = ['campaigns'];
const publicPath = (key: string) => `/api/public/campaigns/${key}/leads`;
const detail = (db: Db, s: DataScope, user: AuthUser, id: number) => svc.campaignDetail(db, s, user, id, publicPath);

export const campaignRoutes: RouteSpec[] = [
  defineRoute({
    method: 'get', path: '/api/campaigns', summary: '市场活动列表（scope=mine 为我负责的，其余为全公司；type、status、q）', tags,
    query: campaignListQuery, response: listResponse(campaignItem),
    handler: async ({ db, query, user }) => svc.listCampaigns(db, user, query),
  }),
  defineRoute({
    method: 'post', path: '/api/campaigns', summary: '新建市场活动（负责人默认为自己）', tags, status: 201,
    body: campaignBody, response: campaignDetail,
    handler: async ({ db, body, user, scope, deps, audit }) => {
      const id = await svc.createCampaign(db, user, body, deps.now());
      const out = await detail(db, await scope(), user, id);
      await audit({ action: 'campaign.create', entityType: 'campaign', entityId: id, after: out });
      return out;
    },
  }),
  defineRoute({
    method: 'get', path: '/api/campaigns/:id', summary: '活动详情：供应商、费用、付款记录、计算出的效果', tags,
    params: idParams, response: campaignDetail,
    handler: async ({ db, params, user, scope }) => detail(db, await scope(), user, idNum(params.id)),
  }),
  defineRoute({
    method: 'get', path: '/api/campaigns/:id/results', summary: '活动效果：线索数、转换数、赢单客户、单条线索成本、赢单金额、ROI', tags,
    params: idParams, response: campaignResults,
    handler: async ({ db, params, user }) => svc.resultsOf(db, user.corpId, idNum(params.id)),
  }),
  defineRoute({
    method: 'patch', path: '/api/campaigns/:id', summary: '编辑市场活动（负责人、创建人、管理者）', tags,
    params: idParams, body: campaignPatchBody, response: campaignDetail,
    handler: async ({ db, params, body, user, scope, deps, audit }) => {
      const s = await scope();
      const before = await svc.campaignForEdit(db, s, user, idNum(params.id), deps.now());
      await svc.patchCampaign(db, before, body);
      const out = await detail(db, s, user, before.id);
      await audit({ action: 'campaign.update', entityType: 'campaign', entityId: before.id, before, after: out });
      return out;
    },
  }),
  defineRoute({
    method: 'post', path: '/api/campaigns/:id/vendors', summary: '添加市场供应商', tags, status: 201,
    params: idParams, body: vendorBody, response: campaignDetail,
    handler: async ({ db, params, body, user, scope, deps, audit }) => {
      const s = await scope();
      const c = await svc.campaignForEdit(db, s, user, idNum(params.id), deps.now());
      const vendorId = await svc.addVendor(db, c, body, deps.now());
      await audit({ action: 'campaign.vendor.create', entityType: 'campaign_vendor', entityId: vendorId, after: body });
      return detail(db, s, user, c.id);
    },
  }),
  defineRoute({
    method: 'post', path: '/api/campaigns/:id/costs', summary: '添加费用明细（可按供应商）', tags, status: 201,
    params: idParams, body: costBody, response: campaignDetail,
    handler: async ({ db, params, body, user, scope, deps, audit }) => {
      const s = await scope();
      const c = await svc.campaignForEdit(db, s, user, idNum(params.id), deps.now());
      const costId = await svc.addCost(db, c, user, body, deps.now());
      await audit({ action: 'campaign.cost.create', entityType: 'campaign_cost', entityId: costId, after: body });
      return detail(db, s, user, c.id);
    },
  }),
  defineRoute({
    method: 'post', path: '/api/campaigns/:id/payments', summary: '登记供应商付款（合计不超过该供应商费用 → 409 payment_exceeds_cost）', tags, status: 201,
    params: idParams, body: paymentBody, response: campaignDetail,
    handler: async ({ db, params, body, user, scope, deps, audit }) => {
      const s = await scope();
      const c = await svc.campaignForEdit(db, s, user, idNum(params.id), deps.now());
      const paymentId = await svc.addPayment(db, c, user, body, deps.now());
      await audit({ action: 'campaign.payment.create', entityType: 'campaign_payment', entityId: paymentId, after: body });
      return detail(db, s, user, c.id);
    },
  }),
  defineRoute({
    method: 'patch', path: '/api/campaigns/:id/payments/:paymentId', summary: '修改付款状态（待付款 / 已付款 / 已取消）', tags,
    params: paymentParams, body: paymentPatchBody, response: campaignDetail,
    handler: async ({ db, params, body, user, scope, deps, audit }) => {
      const s = await scope();
      const c = await svc.campaignForEdit(db, s, user, idNum(params.id), deps.now());
      const { before, after } = await svc.patchPayment(db, c, idNum(params.paymentId), body);
      await audit({ action: 'campaign.payment.update', entityType: 'campaign_payment', entityId: before.id, before, after });
      return detail(db, s, user, c.id);
    },
  }),
  defineRoute({
    method: 'post', path: '/api/public/campaigns/:key/leads',
    summary:
      '公开的活动报名表单（落地页用）：JSON 或 application/x-www-form-urlencoded（HTML 表单）；按 IP 限流（429），蜜罐字段 website，严格校验；线索进入活动的线索池；已是线索的手机号记为再次留资。跨域：活动的 allowedOrigins（空 = 任意来源 *），未列出的来源 → 403 origin_not_allowed', tags,
    auth: 'none', idempotent: false, status: 201,
    // The body is read by the handler (JSON or form-encoded, see public-form.ts) after the CORS
    // headers are set, so a cross-origin page can read its 400/409/429 too; the schema is given
    // here (optional, as the chain sees no body) so /api/openapi.json documents it.
    bodyType: 'raw',
    params: webFormParams, body: webLeadBody.optional(), response: webLeadResult,
    handler: async ({ ctx, db, params, deps }) => {
      const c = await findFormCampaign(db, params.key);
      setFormCors(ctx, c);
      takeWebFormSlot(deps, ctx.ip);
      if (!c) throw errors.notFound('活动表单');
      assertOriginMayPost(ctx, c);
      const body = parseInput(webLeadBody, await readFormBody(ctx), 'body');
      ctx.set('Cache-Control', 'no-store');
      return submitWebLead(db, deps, c, body);
    },
  }),
  // CORS preflight of the public form (a landing page posting JSON). RouteSpec's method union has
  // no 'options' (the shared http layer mounts specs by method name, which Koa's router supports),
  // hence the cast; /api/openapi.json lists it as the path's `options` operation.
  defineRoute({
    method: 'options' as 'delete', path: '/api/public/campaigns/:key/leads',
    summary: '公开活动表单的跨域预检（CORS preflight）：允许的来源得到 Access-Control-Allow-*，其他来源没有', tags,
    auth: 'none', idempotent: false, transaction: false, bodyType: 'raw', status: 204,
    params: webFormParams,
    handler: async ({ ctx, db, params }) => {
      setFormCors(ctx, await findFormCampaign(db, params.key), true);
      ctx.status = 204;
      return undefined;
    },
  }),
];

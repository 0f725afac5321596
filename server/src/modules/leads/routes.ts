import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  conversionReport,
  conversionReportQuery,
  convertCandidate,
  funnelQuery,
  funnelReport,
  idParams,
  leadCreateBody,
  leadDetail,
  leadImportQuery,
  leadItem,
  leadListQuery,
  leadPatchBody,
  listResponse,
  timelineItem,
  timelineQuery,
} from '@scrm/shared';
import { leads } from '../../db/schema/index';
import { errors } from '../../http/errors';
import { defineRoute, type RouteSpec } from '../../http/route';
import { idNum } from '../../lib/ids';
import { importRoute } from '../../http/import-route';
import { sendWorkbook } from '../../lib/excel';
import { requireVisibleLead } from './visibility';
import { importLeads, leadTemplateWorkbook } from './excel';
import { createLead, leadDetail as loadLeadDetail, patchLead } from './manage';
import { conversionReport as runConversionReport, convertCandidates, funnelReport as runFunnel } from './reports';
import { listLeads } from './repo';
import { leadTimeline } from './timeline';

const visibleLead = requireVisibleLead;

/**
 * Leads CRUD, timeline, import and conversion reports. The ownership actions (incl. convert) live
 * in `action-routes.ts`, mounted by the pools module; static paths come before `/:id`.
 */
export const leadRoutes: RouteSpec[] = [
  defineRoute({
    method: 'get',
    path: '/api/leads',
    summary: '线索列表（scope=mine|team|pool|all，q、grade、source、campaignId、ownerId、poolId、status，游标分页）',
    tags: ['leads'],
    query: leadListQuery,
    response: listResponse(leadItem),
    handler: async ({ db, query, scope }) => listLeads(db, await scope(), query),
  }),
  defineRoute({
    method: 'post',
    path: '/api/leads',
    summary: '新建线索（手机号、公司+姓名查重 → 409 lead_duplicate；ownerId=null 放入线索池）',
    tags: ['leads'],
    body: leadCreateBody,
    response: leadDetail,
    status: 201,
    handler: async ({ db, body, user, scope, deps, audit }) => {
      const s = await scope();
      const id = await createLead(db, user, s, body, deps.now());
      const out = await loadLeadDetail(db, s, id);
      await audit({ action: 'lead.create', entityType: 'lead', entityId: id, after: out });
      return out;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/leads/import-template',
    summary: '下载线索导入模板（.xlsx）',
    tags: ['leads'],
    handler: async ({ ctx }) => sendWorkbook(ctx, leadTemplateWorkbook(), '线索导入模板.xlsx'),
  }),
  importRoute({
    path: '/api/leads/import',
    summary: '导入线索（请求体为 .xlsx；assignTo=me|pool，可选 campaignId；返回逐行错误，重复的跳过）',
    tag: 'leads',
    entityType: 'lead',
    query: leadImportQuery,
    run: (a) => importLeads(a.db, a.user, a.scope, a.file, a.query, a.now),
  }),
  defineRoute({
    method: 'get',
    path: '/api/lead-reports/conversions',
    summary: '线索转换统计：按市场人员 / 活动 / 来源（groupBy），时间段 from–to，数据范围内',
    tags: ['leads'],
    query: conversionReportQuery,
    response: conversionReport,
    handler: async ({ db, query, scope }) => runConversionReport(db, await scope(), query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/lead-reports/funnel',
    summary: '漏斗：线索 → 客户 → 赢单（按线索创建时间段，可选活动）',
    tags: ['leads'],
    query: funnelQuery,
    response: funnelReport,
    handler: async ({ db, query, scope }) => runFunnel(db, await scope(), query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/leads/:id',
    summary: '线索详情（含企业微信联系人、活动、转换记录、可执行操作）',
    tags: ['leads'],
    params: idParams,
    response: leadDetail,
    handler: async ({ db, params, scope }) => loadLeadDetail(db, await scope(), idNum(params.id)),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/leads/:id',
    summary: '编辑线索（负责人或管理者；负责人/线索池用操作接口修改）',
    tags: ['leads'],
    params: idParams,
    body: leadPatchBody,
    response: leadDetail,
    handler: async ({ db, params, body, scope, audit }) => {
      const s = await scope();
      const id = idNum(params.id);
      const before = await loadLeadDetail(db, s, id);
      await patchLead(db, s, id, body);
      const out = await loadLeadDetail(db, s, id);
      await audit({ action: 'lead.update', entityType: 'lead', entityId: id, before, after: out });
      return out;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/leads/:id/timeline',
    summary: '线索时间线：跟进、归属操作（before 游标翻页）',
    tags: ['leads'],
    params: idParams,
    query: timelineQuery,
    response: z.object({ items: z.array(timelineItem), nextBefore: z.string().nullable() }),
    handler: async ({ db, params, query, scope }) => {
      const s = await scope();
      await visibleLead(db, s, idNum(params.id));
      return leadTimeline(db, s.corpId, idNum(params.id), query);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/leads/:id/convert-candidates',
    summary: '转换查重：可合并的已有客户（联系人手机号、公司名称）',
    tags: ['leads'],
    params: idParams,
    response: z.object({ items: z.array(convertCandidate) }),
    handler: async ({ db, params, scope }) => {
      const s = await scope();
      const l = await visibleLead(db, s, idNum(params.id));
      return convertCandidates(db, s, l);
    },
  }),
];

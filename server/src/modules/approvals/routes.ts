import { z } from 'zod';
import {
  APPROVAL_DOC_TYPES,
  approvalActionBody,
  approvalActionParams,
  approvalCounts,
  approvalDetail,
  approvalItem,
  approvalListQuery,
  createFlowBody,
  idParams,
  listResponse,
} from '@scrm/shared';
import type { approvalFlows } from '../../db/schema/index';
import { requireRole } from '../../auth/roles';
import { defineRoute, type RouteSpec } from '../../http/route';
import { idNum, idStr } from '../../lib/ids';
import { afterIdOf, pageOf } from '../../lib/paging';
import { toIso } from '../../lib/time';
import { approvalDetailView } from './detail';
import { listFlowVersions, publishFlow } from './flows';
import { boxCounts, listBox, presentItem } from './repo';
import { act } from './service';
import { findVisibleApproval } from './visibility';

const list = defineRoute({
  method: 'get',
  path: '/api/approvals',
  summary: 'Approval inbox: box=todo (待我审批) | mine (我发起的) | cc (抄送我) | done (已处理)',
  tags: ['approvals'],
  query: approvalListQuery,
  response: listResponse(approvalItem),
  handler: async ({ db, user, query }) => {
    const rows = await listBox(db, user.corpId, user.id, query.box, query.docType, query.limit, afterIdOf(query.cursor));
    return pageOf(
      rows,
      query.limit,
      (r) => presentItem(r.inst, r.applicantName, r.inst.currentStep == null ? null : (r.definition.steps[r.inst.currentStep]?.name ?? null)),
      (r) => [r.inst.id],
    );
  },
});

const counts = defineRoute({
  method: 'get',
  path: '/api/approvals/counts',
  summary: 'Exact sizes of the caller\'s boxes {todo, mine, cc, done} (badges), one indexed COUNT each',
  tags: ['approvals'],
  response: approvalCounts,
  handler: async ({ db, user }) => boxCounts(db, user.corpId, user.id),
});

const get = defineRoute({
  method: 'get',
  path: '/api/approvals/:id',
  summary: 'An approval instance with steps, tasks, CC, full history and what the caller may do',
  tags: ['approvals'],
  params: idParams,
  response: approvalDetail,
  handler: async ({ db, user, scope, params }) => approvalDetailView(db, user, await findVisibleApproval(db, user, await scope(), idNum(params.id))),
});

const action = defineRoute({
  method: 'post',
  path: '/api/approvals/:id/actions/:action',
  summary: 'approve | reject (comment required) | return | transfer {toUserId} | add_approver {toUserId} | withdraw (applicant)',
  tags: ['approvals'],
  params: approvalActionParams,
  body: approvalActionBody,
  response: approvalDetail,
  handler: async ({ db, deps, user, scope, params, body, audit }) => {
    const inst = await findVisibleApproval(db, user, await scope(), idNum(params.id));
    const after = await act(db, deps, {
      corpId: user.corpId,
      instanceId: inst.id,
      actorId: user.id,
      action: params.action,
      comment: body.comment ?? null,
      toUserId: body.toUserId ? idNum(body.toUserId) : null,
    });
    await audit({ action: `approval.${params.action}`, entityType: 'approval', entityId: inst.id, before: { status: inst.status }, after: { status: after.status } });
    return approvalDetailView(db, user, after);
  },
});

const flowView = z.object({
  id: z.string(),
  docType: z.string(),
  version: z.number().int(),
  name: z.string(),
  isActive: z.boolean(),
  definition: z.unknown(),
  createdAt: z.string(),
});
const presentFlow = (f: typeof approvalFlows.$inferSelect) => ({
  id: idStr(f.id),
  docType: f.docType,
  version: f.version,
  name: f.name,
  isActive: f.isActive,
  definition: f.definition,
  createdAt: toIso(f.createdAt),
});

const listFlows = defineRoute({
  method: 'get',
  path: '/api/approval-flows',
  summary: 'Published flow versions (newest first); defaults appear after first use',
  tags: ['approvals'],
  query: z.object({ docType: z.enum(APPROVAL_DOC_TYPES, { error: '单据类型不正确' }).optional() }),
  response: z.object({ items: z.array(flowView) }),
  handler: async ({ db, user, query }) => {
    const rows = await listFlowVersions(db, user.corpId, query.docType);
    return { items: rows.map(presentFlow) };
  },
});

const createFlow = defineRoute({
  method: 'post',
  path: '/api/approval-flows',
  summary: 'Publish a new flow version for a document type (admin); running instances keep theirs',
  tags: ['approvals'],
  body: createFlowBody,
  response: flowView,
  status: 201,
  handler: async ({ db, user, body, audit }) => {
    requireRole(user, ['admin'], '只有管理员可以配置审批流程');
    const flow = await publishFlow(db, user.corpId, body.docType, body.name, body.definition, user.id);
    await audit({ action: 'approval_flow.publish', entityType: 'approval_flow', entityId: flow.id, after: presentFlow(flow) });
    return presentFlow(flow);
  },
});

export const approvalRoutes: RouteSpec[] = [list, counts, get, action, listFlows, createFlow];

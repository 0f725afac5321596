import { and, desc, eq } from 'drizzle-orm';
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
  type ApprovalAction,
  type ApprovalDetail,
} from '@scrm/shared';
import type { Db } from '../../db/client';
import { approvalFlows, approvalInstances } from '../../db/schema/index';
import { canSeeOwner, type DataScope } from '../../auth/scope';
import type { AuthUser } from '../../http/context';
import { errors } from '../../http/errors';
import { defineRoute, type RouteSpec } from '../../http/route';
import { decodeCursor, encodeCursor, idNum, idStr } from '../../lib/ids';
import { toIso } from '../../lib/time';
import { registerApprovalCards } from './cards';
import { publishFlow } from './flows';
import { boxCounts, instanceParts, isCc, listBox, presentItem, userNames } from './repo';
import { act, flowOf, type Instance } from './service';

registerApprovalCards();

/**
 * Who may see an instance: the applicant, its approvers (any task, any status) and CCs, whoever's
 * data scope covers the applicant (leaders: subtree; admin: all), and finance (pays out).
 */
async function loadVisible(db: Db, user: AuthUser, scope: DataScope, id: number): Promise<Instance> {
  const [inst] = await db
    .select()
    .from(approvalInstances)
    .where(and(eq(approvalInstances.id, id), eq(approvalInstances.corpId, user.corpId)));
  if (!inst) throw errors.notFound('审批');
  if (inst.applicantId === user.id || user.role === 'finance' || canSeeOwner(scope, inst.applicantId)) return inst;
  const { tasks } = await instanceParts(db, inst.id);
  if (tasks.some((t) => t.approverId === user.id) || (await isCc(db, inst.id, user.id))) return inst;
  throw errors.notFound('审批');
}

async function detail(db: Db, user: AuthUser, inst: Instance): Promise<ApprovalDetail> {
  const flow = await flowOf(db, inst);
  const { steps, tasks, cc, history } = await instanceParts(db, inst.id);
  const names = await userNames(db, [
    inst.applicantId,
    ...tasks.map((t) => t.approverId),
    ...cc.map((c) => c.userId),
    ...history.flatMap((h) => [h.actorId, h.targetUserId]),
  ]);
  const ref = (id: number | null) => (id == null ? null : { id: idStr(id), name: names.get(id) ?? '' });
  const stepName = inst.currentStep == null ? null : (flow.definition.steps[inst.currentStep]?.name ?? null);
  const current = steps.find((s) => s.round === inst.round && s.stepIndex === inst.currentStep && s.status === 'pending');
  const actions: ApprovalAction[] = [];
  if (inst.status === 'pending' && current && tasks.some((t) => t.stepId === current.id && t.approverId === user.id && t.status === 'pending')) {
    actions.push('approve', 'reject', 'return', 'transfer', 'add_approver');
  }
  if (inst.applicantId === user.id && (inst.status === 'pending' || inst.status === 'draft')) actions.push('withdraw');
  return {
    ...presentItem(inst, names.get(inst.applicantId) ?? '', stepName),
    flow: { id: idStr(flow.id), name: flow.name, version: flow.version },
    steps: steps.map((s) => ({
      index: s.stepIndex,
      round: s.round,
      name: s.name,
      mode: s.mode,
      status: s.status,
      tasks: tasks
        .filter((t) => t.stepId === s.id)
        .map((t) => ({ id: idStr(t.id), approver: ref(t.approverId)!, status: t.status, comment: t.comment, actedAt: toIso(t.actedAt), added: t.added })),
    })),
    cc: cc.map((c) => ref(c.userId)!),
    history: history.map((h) => ({
      action: h.action,
      actor: ref(h.actorId),
      target: ref(h.targetUserId),
      stepIndex: h.stepIndex,
      comment: h.comment,
      via: h.via,
      at: toIso(h.createdAt),
    })),
    availableActions: actions,
  };
}

const list = defineRoute({
  method: 'get',
  path: '/api/approvals',
  summary: 'Approval inbox: box=todo (待我审批) | mine (我发起的) | cc (抄送我) | done (已处理)',
  tags: ['approvals'],
  query: approvalListQuery,
  response: listResponse(approvalItem),
  handler: async ({ db, user, query }) => {
    const cursor = decodeCursor(query.cursor);
    if (query.cursor && (!cursor || typeof cursor[0] !== 'number')) throw errors.badRequest('invalid_cursor', 'cursor 无效');
    const rows = await listBox(db, user.corpId, user.id, query.box, query.docType, query.limit, (cursor?.[0] as number) ?? null);
    const page = rows.slice(0, query.limit);
    const items = page.map((r) => presentItem(r.inst, r.applicantName, r.inst.currentStep == null ? null : (r.definition.steps[r.inst.currentStep]?.name ?? null)));
    const last = page[page.length - 1];
    return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.inst.id]) : null };
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
  handler: async ({ db, user, scope, params }) => detail(db, user, await loadVisible(db, user, await scope(), idNum(params.id))),
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
    const inst = await loadVisible(db, user, await scope(), idNum(params.id));
    const after = await act(db, deps, {
      corpId: user.corpId,
      instanceId: inst.id,
      actorId: user.id,
      action: params.action,
      comment: body.comment ?? null,
      toUserId: body.toUserId ? idNum(body.toUserId) : null,
    });
    await audit({ action: `approval.${params.action}`, entityType: 'approval', entityId: inst.id, before: { status: inst.status }, after: { status: after.status } });
    return detail(db, user, after);
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
    const rows = await db
      .select()
      .from(approvalFlows)
      .where(and(eq(approvalFlows.corpId, user.corpId), query.docType ? eq(approvalFlows.docType, query.docType) : undefined))
      .orderBy(approvalFlows.docType, desc(approvalFlows.version));
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
    if (user.role !== 'admin') throw errors.forbidden('只有管理员可以配置审批流程');
    const flow = await publishFlow(db, user.corpId, body.docType, body.name, body.definition, user.id);
    await audit({ action: 'approval_flow.publish', entityType: 'approval_flow', entityId: flow.id, after: presentFlow(flow) });
    return presentFlow(flow);
  },
});

export const approvalRoutes: RouteSpec[] = [list, counts, get, action, listFlows, createFlow];

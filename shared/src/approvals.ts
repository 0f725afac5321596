import { z } from 'zod';
import { ROLES } from './auth';
import { idSchema, isoTime, LIMITS, moneyAmount } from './common';

/** Document types that go through the approval engine. */
export const APPROVAL_DOC_TYPES = ['expense', 'advance', 'quote_discount', 'contract', 'contract_change', 'refund'] as const;
export type ApprovalDocType = (typeof APPROVAL_DOC_TYPES)[number];

/** draft = returned to the applicant (resubmitting restarts the same instance). */
export const APPROVAL_STATUSES = ['draft', 'pending', 'approved', 'rejected', 'withdrawn'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/** What an approver (or the applicant, for withdraw) can do. */
export const APPROVAL_ACTIONS = ['approve', 'reject', 'return', 'transfer', 'add_approver', 'withdraw'] as const;
export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];

/** Everything the history records (actions plus engine events). */
export const APPROVAL_HISTORY_ACTIONS = [...APPROVAL_ACTIONS, 'submit', 'resubmit', 'skip', 'complete'] as const;

export const APPROVAL_BOXES = ['todo', 'mine', 'cc', 'done'] as const;
export type ApprovalBox = (typeof APPROVAL_BOXES)[number];

export const STEP_MODES = ['any', 'all'] as const;

/**
 * Who approves a step: `leader` level 1 = the applicant's department leader, level N = the N-th
 * leader going up the department tree (departments without a leader are passed over; the
 * applicant never approves their own document); `role` = every active user with that role;
 * `users` = named users.
 */
export const approverRule = z.discriminatedUnion('type', [
  z.object({ type: z.literal('leader'), level: z.number().int().min(1, { error: '层级从 1 开始' }).max(10) }),
  z.object({ type: z.literal('role'), role: z.enum(ROLES, { error: '角色不正确' }) }),
  z.object({ type: z.literal('users'), userIds: z.array(idSchema).min(1, { error: '请至少选择一位审批人' }).max(20) }),
]);
export type ApproverRule = z.infer<typeof approverRule>;

/** A step applies only when every given condition holds (amount in fen). */
export const stepCondition = z.object({
  /** amount > amountGt */
  amountGt: moneyAmount.optional(),
  /** amount <= amountLte */
  amountLte: moneyAmount.optional(),
  /** attributes.category (string or list) intersects these */
  categories: z.array(z.string().max(50)).max(50).optional(),
  /** the applicant's department is inside one of these subtrees */
  departmentIds: z.array(idSchema).max(50).optional(),
});
export type StepCondition = z.infer<typeof stepCondition>;

export const flowStep = z.object({
  name: z.string().trim().min(1, { error: '请填写步骤名称' }).max(50),
  approvers: z.array(approverRule).min(1, { error: '每个步骤至少需要一条审批人规则' }).max(10),
  mode: z.enum(STEP_MODES, { error: '会签方式只能是 any（或签）或 all（会签）' }).default('any'),
  when: stepCondition.optional(),
});
export type FlowStep = z.infer<typeof flowStep>;

export const flowDefinition = z.object({
  steps: z.array(flowStep).min(1, { error: '流程至少需要一个步骤' }).max(20),
  cc: z.array(approverRule).max(10).default([]),
});
export type FlowDefinition = z.infer<typeof flowDefinition>;

/** `POST /api/approval-flows`: publishes a new version for the document type (admin). */
export const createFlowBody = z.object({
  docType: z.enum(APPROVAL_DOC_TYPES, { error: '单据类型不正确' }),
  name: z.string().trim().min(1, { error: '请填写流程名称' }).max(LIMITS.nameMax),
  definition: flowDefinition,
});

export const approvalListQuery = z.object({
  box: z.enum(APPROVAL_BOXES, { error: 'box 只能是 todo、mine、cc 或 done' }).default('todo'),
  docType: z.enum(APPROVAL_DOC_TYPES, { error: '单据类型不正确' }).optional(),
  limit: z.coerce.number({ error: 'limit 必须是数字' }).int().min(1).max(LIMITS.listLimitMax).default(LIMITS.listLimitDefault),
  cursor: z.string().max(200, { error: 'cursor 无效' }).optional(),
});

/** `GET /api/approvals/counts`: exact sizes of the four boxes (todo = waiting for the caller now). */
export const approvalCounts = z.object({
  todo: z.number().int(),
  mine: z.number().int(),
  cc: z.number().int(),
  done: z.number().int(),
});
export type ApprovalCounts = z.infer<typeof approvalCounts>;

export const approvalActionParams = z.object({
  id: idSchema,
  action: z.enum(APPROVAL_ACTIONS, { error: '不支持的审批操作' }),
});

/** Body of `POST /api/approvals/:id/actions/:action`. reject needs a comment; transfer / add_approver a user. */
export const approvalActionBody = z.object({
  comment: z.string({ error: '意见必须是文本' }).trim().max(1000, { error: '意见最多 1000 个字符' }).optional(),
  toUserId: idSchema.optional(),
});
export type ApprovalActionBody = z.infer<typeof approvalActionBody>;

const userRef = z.object({ id: idSchema, name: z.string() });

export const approvalItem = z.object({
  id: idSchema,
  docType: z.enum(APPROVAL_DOC_TYPES),
  docId: idSchema,
  title: z.string(),
  summary: z.string(),
  amount: z.object({ amount: z.number().int(), currency: z.string() }).nullable(),
  status: z.enum(APPROVAL_STATUSES),
  applicant: userRef,
  currentStep: z.object({ index: z.number().int(), name: z.string() }).nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
  decidedAt: isoTime.nullable(),
});
export type ApprovalItem = z.infer<typeof approvalItem>;

export const approvalTask = z.object({
  id: idSchema,
  approver: userRef,
  status: z.enum(['pending', 'approved', 'rejected', 'returned', 'transferred', 'cancelled']),
  comment: z.string().nullable(),
  actedAt: isoTime.nullable(),
  added: z.boolean(),
});

export const approvalDetail = approvalItem.extend({
  flow: z.object({ id: idSchema, name: z.string(), version: z.number().int() }),
  steps: z.array(
    z.object({
      index: z.number().int(),
      round: z.number().int(),
      name: z.string(),
      mode: z.enum(STEP_MODES),
      status: z.string(),
      tasks: z.array(approvalTask),
    }),
  ),
  cc: z.array(userRef),
  history: z.array(
    z.object({
      action: z.string(),
      actor: userRef.nullable(),
      target: userRef.nullable(),
      stepIndex: z.number().int().nullable(),
      comment: z.string().nullable(),
      via: z.enum(['app', 'card', 'system']),
      at: isoTime,
    }),
  ),
  /** What the caller may do now. */
  availableActions: z.array(z.enum(APPROVAL_ACTIONS)),
});
export type ApprovalDetail = z.infer<typeof approvalDetail>;

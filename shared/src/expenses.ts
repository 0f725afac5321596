import { z } from 'zod';
import { ROLES } from './auth';
import { idSchema, isoTime, LIMITS, listQuery, moneyAmount } from './common';

export const DEFAULT_EXPENSE_CATEGORIES = ['差旅', '交通', '住宿', '招待', '礼品', '其他'] as const;
export const CLAIM_STATUSES = ['draft', 'pending', 'approved', 'rejected', 'reimbursed'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const ADVANCE_STATUSES = ['draft', 'pending', 'approved', 'rejected', 'settled'] as const;
export type AdvanceStatus = (typeof ADVANCE_STATUSES)[number];
export const REIMBURSE_METHODS = ['bank_transfer', 'cash', 'wechat', 'alipay', 'other'] as const;
export const EXPENSE_LIMITS = { linesMax: 50, vouchersMax: 30 } as const;

const positiveFen = moneyAmount.refine((v) => v > 0, { error: '金额必须大于 0' });
const day = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' });

export const expenseLineInput = z.object({
  spentOn: day,
  categoryId: idSchema,
  amount: positiveFen,
  description: z.string({ error: '说明必须是文本' }).trim().max(500, { error: '说明最多 500 个字符' }).default(''),
  customerId: idSchema.nullish(),
  opportunityId: idSchema.nullish(),
  visitId: idSchema.nullish(),
});

/** Create or replace a draft claim (lines and vouchers replace the previous ones). */
export const claimBody = z.object({
  title: z.string({ error: '标题必须是文本' }).trim().min(1, { error: '请填写报销标题' }).max(LIMITS.nameMax),
  lines: z.array(expenseLineInput).min(1, { error: '请至少填写一条费用明细' }).max(EXPENSE_LIMITS.linesMax),
  voucherFileIds: z.array(idSchema).max(EXPENSE_LIMITS.vouchersMax, { error: '凭证最多 30 个' }).default([]),
});
export type ClaimBody = z.infer<typeof claimBody>;

export const claimListQuery = listQuery.extend({
  status: z.enum(CLAIM_STATUSES, { error: '状态不正确' }).optional(),
});

export const reimburseBody = z.object({
  reimbursedOn: day,
  method: z.enum(REIMBURSE_METHODS, { error: '付款方式不正确' }),
  /** cash paid; when given it must equal total minus offsets */
  amount: moneyAmount.optional(),
  offsets: z
    .array(z.object({ advanceId: idSchema, amount: positiveFen }))
    .max(20)
    .default([]),
});

export const expenseCategoryBody = z.object({
  name: z.string().trim().min(1, { error: '请填写科目名称' }).max(50, { error: '科目名称最多 50 个字符' }),
  sortOrder: z.number().int().min(0).max(9999).default(0),
  isActive: z.boolean().default(true),
});
export const expenseLimitBody = z.object({
  categoryId: idSchema,
  role: z.enum(ROLES, { error: '角色不正确' }),
  /** null removes the limit */
  maxPerClaim: moneyAmount.nullable(),
});

export const advanceBody = z.object({
  amount: positiveFen,
  reason: z.string({ error: '事由必须是文本' }).trim().min(1, { error: '请填写借支事由' }).max(500),
});

/** `GET /api/advances`: the list convention plus whose advances and which status. */
export const advanceListQuery = listQuery.extend({
  userId: idSchema.optional(),
  status: z.enum(ADVANCE_STATUSES, { error: '状态不正确' }).optional(),
});

export const expenseTotalsQuery = z.object({
  groupBy: z.enum(['user', 'department', 'customer', 'category'], { error: 'groupBy 只能是 user、department、customer 或 category' }),
  from: day,
  to: day,
});

const userRef = z.object({ id: idSchema, name: z.string() });
export const claimView = z.object({
  id: idSchema,
  title: z.string(),
  status: z.enum(CLAIM_STATUSES),
  user: userRef,
  departmentId: idSchema.nullable(),
  total: z.object({ amount: z.number().int(), currency: z.string() }),
  offsetAmount: z.number().int(),
  paidAmount: z.number().int().nullable(),
  reimbursedOn: z.string().nullable(),
  reimburseMethod: z.enum(REIMBURSE_METHODS).nullable(),
  approvalInstanceId: idSchema.nullable(),
  submittedAt: isoTime.nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
  lines: z
    .array(
      z.object({
        id: idSchema,
        spentOn: z.string(),
        categoryId: idSchema,
        categoryName: z.string(),
        amount: z.number().int(),
        description: z.string(),
        customerId: idSchema.nullable(),
        opportunityId: idSchema.nullable(),
        visitId: idSchema.nullable(),
      }),
    )
    .optional(),
  vouchers: z.array(z.object({ id: idSchema, url: z.string(), contentType: z.string(), size: z.number().int() })).optional(),
});
export type ClaimView = z.infer<typeof claimView>;

export const advanceView = z.object({
  id: idSchema,
  user: userRef,
  amount: z.number().int(),
  currency: z.string(),
  reason: z.string(),
  status: z.enum(ADVANCE_STATUSES),
  offsetAmount: z.number().int(),
  outstanding: z.number().int(),
  approvalInstanceId: idSchema.nullable(),
  createdAt: isoTime,
  offsets: z.array(z.object({ claimId: idSchema, amount: z.number().int(), at: isoTime })).optional(),
});

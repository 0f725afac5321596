import { z } from 'zod';
import { CURRENCIES, idSchema, optionalText } from './common';
import { calendarDate } from './catalog';
import { lineInput, lineOut } from './opportunities';

export const QUOTE_STATUSES = ['draft', 'pending_approval', 'approved', 'rejected', 'accepted', 'superseded'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];
export const QUOTE_STATUS_LABELS: Record<QuoteStatus, string> = {
  draft: '草稿',
  pending_approval: '折扣审批中',
  approved: '已生效',
  rejected: '审批驳回',
  accepted: '客户已接受',
  superseded: '已被新版本取代',
};
/** Default discount above which a quote needs approval (corp setting `quoteDiscountApprovalBp`). */
export const DEFAULT_QUOTE_DISCOUNT_APPROVAL_BP = 1500;

/** Push down from the opportunity's lines; `lines` replaces the copy when given. */
export const quoteCreateBody = z.strictObject({
  validUntil: calendarDate.optional(),
  note: optionalText('备注', 1000),
  lines: z.array(lineInput).min(1, { error: '报价单至少一行' }).max(200).optional(),
});
export const quotePatch = z.strictObject({
  validUntil: calendarDate.optional(),
  note: optionalText('备注', 1000),
  lines: z.array(lineInput).min(1, { error: '报价单至少一行' }).max(200).optional(),
});
export const quoteOut = z.object({
  id: idSchema,
  opportunityId: idSchema,
  number: z.string(),
  version: z.number(),
  status: z.enum(QUOTE_STATUSES),
  validUntil: z.string(),
  amount: z.object({ amount: z.number(), currency: z.enum(CURRENCIES) }),
  listAmount: z.number(),
  maxDiscountBp: z.number(),
  needsApproval: z.boolean(),
  approvalId: idSchema.nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  lines: z.array(lineOut),
});
export type QuoteOut = z.infer<typeof quoteOut>;

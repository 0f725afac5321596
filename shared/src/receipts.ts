import { z } from 'zod';
import { idSchema, isoTime, LIMITS, listQuery, listResponse, moneyAmount, optionalText, requiredText } from './common';
import { dateOnly, MONEY_LIMITS } from './contracts';

export const RECEIPT_METHODS = ['bank_transfer', 'cash', 'cheque', 'acceptance_bill', 'wechat', 'alipay', 'other'] as const;
export const RECEIVABLE_SOURCES = ['shipment', 'manual', 'erp'] as const;
export const RECEIVABLE_STATUSES = ['open', 'settled'] as const;

const positiveMoney = moneyAmount.min(1, { error: '金额必须大于 0' });

export const allocationInput = z.object({ instalmentId: idSchema, amount: positiveMoney });

/**
 * `POST /api/receipts` (收款单): money received against a contract. `allocations` must sum to the
 * amount; without them the amount is allocated to the earliest instalments still due.
 */
export const createReceiptBody = z.object({
  contractId: idSchema,
  amount: positiveMoney,
  receivedOn: dateOnly,
  method: z.enum(RECEIPT_METHODS, { error: '收款方式不正确' }).default('bank_transfer'),
  allocations: z.array(allocationInput).min(1).max(MONEY_LIMITS.allocationsMax).optional(),
  remark: optionalText('备注', LIMITS.longTextMax),
});
export type CreateReceiptBody = z.infer<typeof createReceiptBody>;

/** `POST /api/receipts/:id/refunds` (退款单): never beyond what is left of the receipt. */
export const createRefundBody = z.object({
  amount: positiveMoney,
  refundedOn: dateOnly,
  reason: requiredText('退款原因', 500),
  /** Which instalments give the money back; default: latest periods first. */
  allocations: z.array(allocationInput).min(1).max(MONEY_LIMITS.allocationsMax).optional(),
});

export const receiptListQuery = listQuery.extend({ contractId: idSchema.optional(), customerId: idSchema.optional() });

/** `POST /api/receivables` (应收单) made by hand; shipments of orders without a contract make their own. */
export const createReceivableBody = z.object({
  customerId: idSchema,
  contractId: idSchema.optional(),
  orderId: idSchema.optional(),
  amount: positiveMoney,
  dueOn: dateOnly,
  remark: optionalText('备注', LIMITS.longTextMax),
});
/** `POST /api/receivables/:id/changes` (应收变更): a signed adjustment with a reason. */
export const receivableChangeBody = z.object({
  delta: moneyAmount.refine((v) => v !== 0, { error: '调整金额不能为 0' }),
  reason: requiredText('变更原因', 500),
});
/** `POST /api/receivables/:id/settlements`: money received against a receivable. */
export const settleReceivableBody = z.object({ amount: positiveMoney });
export const receivableListQuery = listQuery.extend({ customerId: idSchema.optional(), status: z.enum(RECEIVABLE_STATUSES).optional() });

export const receivableView = z.object({
  id: z.string(),
  number: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  contractId: z.string().nullable(),
  orderId: z.string().nullable(),
  ownerId: z.string(),
  sourceType: z.enum(RECEIVABLE_SOURCES),
  sourceId: z.string().nullable(),
  amount: z.number(),
  /** Sum of the signed 应收变更. */
  adjustedAmount: z.number(),
  receivedAmount: z.number(),
  /** amount + adjustedAmount − receivedAmount (never below 0). */
  outstanding: z.number(),
  dueOn: z.string(),
  status: z.enum(RECEIVABLE_STATUSES),
  origin: z.enum(['crm', 'erp']),
  externalCode: z.string().nullable(),
  remark: z.string().nullable(),
  changes: z
    .array(z.object({ id: z.string(), number: z.string(), delta: z.number(), reason: z.string(), createdBy: z.string().nullable(), createdAt: isoTime }))
    .optional(),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export const receivableListResponse = listResponse(receivableView);

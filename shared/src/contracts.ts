import { z } from 'zod';
import { CURRENCIES, idSchema, isoTime, LIMITS, listQuery, listResponse, moneyAmount, optionalText, requiredText } from './common';

/** Document number prefixes per type: `HT-2026-000123`. */
export const DOC_PREFIXES = {
  contract: 'HT',
  contract_change: 'HTBG',
  order: 'DD',
  order_change: 'DDBG',
  plan_change: 'HKBG',
  receipt: 'SK',
  refund: 'TK',
  receivable: 'YS',
  receivable_change: 'YSBG',
  shipment: 'FH',
  return: 'TH',
  invoice: 'FP',
  red_invoice: 'HZFP',
} as const;
export type DocType = keyof typeof DOC_PREFIXES;

/** draft → pending (in approval) → effective | rejected (back to editable); effective → terminated. */
export const CONTRACT_STATUSES = ['draft', 'pending', 'effective', 'rejected', 'terminated'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
/** Approval decisions go through `/api/approvals/:id/actions/:action`; these are the contract's own. */
export const CONTRACT_ACTIONS = ['submit', 'terminate'] as const;
export const CHANGE_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const ORDER_STATUSES = ['open', 'closed', 'cancelled'] as const;
export const INSTALMENT_STATUSES = ['pending', 'partial', 'done', 'overdue'] as const;
export type InstalmentStatus = (typeof INSTALMENT_STATUSES)[number];
/** Where a document came from: made in the CRM, or synced from the ERP (then read-only here). */
export const DOC_ORIGINS = ['crm', 'erp'] as const;
export type DocOrigin = (typeof DOC_ORIGINS)[number];

export const MONEY_LIMITS = { linesMax: 200, instalmentsMax: 120, allocationsMax: 120, serialsMax: 500 } as const;

const positiveMoney = moneyAmount.min(1, { error: '金额必须大于 0' });
const nonNegativeMoney = moneyAmount.min(0, { error: '金额不能为负' });
/** A calendar date `YYYY-MM-DD` (Asia/Shanghai). */
export const dateOnly = z.string({ error: '日期必须是文本' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' });
/** Quantity with at most 3 decimals (stored in thousandths). */
export const quantity = z
  .number({ error: '数量必须是数字' })
  .positive({ error: '数量必须大于 0' })
  .max(1e9, { error: '数量过大' })
  .refine((q) => Math.abs(Math.round(q * 1000) - q * 1000) < 1e-6, { error: '数量最多 3 位小数' });

/** One line of a contract or order: product by id (or free text), quantity, unit price, discount in fen. */
export const docLineInput = z.object({
  productId: idSchema.optional(),
  skuId: idSchema.optional(),
  name: requiredText('品名'),
  quantity,
  unitPrice: nonNegativeMoney,
  discount: nonNegativeMoney.default(0),
  taxRateBp: z.number().int().min(0).max(10000, { error: '税率不正确' }).default(1300),
});
export type DocLineInput = z.infer<typeof docLineInput>;

export const instalmentInput = z.object({
  /** Keep an existing instalment (plan change): its id. */
  id: idSchema.optional(),
  period: z.number({ error: '期数必须是数字' }).int().min(1, { error: '期数从 1 开始' }).max(MONEY_LIMITS.instalmentsMax),
  dueOn: dateOnly,
  amount: positiveMoney,
});
export const instalmentsInput = z
  .array(instalmentInput)
  .min(1, { error: '至少一期回款计划' })
  .max(MONEY_LIMITS.instalmentsMax, { error: `最多 ${MONEY_LIMITS.instalmentsMax} 期` });

/** `POST /api/contracts`: lines, or copied from a won opportunity / accepted quote. */
export const createContractBody = z.object({
  customerId: idSchema,
  title: requiredText('合同名称'),
  opportunityId: idSchema.optional(),
  quoteId: idSchema.optional(),
  signedOn: dateOnly,
  startOn: dateOnly.optional(),
  endOn: dateOnly.optional(),
  currency: z.enum(CURRENCIES).default('CNY'),
  /** Required when there are no lines; must equal the lines' sum when both are given. */
  amount: positiveMoney.optional(),
  lines: z.array(docLineInput).max(MONEY_LIMITS.linesMax).optional(),
  ownerId: idSchema.optional(),
  remark: optionalText('备注', LIMITS.longTextMax),
});
export type CreateContractBody = z.infer<typeof createContractBody>;

/** `PATCH /api/contracts/:id`: only while draft/rejected; afterwards use a contract change. */
export const patchContractBody = z.object({
  title: requiredText('合同名称').optional(),
  signedOn: dateOnly.optional(),
  startOn: dateOnly.nullable().optional(),
  endOn: dateOnly.nullable().optional(),
  amount: positiveMoney.optional(),
  lines: z.array(docLineInput).max(MONEY_LIMITS.linesMax).optional(),
  remark: optionalText('备注', LIMITS.longTextMax).nullable(),
});

export const contractActionParams = z.object({ id: idSchema, action: z.enum(CONTRACT_ACTIONS, { error: '不支持的操作' }) });
export const contractActionBody = z.object({ reason: optionalText('原因', 500) });

export const contractListQuery = listQuery.extend({
  status: z.enum(CONTRACT_STATUSES).optional(),
  customerId: idSchema.optional(),
});

/** `PUT /api/contracts/:id/payment-plan`: first plan; instalments must sum to the contract amount. */
export const setPlanBody = z.object({ instalments: instalmentsInput });

/** `POST /api/contracts/:id/changes` (合同变更): new amount / lines / term, with a plan when the amount changes. */
export const contractChangeBody = z.object({
  reason: requiredText('变更原因', 500),
  amount: positiveMoney.optional(),
  lines: z.array(docLineInput).max(MONEY_LIMITS.linesMax).optional(),
  endOn: dateOnly.nullable().optional(),
  startOn: dateOnly.nullable().optional(),
  /** The new instalments (kept ones by id) when the amount changes and a plan exists. */
  instalments: instalmentsInput.optional(),
});

/** `POST /api/contracts/:id/plan-changes` (回款计划变更). */
export const planChangeBody = z.object({ reason: requiredText('变更原因', 500), instalments: instalmentsInput });

export const lineView = z.object({
  id: z.string(),
  productId: z.string().nullable(),
  skuId: z.string().nullable(),
  name: z.string(),
  quantity: z.number(),
  unitPrice: z.number(),
  discount: z.number(),
  amount: z.number(),
  taxRateBp: z.number(),
  shippedQuantity: z.number().optional(),
});
export const instalmentView = z.object({
  id: z.string(),
  period: z.number(),
  dueOn: z.string(),
  amount: z.number(),
  receivedAmount: z.number(),
  outstanding: z.number(),
  status: z.enum(INSTALMENT_STATUSES),
});
export const contractView = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  customerId: z.string(),
  opportunityId: z.string().nullable(),
  quoteId: z.string().nullable(),
  ownerId: z.string(),
  status: z.enum(CONTRACT_STATUSES),
  signedOn: z.string(),
  startOn: z.string().nullable(),
  endOn: z.string().nullable(),
  amount: z.number(),
  currency: z.string(),
  receivedAmount: z.number(),
  refundedAmount: z.number(),
  invoicedAmount: z.number(),
  shippedAmount: z.number(),
  version: z.number(),
  origin: z.enum(DOC_ORIGINS),
  externalCode: z.string().nullable(),
  remark: z.string().nullable(),
  /** The customer's name (list and detail). */
  customerName: z.string(),
  /** The latest approval instance of the contract (`/api/approvals/:id`), null when never submitted. */
  approvalId: z.string().nullable(),
  lines: z.array(lineView).optional(),
  instalments: z.array(instalmentView).optional(),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type ContractView = z.infer<typeof contractView>;

export const contractListResponse = listResponse(contractView);

/** `GET /api/instalments`: instalments of effective contracts in the caller's (money) scope, most overdue first. */
export const instalmentListQuery = listQuery.extend({
  /** Computed from the money and today's date (Asia/Shanghai), not the nightly job's flag. */
  status: z.enum(INSTALMENT_STATUSES, { error: 'status 只能是 overdue、pending、partial 或 done' }).optional(),
  contractId: idSchema.optional(),
  customerId: idSchema.optional(),
});
export const instalmentListItem = z.object({
  id: z.string(),
  period: z.number(),
  contractId: z.string(),
  contractNo: z.string(),
  contractTitle: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  ownerId: z.string(),
  ownerName: z.string(),
  dueDate: z.string(),
  amount: z.number(),
  received: z.number(),
  outstanding: z.number(),
  status: z.enum(INSTALMENT_STATUSES),
  /** Whole days past the due date while money is owed; 0 otherwise. */
  daysOverdue: z.number(),
  currency: z.string(),
});
export type InstalmentListItem = z.infer<typeof instalmentListItem>;
export const instalmentListResponse = listResponse(instalmentListItem);

export const changeView = z.object({
  id: z.string(),
  number: z.string(),
  contractId: z.string(),
  status: z.enum(CHANGE_STATUSES),
  reason: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  createdBy: z.string().nullable(),
  createdAt: isoTime,
});

/** `POST /api/orders`: from a contract (lines copied) or directly with lines. */
export const createOrderBody = z.object({
  contractId: idSchema.optional(),
  customerId: idSchema.optional(),
  orderedOn: dateOnly,
  lines: z.array(docLineInput).min(1).max(MONEY_LIMITS.linesMax).optional(),
  remark: optionalText('备注', LIMITS.longTextMax),
});
/** `POST /api/orders/:id/changes` (订单变更): new quantity / price per line (never below shipped). */
export const orderChangeBody = z.object({
  reason: requiredText('变更原因', 500),
  lines: z
    .array(z.object({ lineId: idSchema, quantity: quantity.optional(), unitPrice: nonNegativeMoney.optional(), discount: nonNegativeMoney.optional() }))
    .min(1)
    .max(MONEY_LIMITS.linesMax),
});
export const orderListQuery = listQuery.extend({ contractId: idSchema.optional(), customerId: idSchema.optional() });

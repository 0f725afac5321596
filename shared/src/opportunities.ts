import { z } from 'zod';
import { CURRENCIES, idSchema, listQuery, LIMITS, moneyAmount, optionalText, requiredText } from './common';
import { calendarDate, quantitySchema } from './catalog';

export const OPPORTUNITY_STATUSES = ['open', 'won', 'lost'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];
export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
/** Fields a stage may require before it can be entered (entry requirements). */
export const STAGE_REQUIRED_FIELDS = ['need', 'painPoints', 'budget', 'expectedCloseDate', 'source', 'lines', 'contacts', 'decisionMaker', 'quote', 'winningQuote', 'lostReason'] as const;
export type StageRequiredField = (typeof STAGE_REQUIRED_FIELDS)[number];
/** Chinese names of required fields, used in `stage_requirement_unmet` messages and forms. */
export const STAGE_FIELD_LABELS: Record<StageRequiredField, string> = {
  need: '客户需求',
  painPoints: '痛点',
  budget: '预算',
  expectedCloseDate: '预计成交日期',
  source: '商机来源',
  lines: '商机明细（至少一行产品）',
  contacts: '商机联系人',
  decisionMaker: '决策者（角色为决策者的商机联系人）',
  quote: '报价单',
  winningQuote: '赢单报价单',
  lostReason: '输单原因',
};
export const OPPORTUNITY_CONTACT_ROLES = ['decision_maker', 'influencer', 'user', 'technical', 'procurement', 'finance', 'other'] as const;
export const OPPORTUNITY_CONTACT_ROLE_LABELS: Record<(typeof OPPORTUNITY_CONTACT_ROLES)[number], string> = {
  decision_maker: '决策者',
  influencer: '影响者',
  user: '使用者',
  technical: '技术把关',
  procurement: '采购',
  finance: '财务',
  other: '其他',
};
export const ATTITUDES = ['support', 'neutral', 'oppose'] as const;
export const ATTITUDE_LABELS: Record<(typeof ATTITUDES)[number], string> = { support: '支持', neutral: '中立', oppose: '反对' };
export const SUPPORT_STATUSES = ['requested', 'in_progress', 'done', 'cancelled'] as const;

/** Discount in basis points of the list price (1500 = 15% off, i.e. 八五折). */
export const discountBp = z.number({ error: '折扣必须是数字' }).int({ error: '折扣以万分比表示，必须是整数（1500 = 优惠 15%）' }).min(0, { error: '折扣不能为负' }).max(10000, { error: '折扣不能超过 100%' });

export const lineInput = z.strictObject({
  skuId: idSchema,
  quantity: quantitySchema,
  discountBp: discountBp.default(0),
  /** Overrides the price-list price (fen); omitted = the applicable price list's price. */
  listPrice: moneyAmount.min(0, { error: '价格不能为负' }).optional(),
  remark: optionalText('备注', 200),
});
export type LineInput = z.infer<typeof lineInput>;
export const lineOut = z.object({
  id: idSchema,
  skuId: idSchema,
  productName: z.string(),
  skuName: z.string(),
  unit: z.string(),
  priceListId: idSchema.nullable(),
  listPrice: z.number(),
  quantity: z.number(),
  discountBp: z.number(),
  amount: z.number(),
  remark: z.string().nullable(),
});

const stageRequirements = z.strictObject({
  fields: z.array(z.enum(STAGE_REQUIRED_FIELDS)).default([]),
  checklist: z.array(z.strictObject({ key: z.string().trim().min(1).max(50), label: requiredText('检查项', 100) })).max(30).default([]),
});
export const stageInput = z.strictObject({
  /** Stable key within the set; `allowedMoves` refer to keys. */
  key: z.string().trim().regex(/^[a-z0-9_]{1,40}$/, { error: '阶段标识只能是小写字母、数字和下划线' }),
  name: requiredText('阶段名称', 50),
  winRate: z.number().int().min(0, { error: '赢率在 0–100 之间' }).max(100, { error: '赢率在 0–100 之间' }),
  kind: z.enum(STAGE_KINDS).default('open'),
  requirements: stageRequirements.default({ fields: [], checklist: [] }),
  /** Keys of stages this one may move to; omitted = the default rule (next stage, rollback if allowed, won/lost). */
  allowedMoves: z.array(z.string()).max(30).nullable().optional(),
});
export const stageSetBody = z.strictObject({
  name: requiredText('阶段模板名称', 50),
  businessLine: requiredText('业务线', 50),
  isDefault: z.boolean().default(false),
  allowRollback: z.boolean().default(true),
  allowSkip: z.boolean().default(false),
  allowReopen: z.boolean().default(false),
  stages: z.array(stageInput).min(2, { error: '至少需要两个阶段' }).max(20),
});
export const stageOut = z.object({
  id: idSchema,
  key: z.string(),
  name: z.string(),
  winRate: z.number(),
  kind: z.enum(STAGE_KINDS),
  sortOrder: z.number(),
  requirements: z.object({ fields: z.array(z.string()), checklist: z.array(z.object({ key: z.string(), label: z.string() })) }),
  allowedMoves: z.array(z.string()).nullable(),
});
export const stageSetOut = z.object({
  id: idSchema,
  name: z.string(),
  businessLine: z.string(),
  isDefault: z.boolean(),
  allowRollback: z.boolean(),
  allowSkip: z.boolean(),
  allowReopen: z.boolean(),
  stages: z.array(stageOut),
});

export const opportunityBody = z.strictObject({
  customerId: idSchema,
  name: requiredText('商机名称'),
  businessLine: optionalText('业务线', 50),
  source: optionalText('商机来源', 50),
  need: optionalText('客户需求', LIMITS.longTextMax),
  painPoints: optionalText('痛点', LIMITS.longTextMax),
  budget: moneyAmount.min(0).nullable().optional(),
  currency: z.enum(CURRENCIES).default('CNY'),
  expectedCloseDate: calendarDate.nullable().optional(),
  /** Only when there are no lines. */
  amount: moneyAmount.min(0).optional(),
  lines: z.array(lineInput).max(200).optional(),
  contactIds: z.array(idSchema).max(50).optional(),
});
export const opportunityPatch = opportunityBody
  .omit({ customerId: true, lines: true, contactIds: true, currency: true })
  .partial()
  .extend({ checklist: z.record(z.string(), z.boolean()).optional() });
export const linesBody = z.strictObject({ lines: z.array(lineInput).max(200) });
export const moveStageBody = z.strictObject({
  stageId: idSchema,
  /** Won: the winning quote (defaults to the accepted quote). */
  quoteId: idSchema.optional(),
  lostReason: optionalText('输单原因', 500),
  competitor: optionalText('竞争对手', 100),
  note: optionalText('备注', 500),
});
export const opportunityListQuery = listQuery.extend({
  customerId: idSchema.optional(),
  stageId: idSchema.optional(),
  status: z.enum(OPPORTUNITY_STATUSES).optional(),
  businessLine: z.string().max(50).optional(),
});
const stageRef = z.object({ id: idSchema, name: z.string(), winRate: z.number(), kind: z.enum(STAGE_KINDS) });
export const opportunityOut = z.object({
  id: idSchema,
  name: z.string(),
  customer: z.object({ id: idSchema, name: z.string() }),
  owner: z.object({ id: idSchema, name: z.string() }),
  stageSetId: idSchema,
  stage: stageRef,
  status: z.enum(OPPORTUNITY_STATUSES),
  amount: z.object({ amount: z.number(), currency: z.enum(CURRENCIES) }),
  amountManual: z.boolean(),
  weightedAmount: z.number(),
  expectedCloseDate: z.string().nullable(),
  businessLine: z.string().nullable(),
  source: z.string().nullable(),
  need: z.string().nullable(),
  painPoints: z.string().nullable(),
  budget: z.number().nullable(),
  checklist: z.record(z.string(), z.boolean()),
  winningQuoteId: idSchema.nullable(),
  lostReason: z.string().nullable(),
  competitor: z.string().nullable(),
  stageEnteredAt: z.string(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lines: z.array(lineOut).optional(),
});
export type OpportunityOut = z.infer<typeof opportunityOut>;
export const stageHistoryOut = z.object({
  id: idSchema,
  fromStage: z.object({ id: idSchema, name: z.string() }).nullable(),
  toStage: z.object({ id: idSchema, name: z.string() }),
  userId: idSchema.nullable(),
  enteredAt: z.string(),
  leftAt: z.string().nullable(),
  /** Seconds spent in `toStage` (up to now while current). */
  durationSeconds: z.number(),
  note: z.string().nullable(),
});

export const opportunityContactBody = z.strictObject({
  contactId: idSchema,
  role: z.enum(OPPORTUNITY_CONTACT_ROLES, { error: '角色不正确' }),
  attitude: z.enum(ATTITUDES, { error: '态度只能是支持、中立或反对' }).default('neutral'),
  influence: z.number().int().min(1, { error: '影响力 1–5' }).max(5, { error: '影响力 1–5' }).default(3),
  /** The opportunity-contact id this person reports to (relationship map edge). */
  reportsToId: idSchema.nullable().optional(),
  note: optionalText('备注', 500),
});
export const opportunityContactPatch = opportunityContactBody.omit({ contactId: true }).partial();
export const opportunityContactOut = z.object({
  id: idSchema,
  contactId: idSchema,
  name: z.string(),
  title: z.string().nullable(),
  role: z.enum(OPPORTUNITY_CONTACT_ROLES),
  attitude: z.enum(ATTITUDES),
  influence: z.number(),
  reportsToId: idSchema.nullable(),
  note: z.string().nullable(),
});
type MapNode = z.infer<typeof opportunityContactOut> & { children: MapNode[] };
export const relationshipMapOut = z.object({
  nodes: z.array(opportunityContactOut),
  edges: z.array(z.object({ from: idSchema, to: idSchema, type: z.literal('reports_to') })),
  /** Forest by reports-to, for drawing an org-chart-like map. */
  roots: z.array(z.any() as z.ZodType<MapNode>),
});

export const supportRequestBody = z.strictObject({
  need: requiredText('支持内容', 1000),
  providerUserId: idSchema.nullable().optional(),
  dueDate: calendarDate.nullable().optional(),
  bidRequired: z.boolean().default(false),
});
export const supportRequestPatch = supportRequestBody.partial().extend({
  status: z.enum(SUPPORT_STATUSES).optional(),
  result: optionalText('处理结果', 2000),
});
export const supportRequestOut = z.object({
  id: idSchema,
  opportunityId: idSchema,
  need: z.string(),
  provider: z.object({ id: idSchema, name: z.string() }).nullable(),
  dueDate: z.string().nullable(),
  bidRequired: z.boolean(),
  status: z.enum(SUPPORT_STATUSES),
  result: z.string().nullable(),
  requestedBy: idSchema.nullable(),
  createdAt: z.string(),
});

export const pipelineQuery = z.object({
  scope: z.enum(['mine', 'team', 'all']).default('all'),
  stageSetId: idSchema.optional(),
  ownerId: idSchema.optional(),
  departmentId: idSchema.optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
});
export const forecastQuery = pipelineQuery.extend({ groupBy: z.enum(['month', 'owner', 'department']).default('month') });

/** `GET /api/pipeline/funnel`: every stage of the set with count, amount and weighted amount (fen). */
export const pipelineFunnelOut = z.object({
  stageSet: stageSetOut,
  stages: z.array(
    z.object({ stageId: idSchema, name: z.string(), kind: z.enum(STAGE_KINDS), winRate: z.number(), count: z.number(), amount: z.number(), weightedAmount: z.number() }),
  ),
});
/** `GET /api/pipeline/kanban`: a column per stage with totals and its first cards (largest amounts). */
export const pipelineKanbanOut = z.object({
  stageSetId: idSchema,
  columns: z.array(
    z.object({
      stage: stageRef,
      count: z.number(),
      amount: z.number(),
      cards: z.array(
        z.object({ id: idSchema, name: z.string(), customerName: z.string().nullable(), ownerName: z.string().nullable(), amount: z.number(), expectedCloseDate: z.string().nullable() }),
      ),
    }),
  ),
});
/** `GET /api/pipeline/forecast`: buckets by month (`YYYY-MM`, or `none`), owner id or department id. */
export const pipelineForecastOut = z.object({
  groupBy: z.enum(['month', 'owner', 'department']),
  items: z.array(
    z.object({ key: z.string(), label: z.string(), openCount: z.number(), openAmount: z.number(), weightedAmount: z.number(), wonCount: z.number(), wonAmount: z.number() }),
  ),
});

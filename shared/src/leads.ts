import { z } from 'zod';
import { calendarDate } from './catalog';
import { idSchema, isoTime, listQuery, mobileSchema, moneyAmount, optionalText } from './common';
import { ACTION_ROUTE_ACTIONS, actionBody, actionResult } from './pools';

export const LEAD_STATUSES = ['active', 'converted', 'discarded'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];
export const DEFAULT_LEAD_GRADES = ['A', 'B', 'C'] as const;

export const leadCreateBody = z.object({
  name: z.string({ error: '线索名称必须是文本' }).trim().min(1, { error: '请填写姓名' }).max(100, { error: '姓名最多 100 个字符' }),
  company: optionalText('公司', 200).nullable(),
  mobile: mobileSchema.nullable().optional(),
  wechatId: z.string().trim().max(64).nullable().optional(),
  region: optionalText('地区', 100).nullable(),
  source: optionalText('来源', 50).nullable(),
  grade: optionalText('线索等级', 16).nullable(),
  tags: z.array(z.string().trim().min(1).max(30)).max(30).optional(),
  need: optionalText('需求', 2000).nullable(),
  ownerId: idSchema.nullable().optional(),
  poolId: idSchema.optional(),
  campaignId: idSchema.nullable().optional(),
});
export type LeadCreateBody = z.infer<typeof leadCreateBody>;
export const leadListQuery = listQuery.extend({
  status: z.enum(LEAD_STATUSES).default('active'),
  grade: z.string().max(16).optional(),
  source: z.string().trim().max(50).optional(),
  campaignId: idSchema.optional(),
  ownerId: idSchema.optional(),
  poolId: idSchema.optional(),
});
export type LeadListQuery = z.infer<typeof leadListQuery>;
/** Editable lead fields (owner and pool change through the actions, status through discard / restore / convert). */
export const leadPatchBody = leadCreateBody.omit({ ownerId: true, poolId: true }).partial();
export type LeadPatchBody = z.infer<typeof leadPatchBody>;

export const leadItem = z.object({
  id: idSchema,
  name: z.string(),
  company: z.string().nullable(),
  mobile: z.string().nullable(),
  wechatId: z.string().nullable(),
  region: z.string().nullable(),
  source: z.string().nullable(),
  campaignId: idSchema.nullable(),
  grade: z.string().nullable(),
  tags: z.array(z.string()),
  need: z.string().nullable(),
  ownerId: idSchema.nullable(),
  ownerName: z.string().nullable(),
  poolId: idSchema.nullable(),
  status: z.enum(LEAD_STATUSES),
  externalContactId: idSchema.nullable(),
  convertedCustomerId: idSchema.nullable(),
  convertedContactId: idSchema.nullable(),
  lastFollowUpAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LeadItem = z.infer<typeof leadItem>;

/** Stable 409 codes of leads besides the pool engine's (POOL_RULE_CODES). */
export const LEAD_RULE_CODES = {
  duplicate: 'lead_duplicate',
  alreadyConverted: 'lead_already_converted',
  inPool: 'lead_in_pool',
  externalContactBound: 'external_contact_bound',
  mergeTargetRequired: 'merge_target_required',
} as const;

/** Actions of `POST /api/leads/:id/actions/:action`: the pool engine's plus `convert`. */
export const LEAD_ROUTE_ACTIONS = [...ACTION_ROUTE_ACTIONS, 'convert'] as const;
export type LeadRouteAction = (typeof LEAD_ROUTE_ACTIONS)[number];
export const leadActionParams = z.object({ id: idSchema, action: z.enum(LEAD_ROUTE_ACTIONS, { error: '不支持的操作' }) });

export const LEAD_CONVERT_MODES = ['new', 'merge'] as const;
export type LeadConvertMode = (typeof LEAD_CONVERT_MODES)[number];
/**
 * 线索转换: `new` creates a customer (+ contact) from the lead (fields below override the lead's);
 * `merge` adds the contact to an existing customer (`customerId`, from the duplicate check).
 * An opportunity is created when `opportunity` is given.
 */
export const leadConvertBody = z
  .object({
    mode: z.enum(LEAD_CONVERT_MODES, { error: '转换方式只能是 new 或 merge' }),
    customerId: idSchema.optional(),
    customer: z
      .object({
        name: optionalText('客户名称', 100),
        industry: optionalText('行业', 50),
        grade: optionalText('客户等级', 16),
        region: optionalText('地区', 100),
      })
      .optional(),
    contact: z
      .object({
        name: optionalText('联系人姓名', 50),
        mobile: mobileSchema.optional(),
        title: optionalText('职务', 50),
      })
      .optional(),
    opportunity: z
      .object({
        name: z.string({ error: '商机名称必须是文本' }).trim().min(1, { error: '请填写商机名称' }).max(100, { error: '商机名称最多 100 个字符' }),
        amount: moneyAmount.min(0).optional(),
        expectedCloseDate: calendarDate.nullable().optional(),
      })
      .optional(),
  })
  .refine((b) => b.mode !== 'merge' || !!b.customerId, { error: '合并到已有客户时请选择客户', path: ['customerId'] });
export type LeadConvertBody = z.infer<typeof leadConvertBody>;
/** The action body of the lead route: the pool actions' fields plus the convert fields (checked for convert only). */
export const leadActionBody = actionBody.extend({
  mode: z.enum(LEAD_CONVERT_MODES, { error: '转换方式只能是 new 或 merge' }).optional(),
  customerId: idSchema.optional(),
  customer: z.record(z.string(), z.unknown()).optional(),
  contact: z.record(z.string(), z.unknown()).optional(),
  opportunity: z.record(z.string(), z.unknown()).optional(),
});
export type LeadActionBody = z.infer<typeof leadActionBody>;

export const leadConversionItem = z.object({
  mode: z.enum(LEAD_CONVERT_MODES),
  customerId: idSchema,
  customerName: z.string().nullable(),
  contactId: idSchema,
  opportunityId: idSchema.nullable(),
  campaignId: idSchema.nullable(),
  convertedById: idSchema,
  convertedByName: z.string().nullable(),
  convertedAt: z.string(),
  /** Seconds from the lead's creation to its conversion. */
  durationSeconds: z.number(),
  followUpCount: z.number(),
  /** Whether the conversion met the corp's rules (follow-ups, SLA); `ruleFailures` names the missed ones. */
  metRules: z.boolean(),
  ruleFailures: z.array(z.string()),
});
export type LeadConversionItem = z.infer<typeof leadConversionItem>;
export const leadActionResult = actionResult.extend({ conversion: leadConversionItem.optional() });

export const leadDetail = leadItem.extend({
  campaignName: z.string().nullable(),
  poolName: z.string().nullable(),
  externalContact: z.object({ id: idSchema, name: z.string().nullable(), externalUserId: z.string() }).nullable(),
  followUpCount: z.number(),
  nextFollowUpAt: z.string().nullable(),
  convertedAt: z.string().nullable(),
  conversion: leadConversionItem.nullable(),
  permissions: z.object({ edit: z.boolean(), convert: z.boolean(), claim: z.boolean() }),
});
export type LeadDetail = z.infer<typeof leadDetail>;

/** Customers the lead may be merged into (duplicate check by mobile, company name). */
export const convertCandidate = z.object({
  customerId: idSchema,
  name: z.string(),
  ownerName: z.string().nullable(),
  matchedBy: z.enum(['mobile', 'company']),
  contactId: idSchema.nullable(),
});

export const CONVERSION_GROUPS = ['marketer', 'campaign', 'source'] as const;
export const conversionReportQuery = z.object({
  groupBy: z.enum(CONVERSION_GROUPS, { error: 'groupBy 只能是 marketer、campaign 或 source' }).default('marketer'),
  from: isoTime.optional(),
  to: isoTime.optional(),
});
export const conversionReport = z.object({
  items: z.array(
    z.object({
      key: z.string(),
      label: z.string().nullable(),
      conversions: z.number(),
      metRules: z.number(),
      avgDays: z.number().nullable(),
    }),
  ),
});
export const funnelQuery = z.object({ from: isoTime.optional(), to: isoTime.optional(), campaignId: idSchema.optional() });
/** lead → customer → won, over leads created in the period. */
export const funnelReport = z.object({ leads: z.number(), converted: z.number(), won: z.number(), wonAmount: z.number() });
export const leadImportQuery = z.object({
  assignTo: z.enum(['me', 'pool'], { error: 'assignTo 只能是 me 或 pool' }).default('me'),
  campaignId: idSchema.optional(),
});

import { z } from 'zod';
import { calendarDate } from './catalog';
import { CURRENCIES, idSchema, LIMITS, listQuery, mobileSchema, moneyAmount, optionalText, requiredText } from './common';

/** 市场活动类型. */
export const CAMPAIGN_TYPES = ['online_promotion', 'offline_event', 'content_marketing', 'exhibition', 'webinar', 'other'] as const;
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];
export const CAMPAIGN_TYPE_LABELS: Record<CampaignType, string> = {
  online_promotion: '线上推广',
  offline_event: '线下活动',
  content_marketing: '内容营销',
  exhibition: '展会',
  webinar: '线上研讨会',
  other: '其他',
};
export const CAMPAIGN_STATUSES = ['planned', 'active', 'ended'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
/** 付款记录 status: a payment is planned (pending), made (paid) or called off (cancelled). */
export const CAMPAIGN_PAYMENT_STATUSES = ['pending', 'paid', 'cancelled'] as const;
export type CampaignPaymentStatus = (typeof CAMPAIGN_PAYMENT_STATUSES)[number];

/** Stable 409 codes of campaigns and the web form. */
export const CAMPAIGN_RULE_CODES = {
  endBeforeStart: 'campaign_dates_invalid',
  paymentOverCost: 'payment_exceeds_cost',
  formClosed: 'web_form_closed',
  vendorNotInCampaign: 'vendor_not_in_campaign',
} as const;

/** A web origin as browsers send it in `Origin`: scheme + host (+ port), no path. Stored lower-case. */
export const webOrigin = z
  .string({ error: '来源网站必须是文本' })
  .trim()
  .toLowerCase()
  .regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/, { error: '来源网站格式应为 https://域名（可带端口，不带路径）' });
export const WEB_FORM_ORIGINS_MAX = 20;

const campaignFields = {
  name: requiredText('活动名称'),
  type: z.enum(CAMPAIGN_TYPES, { error: '活动类型不正确' }),
  channel: optionalText('渠道', 50).nullable(),
  status: z.enum(CAMPAIGN_STATUSES, { error: '活动状态不正确' }),
  startDate: calendarDate.nullable().optional(),
  endDate: calendarDate.nullable().optional(),
  ownerId: idSchema.nullable().optional(),
  budget: moneyAmount.min(0, { error: '预算不能为负' }),
  currency: z.enum(CURRENCIES),
  /** The lead pool web-form leads go to; omitted = the default lead pool. */
  poolId: idSchema.nullable().optional(),
  webFormEnabled: z.boolean({ error: '必须是布尔值' }),
  /**
   * Landing-page origins allowed to post the web form from a browser (CORS, public endpoint only);
   * null / empty = any origin. Plain HTML form posts are not limited by CORS.
   */
  allowedOrigins: z.array(webOrigin).max(WEB_FORM_ORIGINS_MAX, { error: `来源网站最多 ${WEB_FORM_ORIGINS_MAX} 个` }).nullable().optional(),
  description: optionalText('活动说明', LIMITS.longTextMax).nullable(),
};
export const campaignBody = z.object({
  ...campaignFields,
  status: campaignFields.status.default('planned'),
  budget: campaignFields.budget.default(0),
  currency: campaignFields.currency.default('CNY'),
  webFormEnabled: campaignFields.webFormEnabled.default(true),
});
export type CampaignBody = z.infer<typeof campaignBody>;
export const campaignPatchBody = z.object(campaignFields).partial();
export type CampaignPatchBody = z.infer<typeof campaignPatchBody>;

export const campaignListQuery = listQuery.extend({
  type: z.enum(CAMPAIGN_TYPES).optional(),
  status: z.enum(CAMPAIGN_STATUSES).optional(),
});
export type CampaignListQuery = z.infer<typeof campaignListQuery>;

export const vendorBody = z.object({
  name: requiredText('供应商名称'),
  contactName: optionalText('联系人', 50).nullable(),
  phone: optionalText('电话', 30).nullable(),
});
export const costBody = z.object({
  vendorId: idSchema.nullable().optional(),
  item: requiredText('费用项目', 200),
  amount: moneyAmount.min(1, { error: '金额必须大于 0' }),
  incurredOn: calendarDate.nullable().optional(),
});
export const paymentBody = z.object({
  vendorId: idSchema,
  amount: moneyAmount.min(1, { error: '金额必须大于 0' }),
  status: z.enum(CAMPAIGN_PAYMENT_STATUSES, { error: '付款状态不正确' }).default('pending'),
  paidOn: calendarDate.nullable().optional(),
  note: optionalText('备注', 500).nullable(),
});
export const paymentPatchBody = z.object({
  status: z.enum(CAMPAIGN_PAYMENT_STATUSES, { error: '付款状态不正确' }).optional(),
  paidOn: calendarDate.nullable().optional(),
  note: optionalText('备注', 500).nullable(),
});
export const paymentParams = z.object({ id: idSchema, paymentId: idSchema });

export const campaignVendorItem = z.object({
  id: idSchema,
  name: z.string(),
  contactName: z.string().nullable(),
  phone: z.string().nullable(),
  /** Sum of the vendor's cost lines and of its paid payments (fen). */
  costTotal: z.number(),
  paidTotal: z.number(),
});
export const campaignCostItem = z.object({
  id: idSchema,
  vendorId: idSchema.nullable(),
  item: z.string(),
  amount: z.number(),
  incurredOn: z.string().nullable(),
  createdAt: z.string(),
});
export const campaignPaymentItem = z.object({
  id: idSchema,
  vendorId: idSchema,
  vendorName: z.string().nullable(),
  amount: z.number(),
  status: z.enum(CAMPAIGN_PAYMENT_STATUSES),
  paidOn: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});

/** Results are computed from leads, conversions and customer rollups, never typed in. */
export const campaignResults = z.object({
  leadsGenerated: z.number(),
  leadsConverted: z.number(),
  customersWon: z.number(),
  /** Cost lines total (fen). */
  cost: z.number(),
  /** cost / leadsGenerated, rounded to fen; null without leads. */
  costPerLead: z.number().nullable(),
  /** Won opportunity / contract amount of the customers the campaign's leads became (fen). */
  wonAmount: z.number(),
  /** (wonAmount − cost) / cost; null while there is no cost. */
  roi: z.number().nullable(),
  conversionRate: z.number().nullable(),
  /** Leads per source, for the bar chart. */
  bySource: z.array(z.object({ source: z.string(), leads: z.number(), converted: z.number() })),
});
export type CampaignResults = z.infer<typeof campaignResults>;

export const campaignItem = z.object({
  id: idSchema,
  name: z.string(),
  type: z.enum(CAMPAIGN_TYPES),
  channel: z.string().nullable(),
  status: z.enum(CAMPAIGN_STATUSES),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  ownerId: idSchema.nullable(),
  ownerName: z.string().nullable(),
  budget: z.number(),
  currency: z.string(),
  poolId: idSchema.nullable(),
  webFormEnabled: z.boolean(),
  allowedOrigins: z.array(z.string()).nullable(),
  description: z.string().nullable(),
  leadCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CampaignItem = z.infer<typeof campaignItem>;
export const campaignDetail = campaignItem.extend({
  /** The web-to-lead endpoint path for landing pages (`POST`, public). */
  webFormPath: z.string().nullable(),
  vendors: z.array(campaignVendorItem),
  costs: z.array(campaignCostItem),
  payments: z.array(campaignPaymentItem),
  results: campaignResults,
  permissions: z.object({ edit: z.boolean() }),
});
export type CampaignDetail = z.infer<typeof campaignDetail>;

/** The public web form's key in the URL. */
export const webFormParams = z.object({ key: z.string().max(64) });
/**
 * What a landing page posts. Strict: unknown fields are refused. `website` is the honeypot
 * (hidden from people; bots fill it): when non-empty the answer looks the same but nothing is stored.
 */
export const webLeadBody = z.strictObject({
  name: requiredText('姓名', 50),
  mobile: mobileSchema,
  company: optionalText('公司', 200),
  wechatId: z.string().trim().max(64, { error: '微信号最多 64 个字符' }).regex(/^[A-Za-z0-9_-]*$/, { error: '微信号格式不正确' }).optional(),
  region: optionalText('地区', 100),
  need: optionalText('需求', 1000),
  source: optionalText('来源', 50),
  website: z.string().max(200).optional(),
});
export type WebLeadBody = z.infer<typeof webLeadBody>;
export const webLeadResult = z.object({ ok: z.literal(true), message: z.string() });

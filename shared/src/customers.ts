import { z } from 'zod';
import { idSchema, isoTime, LIMITS, listQuery, mobileSchema, optionalText } from './common';

export const CUSTOMER_STATUSES = ['active', 'discarded'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];
/** Set by rollups: `won` once any deal is won (exempt from automatic reclaim). */
export const DEAL_STATUSES = ['none', 'won'] as const;
export const COLLABORATOR_PERMISSIONS = ['read', 'edit'] as const;
export type CollaboratorPermission = (typeof COLLABORATOR_PERMISSIONS)[number];
/** Corp-configurable (`corps.settings.customerGrades`); this is the default. */
export const DEFAULT_CUSTOMER_GRADES = ['A', 'B', 'C'] as const;
export const CUSTOMER_SORTS = ['updated_desc', 'created_desc', 'last_follow_up_desc', 'next_follow_up_asc', 'name_asc'] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

/**
 * The duplicate key of a customer name: NFKC (全角 → 半角), brackets unified, every space
 * removed, lower-cased. `（北京）某某 有限公司` and `(北京)某某有限公司` are the same customer.
 */
export function normaliseCustomerName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[【\[｛{〔]/g, '(')
    .replace(/[】\]｝}〕]/g, ')')
    .replace(/\s+/g, '')
    .toLowerCase();
}

const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015 统一社会信用代码: 18 characters of the 31-symbol alphabet, last one a mod-31 check. */
export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARS.indexOf(code[i]!) * CREDIT_CODE_WEIGHTS[i]!;
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_CHARS[check] === code[17];
}

export const creditCodeSchema = z
  .string({ error: '统一社会信用代码必须是文本' })
  .trim()
  .transform((s) => s.toUpperCase())
  .refine(isValidCreditCode, { error: '统一社会信用代码不正确（18 位，校验位不符）' });

const tagsSchema = z
  .array(z.string().trim().min(1, { error: '标签不能为空' }).max(30, { error: '标签最多 30 个字符' }))
  .max(30, { error: '最多 30 个标签' });
const coordinate = (label: string, max: number) =>
  z.number({ error: `${label}必须是数字` }).min(-max, { error: `${label}超出范围` }).max(max, { error: `${label}超出范围` });

/** Editable customer fields; all optional except the name on create. */
const customerFields = {
  creditCode: creditCodeSchema.nullable().optional(),
  registeredCapital: z.number({ error: '注册资本必须是数字（分）' }).int({ error: '注册资本以分为单位，必须是整数' }).min(0).max(1e17).nullable().optional(),
  legalRepresentative: optionalText('法定代表人', 50).nullable(),
  address: optionalText('地址', 300).nullable(),
  longitude: coordinate('经度', 180).nullable().optional(),
  latitude: coordinate('纬度', 90).nullable().optional(),
  region: optionalText('地区', 100).nullable(),
  industry: optionalText('行业', 50).nullable(),
  grade: optionalText('客户等级', 16).nullable(),
  source: optionalText('来源', 50).nullable(),
  tags: tagsSchema.optional(),
  remark: optionalText('备注', LIMITS.longTextMax).nullable(),
  locked: z.boolean({ error: '锁定必须是布尔值' }).optional(),
};

/** The 400 message for a grade outside the corp's list. */
export const gradeNotAllowedMessage = (allowed: readonly string[]) => `客户等级只能是：${allowed.join('、')}`;
export const customerGradesOut = z.object({ items: z.array(z.string()) });

/** An optional first contact created together with the customer. */
export const contactInline = z.object({
  name: z.string({ error: '联系人姓名必须是文本' }).trim().min(1, { error: '请填写联系人姓名' }).max(50, { error: '联系人姓名最多 50 个字符' }),
  mobile: mobileSchema.optional(),
  title: optionalText('职务', 50),
});

export const customerCreateBody = z.object({
  name: z.string({ error: '客户名称必须是文本' }).trim().min(1, { error: '请填写客户名称' }).max(LIMITS.nameMax, { error: `客户名称最多 ${LIMITS.nameMax} 个字符` }),
  ...customerFields,
  /** Omit = the caller owns it; null = put it into `poolId` (or the default pool). */
  ownerId: idSchema.nullable().optional(),
  poolId: idSchema.optional(),
  contact: contactInline.optional(),
  collaborators: z.array(z.object({ userId: idSchema, permission: z.enum(COLLABORATOR_PERMISSIONS).default('read') })).max(50).optional(),
});
export type CustomerCreateBody = z.infer<typeof customerCreateBody>;

export const customerPatchBody = z.object({
  name: customerCreateBody.shape.name.optional(),
  ...customerFields,
  status: z.enum(CUSTOMER_STATUSES).optional(),
});
export type CustomerPatchBody = z.infer<typeof customerPatchBody>;

export const customerListQuery = listQuery.extend({
  grade: z.string().trim().max(16).optional(),
  industry: z.string().trim().max(50).optional(),
  ownerId: idSchema.optional(),
  poolId: idSchema.optional(),
  status: z.enum(CUSTOMER_STATUSES).default('active'),
  lastFollowUpFrom: isoTime.optional(),
  lastFollowUpTo: isoTime.optional(),
  sort: z.enum(CUSTOMER_SORTS, { error: '不支持的排序方式' }).default('updated_desc'),
});
export type CustomerListQuery = z.infer<typeof customerListQuery>;

export const collaboratorItem = z.object({ userId: idSchema, name: z.string().nullable(), permission: z.enum(COLLABORATOR_PERMISSIONS) });

export const customerItem = z.object({
  id: idSchema,
  name: z.string(),
  creditCode: z.string().nullable(),
  registeredCapital: z.number().nullable(),
  legalRepresentative: z.string().nullable(),
  address: z.string().nullable(),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
  region: z.string().nullable(),
  industry: z.string().nullable(),
  grade: z.string().nullable(),
  source: z.string().nullable(),
  tags: z.array(z.string()),
  remark: z.string().nullable(),
  ownerId: idSchema.nullable(),
  ownerName: z.string().nullable(),
  poolId: idSchema.nullable(),
  locked: z.boolean(),
  status: z.enum(CUSTOMER_STATUSES),
  dealStatus: z.enum(DEAL_STATUSES),
  followUpCount: z.number(),
  lastFollowUpAt: z.string().nullable(),
  nextFollowUpAt: z.string().nullable(),
  openOpportunityCount: z.number(),
  wonAmount: z.number(),
  contractTotal: z.number(),
  receivedAmount: z.number(),
  currency: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CustomerItem = z.infer<typeof customerItem>;
export const customerDetail = customerItem.extend({
  collaborators: z.array(collaboratorItem),
  /** What the caller may do: edit fields / act as owner. */
  permissions: z.object({ edit: z.boolean(), owner: z.boolean() }),
});
export type CustomerDetail = z.infer<typeof customerDetail>;

export const collaboratorsBody = z.object({
  collaborators: z.array(z.object({ userId: idSchema, permission: z.enum(COLLABORATOR_PERMISSIONS, { error: '权限只能是 read 或 edit' }) })).max(50, { error: '最多 50 个协作人' }),
});

/** A 409 `customer_duplicate` carries this in `details`. */
export const duplicateDetails = z.object({
  field: z.enum(['name', 'creditCode', 'mobile']),
  customerId: idSchema.nullable(),
  customerName: z.string().nullable(),
  ownerName: z.string().nullable(),
});

/** Timeline: one union, extended by other modules (stage changes, visits…) through `kind`. */
/** `campaign_touch`: a lead who filled in a campaign's web form again (再次留资). */
export const TIMELINE_KINDS = ['follow_up', 'action', 'wecom_add', 'wecom_delete', 'stage_change', 'created', 'campaign_touch'] as const;
export const timelineItem = z.object({
  kind: z.enum(TIMELINE_KINDS),
  id: z.string(),
  at: z.string(),
  actorId: idSchema.nullable(),
  actorName: z.string().nullable(),
  title: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type TimelineItem = z.infer<typeof timelineItem>;
export const timelineQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  before: isoTime.optional(),
});

export const groupChatBody = z.object({
  chatId: z.string({ error: '群聊 ID 必须是文本' }).trim().min(1, { error: '请提供群聊 ID' }).max(64),
  name: optionalText('群名称', 100),
  /** The deal the group works on: an opportunity of this customer. */
  opportunityId: idSchema.optional(),
});
/** `PATCH /api/customers/:id/group-chats/:chatId`: bind the group to another opportunity, or none (null). */
export const groupChatPatchBody = z.object({ opportunityId: idSchema.nullable() });

export const IMPORT_DUPLICATE_MODES = ['skip', 'merge'] as const;
export const importQuery = z.object({ duplicate: z.enum(IMPORT_DUPLICATE_MODES, { error: 'duplicate 只能是 skip 或 merge' }).default('skip') });
export const importResult = z.object({
  created: z.number(),
  merged: z.number(),
  skipped: z.number(),
  errors: z.array(z.object({ row: z.number(), field: z.string().nullable(), message: z.string() })),
});
export type ImportResult = z.infer<typeof importResult>;

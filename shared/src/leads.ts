import { z } from 'zod';
import { idSchema, listQuery, mobileSchema, optionalText } from './common';

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
});
export type LeadCreateBody = z.infer<typeof leadCreateBody>;
export const leadListQuery = listQuery.extend({ status: z.enum(LEAD_STATUSES).default('active'), grade: z.string().max(16).optional() });

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

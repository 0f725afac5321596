import { z } from 'zod';
import { idSchema, isoTime, LIMITS, listQuery } from './common';

/** 电话, 微信, 拜访, 会议, 邮件, 其他. */
export const FOLLOW_UP_TYPES = ['phone', 'wechat', 'visit', 'meeting', 'email', 'other'] as const;
export type FollowUpType = (typeof FOLLOW_UP_TYPES)[number];
export const FOLLOW_UP_TYPE_LABELS: Record<FollowUpType, string> = {
  phone: '电话',
  wechat: '微信',
  visit: '拜访',
  meeting: '会议',
  email: '邮件',
  other: '其他',
};

const followUpFields = {
  type: z.enum(FOLLOW_UP_TYPES, { error: '跟进方式只能是电话、微信、拜访、会议、邮件或其他' }),
  content: z
    .string({ error: '跟进内容必须是文本' })
    .trim()
    .min(1, { error: '请填写跟进内容' })
    .max(LIMITS.longTextMax, { error: `跟进内容最多 ${LIMITS.longTextMax} 个字符` }),
  images: z.array(z.string().trim().min(1).max(200), { error: '图片必须是上传编号列表' }).max(9, { error: '最多 9 张图片' }).default([]),
  contactIds: z.array(idSchema).max(50, { error: '最多关联 50 个联系人' }).default([]),
  nextStep: z.string({ error: '下一步必须是文本' }).trim().max(500, { error: '下一步最多 500 个字符' }).optional(),
  nextFollowUpAt: isoTime.optional(),
  occurredAt: isoTime.optional(),
};

/** Create a follow-up; exactly one of customerId / contactId / leadId / opportunityId is the subject (contact ⇒ its customer). */
export const followUpCreateBody = z
  .object({
    ...followUpFields,
    customerId: idSchema.optional(),
    contactId: idSchema.optional(),
    leadId: idSchema.optional(),
    opportunityId: idSchema.optional(),
  })
  .refine((b) => b.customerId || b.contactId || b.leadId || b.opportunityId, {
    error: '请指定跟进对象（客户、联系人、线索或商机）',
    path: ['customerId'],
  });
export type FollowUpCreateBody = z.infer<typeof followUpCreateBody>;

export const followUpPatchBody = z.object({
  type: followUpFields.type.optional(),
  content: followUpFields.content.optional(),
  images: z.array(z.string().trim().min(1).max(200)).max(9, { error: '最多 9 张图片' }).optional(),
  contactIds: z.array(idSchema).max(50).optional(),
  nextStep: z.string().trim().max(500, { error: '下一步最多 500 个字符' }).nullable().optional(),
  nextFollowUpAt: isoTime.nullable().optional(),
});
export type FollowUpPatchBody = z.infer<typeof followUpPatchBody>;

export const followUpListQuery = listQuery.extend({
  customerId: idSchema.optional(),
  contactId: idSchema.optional(),
  leadId: idSchema.optional(),
  opportunityId: idSchema.optional(),
  type: z.enum(FOLLOW_UP_TYPES).optional(),
  authorId: idSchema.optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
});
export type FollowUpListQuery = z.infer<typeof followUpListQuery>;

export const followUpItem = z.object({
  id: idSchema,
  type: z.enum(FOLLOW_UP_TYPES),
  content: z.string(),
  images: z.array(z.string()),
  contactIds: z.array(idSchema),
  nextStep: z.string().nullable(),
  nextFollowUpAt: z.string().nullable(),
  occurredAt: z.string(),
  customerId: idSchema.nullable(),
  customerName: z.string().nullable(),
  contactId: idSchema.nullable(),
  leadId: idSchema.nullable(),
  opportunityId: idSchema.nullable(),
  authorId: idSchema,
  authorName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type FollowUpItem = z.infer<typeof followUpItem>;

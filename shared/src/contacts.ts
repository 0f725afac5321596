import { z } from 'zod';
import { idSchema, listQuery, mobileSchema, optionalText } from './common';

const contactFields = {
  mobile: mobileSchema.nullable().optional(),
  wechatId: z.string().trim().max(64, { error: '微信号最多 64 个字符' }).nullable().optional(),
  title: optionalText('职务', 50).nullable(),
  department: optionalText('部门', 50).nullable(),
  email: z.email({ error: '邮箱格式不正确' }).max(120).nullable().optional(),
  isKeyDecisionMaker: z.boolean({ error: '关键决策人必须是布尔值' }).optional(),
  reportsToId: idSchema.nullable().optional(),
  remark: optionalText('备注', 1000).nullable(),
};

export const contactCreateBody = z.object({
  customerId: idSchema,
  name: z.string({ error: '联系人姓名必须是文本' }).trim().min(1, { error: '请填写联系人姓名' }).max(50, { error: '联系人姓名最多 50 个字符' }),
  ...contactFields,
  externalContactId: idSchema.optional(),
});
export type ContactCreateBody = z.infer<typeof contactCreateBody>;
export const contactPatchBody = z.object({ name: contactCreateBody.shape.name.optional(), ...contactFields });
export type ContactPatchBody = z.infer<typeof contactPatchBody>;

export const contactListQuery = listQuery.extend({ customerId: idSchema.optional() });
export type ContactListQuery = z.infer<typeof contactListQuery>;

export const contactItem = z.object({
  id: idSchema,
  customerId: idSchema,
  customerName: z.string().nullable(),
  name: z.string(),
  mobile: z.string().nullable(),
  wechatId: z.string().nullable(),
  title: z.string().nullable(),
  department: z.string().nullable(),
  email: z.string().nullable(),
  isKeyDecisionMaker: z.boolean(),
  reportsToId: idSchema.nullable(),
  remark: z.string().nullable(),
  externalContactId: idSchema.nullable(),
  externalUserId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ContactItem = z.infer<typeof contactItem>;

export const bindExternalBody = z.object({
  externalUserId: z.string({ error: 'externalUserId 必须是文本' }).trim().min(1, { error: '缺少外部联系人' }).max(64),
});

/** One row of the contact import (the customer is matched by name; 关键决策人 already parsed from 是/否). */
export const contactImportRow = contactCreateBody.pick({ name: true, mobile: true, wechatId: true, title: true, department: true, email: true, isKeyDecisionMaker: true, remark: true });
export type ContactImportRow = z.infer<typeof contactImportRow>;

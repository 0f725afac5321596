import { z } from 'zod';
import { idSchema, LIMITS } from './common';
import { ROLES } from './auth';

export const departmentItem = z.object({
  id: idSchema,
  name: z.string(),
  parentId: idSchema.nullable(),
  /** Members (active users) directly in this department. */
  memberCount: z.number().int(),
});
export type DepartmentItem = z.infer<typeof departmentItem>;

export const userListQuery = z.object({
  q: z.string().trim().max(LIMITS.shortTextMax, { error: `关键词最多 ${LIMITS.shortTextMax} 个字符` }).optional(),
  departmentId: idSchema.optional(),
  limit: z.coerce.number({ error: 'limit 必须是数字' }).int().min(1, { error: 'limit 最小为 1' }).max(LIMITS.listLimitMax, { error: `limit 最大为 ${LIMITS.listLimitMax}` }).default(LIMITS.listLimitDefault),
  cursor: z.string().max(200).optional(),
});

/** A colleague as pickers show it (transfer to, assign to, approver…). */
export const userItem = z.object({
  id: idSchema,
  wecomUserId: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  departmentId: idSchema.nullable(),
  departmentName: z.string().nullable(),
  avatar: z.string().nullable(),
});
export type UserItem = z.infer<typeof userItem>;

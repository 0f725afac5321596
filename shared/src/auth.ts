import { z } from 'zod';
import { idSchema } from './common';

/** Roles of a user inside a corp. Department leadership is separate (from WeCom's org). */
export const ROLES = ['admin', 'manager', 'rep', 'finance'] as const;
export type Role = (typeof ROLES)[number];
export const USER_STATUSES = ['active', 'disabled', 'deleted'] as const;

export const devLoginBody = z.object({
  wecomUserId: z
    .string({ error: 'wecomUserId 必须是文本' })
    .trim()
    .min(1, { error: '请选择要登录的演示用户' })
    .max(64, { error: 'wecomUserId 最多 64 个字符' }),
});
export const mpLoginBody = z.object({
  code: z.string({ error: 'code 必须是文本' }).trim().min(1, { error: '缺少登录 code' }).max(512),
});
export const tokenResponse = z.object({ token: z.string() });

export const meResponse = z.object({
  id: idSchema,
  wecomUserId: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  departmentIds: z.array(idSchema),
});
export type Me = z.infer<typeof meResponse>;

/** A demo user offered by the demo sign-in picker (demo/test mode only). */
export const devUser = z.object({
  wecomUserId: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  departmentName: z.string().nullable(),
  isLeader: z.boolean(),
});
export type DevUser = z.infer<typeof devUser>;

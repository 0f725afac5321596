import { z } from 'zod';

/** Limits read by server validation and front-end forms alike. */
export const LIMITS = {
  nameMax: 100,
  shortTextMax: 200,
  longTextMax: 5000,
  listLimitMax: 100,
  listLimitDefault: 20,
  jsonBodyBytes: 1024 * 1024,
  uploadBytes: 10 * 1024 * 1024,
} as const;

/** Record ids travel as decimal strings (BIGINT safe). */
export const idSchema = z
  .string({ error: '必须是编号字符串' })
  .regex(/^[1-9][0-9]{0,17}$/, { error: '编号格式不正确' });
export const idParams = z.object({ id: idSchema });

/** Whose records a list shows: `all` = everything the caller may see. */
export const LIST_SCOPES = ['mine', 'team', 'pool', 'all'] as const;
export type ListScope = (typeof LIST_SCOPES)[number];

/** The query convention shared by every list route. */
export const listQuery = z.object({
  scope: z.enum(LIST_SCOPES, { error: 'scope 只能是 mine、team、pool 或 all' }).default('mine'),
  q: z.string().trim().max(LIMITS.shortTextMax, { error: `关键词最多 ${LIMITS.shortTextMax} 个字符` }).optional(),
  limit: z.coerce
    .number({ error: 'limit 必须是数字' })
    .int({ error: 'limit 必须是整数' })
    .min(1, { error: 'limit 最小为 1' })
    .max(LIMITS.listLimitMax, { error: `limit 最大为 ${LIMITS.listLimitMax}` })
    .default(LIMITS.listLimitDefault),
  cursor: z.string().max(200, { error: 'cursor 无效' }).optional(),
});
export type ListQuery = z.infer<typeof listQuery>;

/** `{items, nextCursor}` of a list answer. */
export function listResponse<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export interface ListResult<T> {
  items: T[];
  nextCursor: string | null;
}

/** ISO-8601 time with offset. */
export const isoTime = z.iso.datetime({ offset: true, error: '时间格式应为 ISO-8601（带时区）' });

/** Currency codes we accept; money is an integer amount of minor units (fen). */
export const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD'] as const;
export const moneyAmount = z
  .number({ error: '金额必须是数字' })
  .int({ error: '金额以分为单位，必须是整数' })
  .min(-1e15, { error: '金额超出范围' })
  .max(1e15, { error: '金额超出范围' });
export const money = z.object({ amount: moneyAmount, currency: z.enum(CURRENCIES).default('CNY') });
export type Money = z.infer<typeof money>;

/** A required human name: trimmed, 1..max chars. */
export function requiredText(label: string, max: number = LIMITS.nameMax) {
  return z
    .string({ error: `${label}必须是文本` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}最多 ${max} 个字符` });
}
/** An optional text field: trimmed, ≤ max chars; empty string becomes undefined. */
export function optionalText(label: string, max: number = LIMITS.shortTextMax) {
  return z
    .string({ error: `${label}必须是文本` })
    .trim()
    .max(max, { error: `${label}最多 ${max} 个字符` })
    .optional();
}

/** Mainland China mobile number. */
export const mobileSchema = z
  .string({ error: '手机号必须是文本' })
  .trim()
  .regex(/^1[3-9]\d{9}$/, { error: '手机号格式不正确（11 位，1 开头）' });

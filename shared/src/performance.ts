import { z } from 'zod';
import { idSchema, moneyAmount } from './common';

export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式应为 YYYY-MM' });
export const PERFORMANCE_GROUPS = ['rep', 'department'] as const;
export const PERFORMANCE_METRICS = ['booked', 'received', 'invoiced'] as const;

/** `PUT /api/performance/targets`: monthly targets per rep or department (fen). */
export const setTargetsBody = z.object({
  targets: z
    .array(
      z
        .object({
          month,
          userId: idSchema.optional(),
          departmentId: idSchema.optional(),
          booked: moneyAmount.min(0).default(0),
          received: moneyAmount.min(0).default(0),
          invoiced: moneyAmount.min(0).default(0),
        })
        .refine((t) => !!t.userId !== !!t.departmentId, { error: '目标需指定人员或部门（二选一）' }),
    )
    .min(1)
    .max(500),
});
/** `GET /api/performance?from=2026-01&to=2026-12&groupBy=rep`. */
export const performanceQuery = z.object({
  from: month,
  to: month,
  groupBy: z.enum(PERFORMANCE_GROUPS).default('rep'),
  rankBy: z.enum(PERFORMANCE_METRICS).default('booked'),
});
/** `PUT /api/performance/commission-rates`: basis points per product category (null = default). */
export const setCommissionRatesBody = z.object({
  rates: z.array(z.object({ categoryId: idSchema.nullable(), rateBp: z.number().int().min(0).max(10000) })).min(1).max(500),
});
export const commissionQuery = z.object({ from: month, to: month });

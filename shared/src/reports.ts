import { z } from 'zod';
import { idSchema, LIMITS, listQuery } from './common';

export const REPORT_TYPES = ['daily', 'weekly'] as const;
export type ReportType = (typeof REPORT_TYPES)[number];

/** Counts and short lines auto-filled from the period's activity (sources that exist). */
export interface ReportAutoSummary {
  followUps: number;
  visits: number;
  newCustomers: number;
  stageMoves: number;
  /** sources that were not available when the report was made */
  unavailable: string[];
  lines: string[];
}

const day = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' });
const longText = (label: string) =>
  z.string({ error: `${label}必须是文本` }).trim().max(LIMITS.longTextMax, { error: `${label}最多 ${LIMITS.longTextMax} 个字符` });

/** `date` is any day of the period (weekly = Monday–Sunday, Asia/Shanghai). */
export const reportBody = z.object({
  type: z.enum(REPORT_TYPES, { error: '汇报类型只能是 daily 或 weekly' }),
  date: day,
  done: longText('今日/本周完成').default(''),
  plans: longText('计划').default(''),
  problems: longText('问题').default(''),
});
export const reportPatchBody = z.object({
  done: longText('完成').optional(),
  plans: longText('计划').optional(),
  problems: longText('问题').optional(),
});
export const reportListQuery = listQuery.extend({
  type: z.enum(REPORT_TYPES, { error: '汇报类型只能是 daily 或 weekly' }).optional(),
});
export const reportPeriodQuery = z.object({
  type: z.enum(REPORT_TYPES, { error: '汇报类型只能是 daily 或 weekly' }).default('daily'),
  date: day.optional(),
});
export const reportCommentBody = z.object({
  body: z.string({ error: '评论必须是文本' }).trim().min(1, { error: '请填写评论' }).max(2000, { error: '评论最多 2000 个字符' }),
});
export const reportUserRef = z.object({ id: idSchema, name: z.string() });

import { z } from 'zod';
import { idSchema, isoTime, LIMITS, listQuery } from './common';

/**
 * 拜访 lifecycle as stored: planned → in_progress (checked in) → done (checked out) | cancelled.
 * `missed` is never stored: a planned visit whose window has ended without a check-in.
 */
export const VISIT_STORED_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export const VISIT_STATUSES = ['planned', 'in_progress', 'done', 'missed', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];
export const VISIT_STATUS_LABELS: Record<VisitStatus, string> = {
  planned: '待拜访',
  in_progress: '拜访中',
  done: '已完成',
  missed: '已错过',
  cancelled: '已取消',
};

/** Why a check-in/out deserves a second look: beyond the radius, outside the window, no location. */
export const VISIT_FLAGS = ['out_of_range', 'outside_window', 'location_missing', 'customer_location_unknown'] as const;
export type VisitFlag = (typeof VISIT_FLAGS)[number];
export const VISIT_FLAG_LABELS: Record<VisitFlag, string> = {
  out_of_range: '超出签到范围',
  outside_window: '不在计划时间内',
  location_missing: '未获取到定位',
  customer_location_unknown: '客户未设置坐标',
};

/** 拜访结果. */
export const VISIT_OUTCOMES = ['advanced', 'maintained', 'stalled', 'lost'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];
export const VISIT_OUTCOME_LABELS: Record<VisitOutcome, string> = {
  advanced: '推进',
  maintained: '维持',
  stalled: '停滞',
  lost: '流失',
};

/** Why the phone could not give a location (the check-in still goes through, flagged). */
export const LOCATION_ERRORS = ['denied', 'unavailable', 'timeout', 'unsupported'] as const;

/** Defaults of the corp's visit settings (`corps.settings.visits`). */
export const VISIT_DEFAULTS = {
  radiusMeters: 500,
  windowGraceMinutes: 30,
  reminderMinutesBefore: 30,
  notVisitedDays: 30,
} as const;

export const VISIT_LIMITS = { purposeMax: 500, summaryMax: LIMITS.longTextMax, nextStepsMax: 500, commentMax: 1000 } as const;

const latitude = z.number({ error: '纬度必须是数字' }).min(-90, { error: '纬度超出范围' }).max(90, { error: '纬度超出范围' });
const longitude = z.number({ error: '经度必须是数字' }).min(-180, { error: '经度超出范围' }).max(180, { error: '经度超出范围' });
const accuracy = z.number({ error: '精度必须是数字' }).min(0).max(100000).optional();

const purpose = z
  .string({ error: '拜访目的必须是文本' })
  .trim()
  .min(1, { error: '请填写拜访目的' })
  .max(VISIT_LIMITS.purposeMax, { error: `拜访目的最多 ${VISIT_LIMITS.purposeMax} 个字符` });
const contactIds = z.array(idSchema, { error: '联系人必须是编号列表' }).max(20, { error: '最多选择 20 个联系人' });

const windowOk = (b: { plannedStart?: string; plannedEnd?: string }) =>
  !b.plannedStart || !b.plannedEnd || Date.parse(b.plannedEnd) > Date.parse(b.plannedStart);
const windowMsg = { error: '计划结束时间必须晚于开始时间', path: ['plannedEnd'] };

/** 拜访计划: created by the rep for self, or by a leader for someone in the team. */
export const visitCreateBody = z
  .object({
    customerId: idSchema,
    contactIds: contactIds.default([]),
    purpose,
    plannedStart: isoTime,
    plannedEnd: isoTime,
    /** Defaults to the caller. */
    assigneeId: idSchema.optional(),
  })
  .refine(windowOk, windowMsg);
export type VisitCreateBody = z.infer<typeof visitCreateBody>;

/** Edit a plan that has not started. */
export const visitPatchBody = z
  .object({
    contactIds: contactIds.optional(),
    purpose: purpose.optional(),
    plannedStart: isoTime.optional(),
    plannedEnd: isoTime.optional(),
    assigneeId: idSchema.optional(),
  })
  .refine(windowOk, windowMsg);
export type VisitPatchBody = z.infer<typeof visitPatchBody>;

const positionFields = {
  latitude: latitude.optional(),
  longitude: longitude.optional(),
  accuracy,
  /** Set by the client when the platform refused or failed: the check goes through, flagged. */
  locationError: z.enum(LOCATION_ERRORS, { error: '定位失败原因不正确' }).optional(),
};
const bothOrNeither = (b: { latitude?: number; longitude?: number }) => (b.latitude === undefined) === (b.longitude === undefined);
const bothMsg = { error: '经纬度必须同时提供', path: ['longitude'] };

/** 签到: gcj02 position (or none, flagged) and an on-site photo (our file id, or a WeCom media id). */
export const visitCheckInBody = z
  .object({
    ...positionFields,
    photoFileId: idSchema.optional(),
    wecomMediaId: z.string().trim().min(1).max(256, { error: '媒体编号过长' }).optional(),
  })
  .refine(bothOrNeither, bothMsg);
export type VisitCheckInBody = z.infer<typeof visitCheckInBody>;

export const visitCheckOutBody = z.object(positionFields).refine(bothOrNeither, bothMsg);
export type VisitCheckOutBody = z.infer<typeof visitCheckOutBody>;

/** 拜访记录. */
export const visitRecordBody = z.object({
  summary: z
    .string({ error: '拜访纪要必须是文本' })
    .trim()
    .min(1, { error: '请填写拜访纪要' })
    .max(VISIT_LIMITS.summaryMax, { error: `拜访纪要最多 ${VISIT_LIMITS.summaryMax} 个字符` }),
  outcome: z.enum(VISIT_OUTCOMES, { error: '拜访结果只能是推进、维持、停滞或流失' }),
  nextSteps: z.string({ error: '下一步必须是文本' }).trim().max(VISIT_LIMITS.nextStepsMax, { error: `下一步最多 ${VISIT_LIMITS.nextStepsMax} 个字符` }).optional(),
  nextFollowUpAt: isoTime.optional(),
});
export type VisitRecordBody = z.infer<typeof visitRecordBody>;

/** 拜访审查. */
export const visitReviewBody = z.object({
  rating: z.number({ error: '评分必须是数字' }).int({ error: '评分必须是整数' }).min(1, { error: '评分为 1–5 分' }).max(5, { error: '评分为 1–5 分' }),
  comment: z.string({ error: '评语必须是文本' }).trim().max(VISIT_LIMITS.commentMax, { error: `评语最多 ${VISIT_LIMITS.commentMax} 个字符` }).optional(),
});
export type VisitReviewBody = z.infer<typeof visitReviewBody>;

export const visitListQuery = listQuery.extend({
  status: z.enum(VISIT_STATUSES, { error: '状态不正确' }).optional(),
  customerId: idSchema.optional(),
  assigneeId: idSchema.optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
});
export type VisitListQuery = z.infer<typeof visitListQuery>;

export const SCHEDULE_VIEWS = ['day', 'week', 'month'] as const;
export type ScheduleView = (typeof SCHEDULE_VIEWS)[number];
/** 日程: today / week / month around `date` (Shanghai calendar, weeks start on Monday). */
export const visitScheduleQuery = z.object({
  view: z.enum(SCHEDULE_VIEWS, { error: '视图只能是 day、week 或 month' }).default('day'),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' })
    // A real calendar day: 2026-13-45 matches the pattern but is no date (was a 500).
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { error: '日期不存在' })
    .optional(),
  scope: z.enum(['mine', 'team', 'all'], { error: 'scope 只能是 mine、team 或 all' }).default('mine'),
  assigneeId: idSchema.optional(),
});
export type VisitScheduleQuery = z.infer<typeof visitScheduleQuery>;

export const visitStatsQuery = z.object({
  weeks: z.coerce.number().int().min(1, { error: '周数最小为 1' }).max(26, { error: '周数最大为 26' }).default(4),
  notVisitedDays: z.coerce.number().int().min(1, { error: '天数最小为 1' }).max(365, { error: '天数最大为 365' }).default(VISIT_DEFAULTS.notVisitedDays),
});
export type VisitStatsQuery = z.infer<typeof visitStatsQuery>;

export const visitSettingsBody = z.object({
  radiusMeters: z.number().int().min(50, { error: '签到范围至少 50 米' }).max(50000, { error: '签到范围最多 50 公里' }).optional(),
  windowGraceMinutes: z.number().int().min(0).max(24 * 60, { error: '宽限时间最多 24 小时' }).optional(),
  reminderMinutesBefore: z.number().int().min(0).max(24 * 60, { error: '提醒时间最多提前 24 小时' }).optional(),
});
export type VisitSettingsBody = z.infer<typeof visitSettingsBody>;
export const visitSettings = z.object({
  radiusMeters: z.number().int(),
  windowGraceMinutes: z.number().int(),
  reminderMinutesBefore: z.number().int(),
});
export type VisitSettings = z.infer<typeof visitSettings>;

const checkPoint = z.object({
  at: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  accuracy: z.number().nullable(),
  /** Metres to the customer's coordinates; null when either side has none. */
  distanceMeters: z.number().int().nullable(),
  flags: z.array(z.enum(VISIT_FLAGS)),
});

export const visitItem = z.object({
  id: idSchema,
  status: z.enum(VISIT_STATUSES),
  customerId: idSchema,
  customerName: z.string().nullable(),
  customerAddress: z.string().nullable(),
  customerLatitude: z.number().nullable(),
  customerLongitude: z.number().nullable(),
  contactIds: z.array(idSchema),
  purpose: z.string(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  assigneeId: idSchema,
  assigneeName: z.string().nullable(),
  createdById: idSchema,
  checkIn: checkPoint.extend({ photoFileId: idSchema.nullable(), photoUrl: z.string().nullable() }).nullable(),
  checkOut: checkPoint.nullable(),
  durationSeconds: z.number().int().nullable(),
  /** Every flag of check-in and check-out, deduplicated. */
  flags: z.array(z.enum(VISIT_FLAGS)),
  record: z
    .object({
      summary: z.string(),
      outcome: z.enum(VISIT_OUTCOMES),
      nextSteps: z.string().nullable(),
      nextFollowUpAt: z.string().nullable(),
      followUpId: idSchema.nullable(),
      recordedAt: z.string(),
    })
    .nullable(),
  review: z.object({ rating: z.number().int(), comment: z.string().nullable(), reviewerId: idSchema, reviewerName: z.string().nullable(), reviewedAt: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type VisitItem = z.infer<typeof visitItem>;

export const visitSchedule = z.object({
  view: z.enum(SCHEDULE_VIEWS),
  from: z.string(),
  to: z.string(),
  counts: z.record(z.enum(VISIT_STATUSES), z.number().int()),
  items: z.array(visitItem),
});
export type VisitSchedule = z.infer<typeof visitSchedule>;

export const visitStats = z.object({
  from: z.string(),
  to: z.string(),
  weeks: z.array(z.string()),
  reps: z.array(
    z.object({
      userId: idSchema,
      name: z.string(),
      /** Completed (checked-in) visits per week, aligned with `weeks`. */
      perWeek: z.array(z.number().int()),
      checkedIn: z.number().int(),
      /** Check-ins without out_of_range / location_missing, over all check-ins (0..1); null without check-ins. */
      onSiteRate: z.number().nullable(),
      avgDurationMinutes: z.number().nullable(),
      missed: z.number().int(),
    }),
  ),
  notVisited: z.array(z.object({ customerId: idSchema, name: z.string(), ownerId: idSchema.nullable(), lastVisitAt: z.string().nullable() })),
});
export type VisitStats = z.infer<typeof visitStats>;

/**
 * Great-circle distance in metres (haversine) between two points of the same datum (gcj02 on
 * both sides here). The server flags with it; the phone shows the same read-out before check-in.
 */
export function haversineMeters(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLng = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

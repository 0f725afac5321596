import { z } from 'zod';
import { idSchema } from './common';

/** What a pool holds and what the ownership actions act on. */
export const POOL_ENTITY_TYPES = ['customer', 'lead'] as const;
export type PoolEntityType = (typeof POOL_ENTITY_TYPES)[number];

/** The ownership actions of DOMAIN.md, plus `create` (recorded when a record is created). */
export const OWNERSHIP_ACTIONS = ['create', 'transfer', 'reclaim', 'claim', 'return', 'assign', 'convert', 'discard', 'restore'] as const;
export type OwnershipAction = (typeof OWNERSHIP_ACTIONS)[number];
/** Actions callable through `POST /api/{customers|leads}/:id/actions/:action` (convert is the leads module's). */
export const ACTION_ROUTE_ACTIONS = ['transfer', 'reclaim', 'claim', 'return', 'assign', 'discard', 'restore'] as const;
export type RouteAction = (typeof ACTION_ROUTE_ACTIONS)[number];

/** Stable 409 codes of the pool rule engine (same for customers and leads). */
export const POOL_RULE_CODES = {
  claimDailyLimit: 'pool_claim_daily_limit',
  holdLimit: 'pool_hold_limit',
  claimCooldown: 'pool_claim_cooldown',
  reasonRequired: 'reason_required',
  locked: 'customer_locked',
  notInPool: 'not_in_pool',
  alreadyOwned: 'already_owned',
  notPoolMember: 'not_pool_member',
  notOwner: 'not_owner',
  notDiscarded: 'not_discarded',
  discarded: 'record_discarded',
  targetRequired: 'target_user_required',
  targetInvalid: 'target_user_invalid',
  sameOwner: 'same_owner',
  noPool: 'no_pool',
  notManager: 'manager_only',
} as const;

export const actionParams = z.object({
  id: idSchema,
  action: z.enum(ACTION_ROUTE_ACTIONS, { error: '不支持的操作' }),
});
export const actionBody = z.object({
  toUserId: idSchema.optional(),
  reason: z.string({ error: '原因必须是文本' }).trim().max(500, { error: '原因最多 500 个字符' }).optional(),
  poolId: idSchema.optional(),
});
export type ActionBody = z.infer<typeof actionBody>;

export const bulkActionBody = z.object({
  ids: z.array(idSchema).min(1, { error: '请至少选择一条记录' }).max(200, { error: '一次最多操作 200 条' }),
  action: z.enum(['transfer', 'assign', 'reclaim'], { error: '批量操作只支持转移、分配、回收' }),
  toUserId: idSchema.optional(),
  reason: z.string().trim().max(500, { error: '原因最多 500 个字符' }).optional(),
  poolId: idSchema.optional(),
});
export type BulkActionBody = z.infer<typeof bulkActionBody>;
/** Answer of a bulk action: one result per distinct id (each runs on its own). */
export const bulkActionResult = z.object({
  results: z.array(z.object({ id: idSchema, ok: z.boolean(), code: z.string().optional(), message: z.string().optional() })),
  succeeded: z.number(),
  failed: z.number(),
});

export const ownershipActionItem = z.object({
  id: idSchema,
  entityType: z.enum(POOL_ENTITY_TYPES),
  entityId: idSchema,
  action: z.enum(OWNERSHIP_ACTIONS),
  actorId: idSchema.nullable(),
  actorName: z.string().nullable(),
  fromUserId: idSchema.nullable(),
  toUserId: idSchema.nullable(),
  fromPoolId: idSchema.nullable(),
  toPoolId: idSchema.nullable(),
  reason: z.string().nullable(),
  rule: z.string().nullable(),
  at: z.string(),
});
export type OwnershipActionItem = z.infer<typeof ownershipActionItem>;

export const actionResult = z.object({
  entityId: idSchema,
  action: z.enum(OWNERSHIP_ACTIONS),
  ownerId: idSchema.nullable(),
  poolId: idSchema.nullable(),
  status: z.string(),
});

/** Per-pool (optionally per-grade) reclaim and hold rules; grade '' = every grade. */
export const poolGradeRule = z.object({
  grade: z.string().trim().max(16).default(''),
  holdLimit: z.number().int().min(0).max(100000).nullable().optional(),
  reclaimNoFollowUpDays: z.number().int().min(1).max(3650).nullable().optional(),
  reclaimNoDealDays: z.number().int().min(1).max(3650).nullable().optional(),
  remindDaysBefore: z.number().int().min(0).max(365).nullable().optional(),
});
export type PoolGradeRule = z.infer<typeof poolGradeRule>;

export const poolBody = z.object({
  entityType: z.enum(POOL_ENTITY_TYPES, { error: '公海类型只能是 customer 或 lead' }),
  name: z.string({ error: '公海名称必须是文本' }).trim().min(1, { error: '请填写公海名称' }).max(100, { error: '公海名称最多 100 个字符' }),
  isDefault: z.boolean().default(false),
  claimDailyLimit: z.number({ error: '每日领取上限必须是数字' }).int().min(0).max(10000).nullable().optional(),
  holdLimit: z.number({ error: '持有上限必须是数字' }).int().min(0).max(100000).nullable().optional(),
  cooldownDays: z.number({ error: '冷却天数必须是数字' }).int().min(0).max(3650).nullable().optional(),
  departmentIds: z.array(idSchema).max(200).default([]),
  memberIds: z.array(idSchema).max(2000).default([]),
  rules: z.array(poolGradeRule).max(20).default([]),
});
export type PoolBody = z.infer<typeof poolBody>;
export const poolPatchBody = poolBody.partial().omit({ entityType: true });

export const poolItem = z.object({
  id: idSchema,
  entityType: z.enum(POOL_ENTITY_TYPES),
  name: z.string(),
  isDefault: z.boolean(),
  claimDailyLimit: z.number().nullable(),
  holdLimit: z.number().nullable(),
  cooldownDays: z.number().nullable(),
  departmentIds: z.array(idSchema),
  memberIds: z.array(idSchema),
  rules: z.array(poolGradeRule),
  recordCount: z.number().optional(),
});
export type PoolItem = z.infer<typeof poolItem>;

export const actionStatsQuery = z.object({
  entityType: z.enum(POOL_ENTITY_TYPES).default('customer'),
  from: z.iso.datetime({ offset: true, error: 'from 应为 ISO-8601 时间' }).optional(),
  to: z.iso.datetime({ offset: true, error: 'to 应为 ISO-8601 时间' }).optional(),
  groupBy: z.enum(['actor', 'toUser', 'action', 'day']).default('actor'),
});
export const actionStatsResponse = z.object({
  items: z.array(z.object({ key: z.string(), label: z.string().nullable(), action: z.enum(OWNERSHIP_ACTIONS), count: z.number() })),
});

import { boolean, index, int, mysqlEnum, mysqlTable, primaryKey, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { POOL_ENTITY_TYPES } from '@scrm/shared';
import { pk, ref, timestamps, utc } from '../columns';
import { tenant } from './corps';
import { departments, users } from './org';

/** 公海 / 线索池: where unowned customers or leads sit, with the corp's claim rules. */
export const pools = mysqlTable(
  'pools',
  {
    id: pk(),
    ...tenant(),
    entityType: mysqlEnum('entity_type', POOL_ENTITY_TYPES).notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    /** New records without a pool go to the default pool of their type (and are reclaimed into it). */
    isDefault: boolean('is_default').notNull().default(false),
    /** Claims per rep per Shanghai calendar day from this pool; null = unlimited. */
    claimDailyLimit: int('claim_daily_limit'),
    /** Records of this pool's type a rep may hold at once; null = unlimited (per-grade caps in pool_rules). */
    holdLimit: int('hold_limit'),
    /** Days before the previous owner may claim a record that left them. */
    cooldownDays: int('cooldown_days'),
    ...timestamps(),
  },
  (t) => [
    // serves: pools of a corp by type (pool tab, default pool lookup)
    index('pools_corp_type_idx').on(t.corpId, t.entityType),
  ],
);

/** Visible range of a pool; no rows = visible to the whole corp. Sub-departments are included. */
export const poolDepartments = mysqlTable(
  'pool_departments',
  {
    poolId: ref('pool_id')
      .notNull()
      .references(() => pools.id, { onDelete: 'cascade' }),
    departmentId: ref('department_id')
      .notNull()
      .references(() => departments.id),
  },
  (t) => [primaryKey({ columns: [t.poolId, t.departmentId] })],
);

/** Who may claim from a pool; no rows = everyone who can see it. */
export const poolMembers = mysqlTable(
  'pool_members',
  {
    poolId: ref('pool_id')
      .notNull()
      .references(() => pools.id, { onDelete: 'cascade' }),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.poolId, t.userId] }),
    // serves: pools a user is a member of
    index('pool_members_user_idx').on(t.userId),
  ],
);

/**
 * Per-grade rules of a pool (grade '' = every grade without its own row): hold cap, automatic
 * reclaim after N days without follow-up / M days without a deal, reminder X days before.
 * A table (not JSON) so the reclaim job can join it in one set-based statement.
 */
export const poolRules = mysqlTable(
  'pool_rules',
  {
    id: pk(),
    ...tenant(),
    poolId: ref('pool_id')
      .notNull()
      .references(() => pools.id, { onDelete: 'cascade' }),
    grade: varchar('grade', { length: 16 }).notNull().default(''),
    holdLimit: int('hold_limit'),
    reclaimNoFollowUpDays: int('reclaim_no_follow_up_days'),
    reclaimNoDealDays: int('reclaim_no_deal_days'),
    remindDaysBefore: int('remind_days_before'),
  },
  (t) => [
    // serves: rule lookup per (pool, grade); the reclaim job's join
    uniqueIndex('pool_rules_pool_grade_uq').on(t.poolId, t.grade),
  ],
);

/**
 * One row per (user, entity type), locked FOR UPDATE at the start of every claim/assign/transfer
 * to that user, so the daily and hold caps cannot be exceeded by concurrent requests.
 */
export const poolUserCounters = mysqlTable(
  'pool_user_counters',
  {
    ...tenant(),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
    entityType: mysqlEnum('entity_type', POOL_ENTITY_TYPES).notNull(),
    lastActionAt: utc('last_action_at'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.entityType] })],
);

/** Reclaim reminders sent (or queued) to owners; the unique key makes the job idempotent. */
export const poolReclaimReminders = mysqlTable(
  'pool_reclaim_reminders',
  {
    id: pk(),
    ...tenant(),
    entityType: mysqlEnum('entity_type', POOL_ENTITY_TYPES).notNull(),
    entityId: ref('entity_id').notNull(),
    ownerId: ref('owner_id')
      .notNull()
      .references(() => users.id),
    /** When the record will be reclaimed if nothing happens. */
    reclaimAt: utc('reclaim_at').notNull(),
    rule: varchar('rule', { length: 64 }).notNull(),
    createdAt: utc('created_at').notNull(),
  },
  (t) => [
    // serves: one reminder per (record, owner, due date)
    uniqueIndex('pool_reclaim_reminders_uq').on(t.entityType, t.entityId, t.ownerId, t.reclaimAt),
    // serves: an owner's reminders
    index('pool_reclaim_reminders_owner_idx').on(t.corpId, t.ownerId, t.createdAt),
  ],
);

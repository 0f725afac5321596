import { boolean, index, mysqlEnum, mysqlTable, varchar } from 'drizzle-orm/mysql-core';
import { OWNERSHIP_ACTIONS, POOL_ENTITY_TYPES } from '@scrm/shared';
import { pk, ref, utc } from '../columns';
import { tenant } from './corps';
import { users } from './org';
import { pools } from './pools';

/**
 * Every ownership action on a customer or lead (create, transfer, claim, return, reclaim, assign,
 * convert, discard, restore): who, when, from/to owner and pool, reason, and the rule that applied
 * (e.g. `auto_no_follow_up` for the reclaim job). Feeds caps, cooldowns, timelines and statistics.
 */
export const ownershipActions = mysqlTable(
  'ownership_actions',
  {
    id: pk(),
    ...tenant(),
    entityType: mysqlEnum('entity_type', POOL_ENTITY_TYPES).notNull(),
    entityId: ref('entity_id').notNull(),
    action: mysqlEnum('action', OWNERSHIP_ACTIONS).notNull(),
    /** null = the system (reclaim job). */
    actorId: ref('actor_id').references(() => users.id),
    fromUserId: ref('from_user_id').references(() => users.id),
    toUserId: ref('to_user_id').references(() => users.id),
    fromPoolId: ref('from_pool_id').references(() => pools.id),
    toPoolId: ref('to_pool_id').references(() => pools.id),
    reason: varchar('reason', { length: 500 }),
    rule: varchar('rule', { length: 64 }),
    /** false when a privileged caller overrode a pool rule. */
    ruleRespected: boolean('rule_respected').notNull().default(true),
    createdAt: utc('created_at').notNull(),
  },
  (t) => [
    // serves: a record's history (timeline) and the previous-owner cooldown check
    index('ownership_actions_entity_idx').on(t.corpId, t.entityType, t.entityId, t.createdAt),
    // serves: claims per rep per day (daily cap) and per-rep statistics
    index('ownership_actions_actor_idx').on(t.corpId, t.entityType, t.actorId, t.action, t.createdAt),
    // serves: statistics by action over a period
    index('ownership_actions_stats_idx').on(t.corpId, t.entityType, t.action, t.createdAt),
  ],
);

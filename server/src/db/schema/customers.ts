import { boolean, decimal, index, int, mysqlEnum, mysqlTable, primaryKey, text, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { COLLABORATOR_PERMISSIONS, CUSTOMER_STATUSES, DEAL_STATUSES } from '@scrm/shared';
import { json, moneyCol, pk, ref, timestamps, utc } from '../columns';
import { tenant } from './corps';
import { users } from './org';
import { pools } from './pools';

/** 客户: an organisation. Person data lives on contacts. Rollups are kept by `refreshCustomerRollups`. */
export const customers = mysqlTable(
  'customers',
  {
    id: pk(),
    ...tenant(),
    name: varchar('name', { length: 100 }).notNull(),
    /** `normaliseCustomerName(name)`: the duplicate key. */
    nameKey: varchar('name_key', { length: 100 }).notNull(),
    creditCode: varchar('credit_code', { length: 18 }),
    registeredCapital: moneyCol('registered_capital'),
    legalRepresentative: varchar('legal_representative', { length: 50 }),
    address: varchar('address', { length: 300 }),
    longitude: decimal('longitude', { precision: 10, scale: 6, mode: 'number' }),
    latitude: decimal('latitude', { precision: 10, scale: 6, mode: 'number' }),
    region: varchar('region', { length: 100 }),
    industry: varchar('industry', { length: 50 }),
    grade: varchar('grade', { length: 16 }),
    source: varchar('source', { length: 50 }),
    tags: json<string[]>('tags')
      .notNull()
      .$defaultFn(() => []),
    remark: text('remark'),
    ownerId: ref('owner_id').references(() => users.id),
    /** The pool the customer sits in (owner null) or falls back to when reclaimed/returned. */
    poolId: ref('pool_id').references(() => pools.id),
    /** When the current owner got it: the start of the "no deal for M days" clock. */
    ownedAt: utc('owned_at'),
    locked: boolean('locked').notNull().default(false),
    status: mysqlEnum('status', CUSTOMER_STATUSES).notNull().default('active'),
    dealStatus: mysqlEnum('deal_status', DEAL_STATUSES).notNull().default('none'),
    followUpCount: int('follow_up_count').notNull().default(0),
    lastFollowUpAt: utc('last_follow_up_at'),
    nextFollowUpAt: utc('next_follow_up_at'),
    openOpportunityCount: int('open_opportunity_count').notNull().default(0),
    wonAmount: moneyCol('won_amount').notNull().default(0),
    lastWonAt: utc('last_won_at'),
    contractTotal: moneyCol('contract_total').notNull().default(0),
    receivedAmount: moneyCol('received_amount').notNull().default(0),
    currency: varchar('currency', { length: 3 }).notNull().default('CNY'),
    createdBy: ref('created_by').references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    // serves: duplicate check by normalised name (and the uniqueness rule itself)
    uniqueIndex('customers_corp_name_key_uq').on(t.corpId, t.nameKey),
    // serves: duplicate check by credit code (NULLs allowed many times)
    uniqueIndex('customers_corp_credit_code_uq').on(t.corpId, t.creditCode),
    // serves: "mine"/"team" lists keyset-paged by updated_at, and hold-limit counts per owner; pool,
    // grade and name keep the id scan of a filtered list (grade, keyword) index-only
    index('customers_corp_owner_updated_idx').on(t.corpId, t.ownerId, t.status, t.updatedAt, t.id, t.poolId, t.grade, t.name),
    // serves: pool tab lists and pool record counts
    index('customers_corp_pool_owner_idx').on(t.corpId, t.poolId, t.ownerId, t.status, t.updatedAt),
    // serves: "all" list keyset-paged by updated_at; owner, pool, grade and name make the id scan of
    // the list (scope, grade filter, keyword) index-only, so a leader's "all" tab reads rows for one page only
    index('customers_corp_updated_idx').on(t.corpId, t.status, t.updatedAt, t.id, t.ownerId, t.poolId, t.grade, t.name),
    // serves: the reclaim job (owned, unlocked, not won, by last follow-up)
    index('customers_reclaim_idx').on(t.corpId, t.poolId, t.dealStatus, t.locked, t.lastFollowUpAt),
    // serves: keyword prefix search on the display name (LIKE 'q%')
    index('customers_corp_name_idx').on(t.corpId, t.name),
  ],
);

/** Colleagues who may read or edit a customer besides its owner (data scope includes them). */
export const customerCollaborators = mysqlTable(
  'customer_collaborators',
  {
    customerId: ref('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
    ...tenant(),
    permission: mysqlEnum('permission', COLLABORATOR_PERMISSIONS).notNull().default('read'),
    createdAt: utc('created_at')
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    primaryKey({ columns: [t.customerId, t.userId] }),
    // serves: "customers where I am a collaborator" in the data-scope condition
    index('customer_collaborators_user_idx').on(t.userId, t.customerId),
  ],
);

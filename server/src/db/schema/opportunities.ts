import { boolean, date, index, int, mysqlEnum, mysqlTable, text, tinyint, uniqueIndex, varchar, type AnyMySqlColumn } from 'drizzle-orm/mysql-core';
import { ATTITUDES, CURRENCIES, OPPORTUNITY_CONTACT_ROLES, OPPORTUNITY_STATUSES, STAGE_KINDS, SUPPORT_STATUSES, type StageRequiredField } from '@scrm/shared';
import { json, moneyCol, pk, ref, timestamps, utc } from '../columns';
import { pricedLineColumns } from './catalog';
import { contacts } from './contacts';
import { tenant } from './corps';
import { customers } from './customers';
import { users } from './org';

/** A stage set (阶段模板) per business line. */
export const stageSets = mysqlTable(
  'stage_sets',
  {
    id: pk(),
    ...tenant(),
    name: varchar('name', { length: 50 }).notNull(),
    businessLine: varchar('business_line', { length: 50 }).notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    allowRollback: boolean('allow_rollback').notNull().default(true),
    allowSkip: boolean('allow_skip').notNull().default(false),
    allowReopen: boolean('allow_reopen').notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    // serves: the stage set of a business line
    uniqueIndex('stage_sets_corp_line_uq').on(t.corpId, t.businessLine),
  ],
);

export interface StageRequirements {
  fields: StageRequiredField[];
  checklist: { key: string; label: string }[];
}

/** Stages of a set, ordered; `kind` marks the won / lost end stages. */
export const stages = mysqlTable(
  'stages',
  {
    id: pk(),
    ...tenant(),
    stageSetId: ref('stage_set_id').notNull().references(() => stageSets.id),
    key: varchar('stage_key', { length: 40 }).notNull(),
    name: varchar('name', { length: 50 }).notNull(),
    sortOrder: int('sort_order').notNull(),
    winRate: tinyint('win_rate').notNull(),
    kind: mysqlEnum('kind', STAGE_KINDS).notNull().default('open'),
    requirements: json<StageRequirements>('requirements').notNull().$defaultFn(() => ({ fields: [], checklist: [] })),
    /** Keys of allowed targets; null = the set's default rule. */
    allowedMoves: json<string[] | null>('allowed_moves'),
  },
  (t) => [
    // serves: stages of a set in order; unique key per set
    uniqueIndex('stages_set_key_uq').on(t.stageSetId, t.key),
  ],
);

/** 商机. The owner is always the customer's owner (moves only with the customer). */
export const opportunities = mysqlTable(
  'opportunities',
  {
    id: pk(),
    ...tenant(),
    customerId: ref('customer_id').notNull().references(() => customers.id),
    ownerId: ref('owner_id').notNull().references(() => users.id),
    name: varchar('name', { length: 100 }).notNull(),
    stageSetId: ref('stage_set_id').notNull().references(() => stageSets.id),
    stageId: ref('stage_id').notNull().references(() => stages.id),
    status: mysqlEnum('status', OPPORTUNITY_STATUSES).notNull().default('open'),
    /** Copy of the current stage's win rate, so forecasts aggregate from one covering index. */
    winRate: tinyint('win_rate').notNull(),
    amount: moneyCol('amount').notNull().default(0),
    currency: mysqlEnum('currency', CURRENCIES).notNull().default('CNY'),
    /** True when the amount was typed in (allowed only while there are no lines). */
    amountManual: boolean('amount_manual').notNull().default(false),
    expectedCloseDate: date('expected_close_date', { mode: 'string' }),
    businessLine: varchar('business_line', { length: 50 }),
    source: varchar('source', { length: 50 }),
    need: text('need'),
    painPoints: text('pain_points'),
    budget: moneyCol('budget'),
    checklist: json<Record<string, boolean>>('checklist').notNull().$defaultFn(() => ({})),
    /** The accepted quote (quotes.id); no FK because quotes reference opportunities. */
    winningQuoteId: ref('winning_quote_id'),
    lostReason: varchar('lost_reason', { length: 500 }),
    competitor: varchar('competitor', { length: 100 }),
    stageEnteredAt: utc('stage_entered_at').notNull(),
    closedAt: utc('closed_at'),
    createdBy: ref('created_by').references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    // serves: funnel / forecast / kanban aggregates by scope (covering: one GROUP BY, no row lookups)
    index('opportunities_pipeline_idx').on(t.corpId, t.status, t.ownerId, t.expectedCloseDate, t.stageId, t.winRate, t.amount),
    // serves: the funnel of one stage set, grouped by stage (covering: scope, date filter and sums from the index)
    index('opportunities_funnel_idx').on(t.corpId, t.stageSetId, t.stageId, t.ownerId, t.expectedCloseDate, t.amount, t.winRate),
    // serves: the forecast by month (grouped by status and close date in index order; covering)
    index('opportunities_forecast_date_idx').on(t.corpId, t.status, t.expectedCloseDate, t.ownerId, t.winRate, t.amount),
    // serves: "mine"/"team" lists keyset-paged by updated_at
    index('opportunities_corp_owner_updated_idx').on(t.corpId, t.ownerId, t.updatedAt, t.id),
    // serves: "all" lists keyset-paged by updated_at
    index('opportunities_corp_updated_idx').on(t.corpId, t.updatedAt, t.id),
    // serves: a customer's opportunities (sidebar, rollups, transfer)
    index('opportunities_corp_customer_idx').on(t.corpId, t.customerId, t.status),
  ],
);

/** 商机明细: amount = round-half-up(listPrice × quantity × (1 − discount)), per line. */
export const opportunityLines = mysqlTable(
  'opportunity_lines',
  {
    id: pk(),
    ...tenant(),
    opportunityId: ref('opportunity_id').notNull().references(() => opportunities.id, { onDelete: 'cascade' }),
    ...pricedLineColumns(),
  },
  (t) => [
    // serves: the lines of an opportunity
    index('opportunity_lines_opp_idx').on(t.opportunityId, t.sortOrder),
  ],
);

/** Stage history: one row per stay in a stage; `left_at` null = current. */
export const opportunityStageHistory = mysqlTable(
  'opportunity_stage_history',
  {
    id: pk(),
    ...tenant(),
    opportunityId: ref('opportunity_id').notNull().references(() => opportunities.id, { onDelete: 'cascade' }),
    fromStageId: ref('from_stage_id').references(() => stages.id),
    toStageId: ref('to_stage_id').notNull().references(() => stages.id),
    userId: ref('user_id').references(() => users.id),
    enteredAt: utc('entered_at').notNull(),
    leftAt: utc('left_at'),
    durationSeconds: int('duration_seconds'),
    note: varchar('note', { length: 500 }),
  },
  (t) => [
    // serves: an opportunity's history in order
    index('opportunity_stage_history_opp_idx').on(t.opportunityId, t.enteredAt),
    // serves: a user's stage moves in a period (work report auto-fill)
    index('opportunity_stage_history_user_idx').on(t.corpId, t.userId, t.enteredAt),
  ],
);

/** 商机联系人: a contact's role and attitude in this deal; reports-to draws the map. */
export const opportunityContacts = mysqlTable(
  'opportunity_contacts',
  {
    id: pk(),
    ...tenant(),
    opportunityId: ref('opportunity_id').notNull().references(() => opportunities.id, { onDelete: 'cascade' }),
    contactId: ref('contact_id').notNull().references(() => contacts.id),
    role: mysqlEnum('role', OPPORTUNITY_CONTACT_ROLES).notNull(),
    attitude: mysqlEnum('attitude', ATTITUDES).notNull().default('neutral'),
    influence: tinyint('influence').notNull().default(3),
    reportsToId: ref('reports_to_id').references((): AnyMySqlColumn => opportunityContacts.id, { onDelete: 'set null' }),
    note: varchar('note', { length: 500 }),
    ...timestamps(),
  },
  (t) => [
    // serves: an opportunity's contacts; a contact appears once per opportunity
    uniqueIndex('opportunity_contacts_opp_contact_uq').on(t.opportunityId, t.contactId),
  ],
);

/** 销售支持: who builds which part of the proposal, by when, whether a bid is needed. */
export const salesSupportRequests = mysqlTable(
  'sales_support_requests',
  {
    id: pk(),
    ...tenant(),
    opportunityId: ref('opportunity_id').notNull().references(() => opportunities.id, { onDelete: 'cascade' }),
    need: varchar('need', { length: 1000 }).notNull(),
    providerUserId: ref('provider_user_id').references(() => users.id),
    dueDate: date('due_date', { mode: 'string' }),
    bidRequired: boolean('bid_required').notNull().default(false),
    status: mysqlEnum('status', SUPPORT_STATUSES).notNull().default('requested'),
    result: varchar('result', { length: 2000 }),
    requestedBy: ref('requested_by').references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    // serves: an opportunity's support requests
    index('sales_support_opp_idx').on(t.opportunityId, t.createdAt),
    // serves: "requests I must provide"
    index('sales_support_provider_idx').on(t.corpId, t.providerUserId, t.status),
  ],
);

import { boolean, date, index, mysqlEnum, mysqlTable, text, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { CAMPAIGN_PAYMENT_STATUSES, CAMPAIGN_STATUSES, CAMPAIGN_TYPES } from '@scrm/shared';
import { json, moneyCol, pk, ref, timestamps } from '../columns';
import { tenant } from './corps';
import { users } from './org';
import { pools } from './pools';

/** 市场活动: a marketing activity with a budget; its results are computed from the leads it brought. */
export const campaigns = mysqlTable(
  'campaigns',
  {
    id: pk(),
    ...tenant(),
    name: varchar('name', { length: 100 }).notNull(),
    type: mysqlEnum('type', CAMPAIGN_TYPES).notNull(),
    channel: varchar('channel', { length: 50 }),
    status: mysqlEnum('status', CAMPAIGN_STATUSES).notNull().default('planned'),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    ownerId: ref('owner_id').references(() => users.id),
    budget: moneyCol('budget').notNull().default(0),
    currency: varchar('currency', { length: 3 }).notNull().default('CNY'),
    /** Lead pool that web-form leads go to; null = the corp's default lead pool. */
    poolId: ref('pool_id').references(() => pools.id),
    /** Unguessable key of the public web-to-lead endpoint (`/api/public/campaigns/:key/leads`). */
    publicKey: varchar('public_key', { length: 32 }).notNull(),
    webFormEnabled: boolean('web_form_enabled').notNull().default(true),
    /**
     * Origins (`https://host[:port]`) whose landing pages may post the web form from a browser
     * (CORS on the public endpoint only); null or empty = any origin (`*`).
     */
    allowedOrigins: json<string[]>('allowed_origins'),
    description: text('description'),
    createdBy: ref('created_by').references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    // serves: the public web form resolving its campaign
    uniqueIndex('campaigns_public_key_uq').on(t.publicKey),
    // serves: the campaign list keyset-paged by updated_at
    index('campaigns_corp_updated_idx').on(t.corpId, t.updatedAt, t.id),
  ],
);

/** 市场供应商 of a campaign. */
export const campaignVendors = mysqlTable(
  'campaign_vendors',
  {
    id: pk(),
    ...tenant(),
    campaignId: ref('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    name: varchar('name', { length: 100 }).notNull(),
    contactName: varchar('contact_name', { length: 50 }),
    phone: varchar('phone', { length: 30 }),
    ...timestamps(),
  },
  (t) => [
    // serves: a campaign's vendors
    index('campaign_vendors_campaign_idx').on(t.campaignId),
  ],
);

/** Cost lines of a campaign, optionally per vendor; their sum is the campaign's cost. */
export const campaignCosts = mysqlTable(
  'campaign_costs',
  {
    id: pk(),
    ...tenant(),
    campaignId: ref('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    vendorId: ref('vendor_id').references(() => campaignVendors.id),
    item: varchar('item', { length: 200 }).notNull(),
    amount: moneyCol('amount').notNull(),
    incurredOn: date('incurred_on', { mode: 'string' }),
    createdBy: ref('created_by').references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    // serves: a campaign's cost lines and cost total
    index('campaign_costs_campaign_idx').on(t.campaignId, t.vendorId),
  ],
);

/** 付款记录: payments to a vendor, with status. */
export const campaignPayments = mysqlTable(
  'campaign_payments',
  {
    id: pk(),
    ...tenant(),
    campaignId: ref('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    vendorId: ref('vendor_id')
      .notNull()
      .references(() => campaignVendors.id),
    amount: moneyCol('amount').notNull(),
    status: mysqlEnum('status', CAMPAIGN_PAYMENT_STATUSES).notNull().default('pending'),
    paidOn: date('paid_on', { mode: 'string' }),
    note: varchar('note', { length: 500 }),
    createdBy: ref('created_by').references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    // serves: a campaign's payments and per-vendor paid totals
    index('campaign_payments_campaign_idx').on(t.campaignId, t.vendorId, t.status),
  ],
);

import { index, int, mysqlEnum, mysqlTable, text, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { LEAD_STATUSES } from '@scrm/shared';
import { json, pk, ref, timestamps, utc } from '../columns';
import { campaigns } from './campaigns';
import { contacts } from './contacts';
import { tenant } from './corps';
import { customers } from './customers';
import { users } from './org';
import { pools } from './pools';
import { externalContacts } from './wecom';

/** 线索: vague demand, owned by a rep or sitting in a lead pool; converted into customer + contact. */
export const leads = mysqlTable(
  'leads',
  {
    id: pk(),
    ...tenant(),
    name: varchar('name', { length: 100 }).notNull(),
    company: varchar('company', { length: 200 }),
    mobile: varchar('mobile', { length: 20 }),
    wechatId: varchar('wechat_id', { length: 64 }),
    region: varchar('region', { length: 100 }),
    source: varchar('source', { length: 50 }),
    /** The campaign (市场活动) it came from. */
    campaignId: ref('campaign_id').references(() => campaigns.id),
    grade: varchar('grade', { length: 16 }),
    tags: json<string[]>('tags')
      .notNull()
      .$defaultFn(() => []),
    need: text('need'),
    ownerId: ref('owner_id').references(() => users.id),
    poolId: ref('pool_id').references(() => pools.id),
    ownedAt: utc('owned_at'),
    status: mysqlEnum('status', LEAD_STATUSES).notNull().default('active'),
    externalContactId: ref('external_contact_id').references(() => externalContacts.id),
    convertedCustomerId: ref('converted_customer_id').references(() => customers.id),
    convertedContactId: ref('converted_contact_id').references(() => contacts.id),
    convertedAt: utc('converted_at'),
    followUpCount: int('follow_up_count').notNull().default(0),
    lastFollowUpAt: utc('last_follow_up_at'),
    nextFollowUpAt: utc('next_follow_up_at'),
    createdBy: ref('created_by').references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    // serves: idempotent lead-from-WeCom (one lead per external contact) and the sidebar lookup
    uniqueIndex('leads_external_contact_uq').on(t.externalContactId),
    // serves: "mine"/"team" lists and hold-limit counts
    index('leads_corp_owner_updated_idx').on(t.corpId, t.ownerId, t.status, t.updatedAt, t.id),
    // serves: lead pool lists and the reclaim job
    index('leads_corp_pool_owner_idx').on(t.corpId, t.poolId, t.ownerId, t.status, t.lastFollowUpAt),
    // serves: duplicate check / search by phone
    index('leads_corp_mobile_idx').on(t.corpId, t.mobile),
    // serves: leads per campaign (campaign results)
    index('leads_corp_campaign_idx').on(t.corpId, t.campaignId),
  ],
);

/**
 * A repeat campaign touch (再次留资): a web-form submission from someone who is already a lead
 * (same mobile). The lead keeps its first campaign; each later touch is kept here and shown in
 * the lead's timeline, so the rep sees the renewed interest and the campaign gets the credit.
 */
export const leadTouches = mysqlTable(
  'lead_touches',
  {
    id: pk(),
    ...tenant(),
    leadId: ref('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    campaignId: ref('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    /** What the visitor typed this time (name, company, need), as submitted. */
    name: varchar('name', { length: 100 }).notNull(),
    company: varchar('company', { length: 200 }),
    need: text('need'),
    source: varchar('source', { length: 50 }),
    occurredAt: utc('occurred_at').notNull(),
  },
  (t) => [
    // serves: a lead's timeline (touches newest first, paged by occurred_at)
    index('lead_touches_lead_idx').on(t.corpId, t.leadId, t.occurredAt),
    // serves: touches per campaign
    index('lead_touches_campaign_idx').on(t.campaignId, t.occurredAt),
  ],
);

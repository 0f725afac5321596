import { boolean, index, int, mysqlEnum, mysqlTable, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { LEAD_CONVERT_MODES } from '@scrm/shared';
import { json, pk, ref, utc } from '../columns';
import { campaigns } from './campaigns';
import { contacts } from './contacts';
import { tenant } from './corps';
import { customers } from './customers';
import { leads } from './leads';
import { users } from './org';
import { externalContacts } from './wecom';

/**
 * 线索转换 record, one per converted lead: who converted it, when, into what, from which
 * campaign/source, how long it took and whether it met the corp's rules — the basis of
 * marketing performance (conversions per marketer / campaign / source).
 */
export const leadConversions = mysqlTable(
  'lead_conversions',
  {
    id: pk(),
    ...tenant(),
    leadId: ref('lead_id')
      .notNull()
      .references(() => leads.id),
    mode: mysqlEnum('mode', LEAD_CONVERT_MODES).notNull(),
    customerId: ref('customer_id')
      .notNull()
      .references(() => customers.id),
    contactId: ref('contact_id')
      .notNull()
      .references(() => contacts.id),
    opportunityId: ref('opportunity_id'),
    campaignId: ref('campaign_id').references(() => campaigns.id),
    source: varchar('source', { length: 50 }),
    /** The WeCom external contact whose binding moved from the lead to the contact. */
    externalContactId: ref('external_contact_id').references(() => externalContacts.id),
    convertedBy: ref('converted_by')
      .notNull()
      .references(() => users.id),
    /** The lead's owner at conversion (the rep credited). */
    ownerId: ref('owner_id').references(() => users.id),
    convertedAt: utc('converted_at').notNull(),
    leadCreatedAt: utc('lead_created_at').notNull(),
    durationSeconds: int('duration_seconds').notNull(),
    followUpCount: int('follow_up_count').notNull(),
    metRules: boolean('met_rules').notNull(),
    ruleFailures: json<string[]>('rule_failures')
      .notNull()
      .$defaultFn(() => []),
  },
  (t) => [
    // serves: one conversion per lead (a second convert loses the race on this key)
    uniqueIndex('lead_conversions_lead_uq').on(t.leadId),
    // serves: conversions per marketer over a period
    index('lead_conversions_by_user_idx').on(t.corpId, t.convertedBy, t.convertedAt),
    // serves: conversions per campaign (campaign results, report)
    index('lead_conversions_campaign_idx').on(t.corpId, t.campaignId, t.convertedAt),
    // serves: conversions per source / over a period
    index('lead_conversions_at_idx').on(t.corpId, t.convertedAt),
  ],
);

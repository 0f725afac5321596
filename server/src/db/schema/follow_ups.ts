import { index, mysqlEnum, mysqlTable, primaryKey, text, varchar } from 'drizzle-orm/mysql-core';
import { FOLLOW_UP_TYPES } from '@scrm/shared';
import { json, pk, ref, timestamps, utc } from '../columns';
import { contacts } from './contacts';
import { tenant } from './corps';
import { customers } from './customers';
import { leads } from './leads';
import { users } from './org';

/** 跟进记录 on a customer, contact, lead or opportunity (the opportunities module adds that FK). */
export const followUps = mysqlTable(
  'follow_ups',
  {
    id: pk(),
    ...tenant(),
    type: mysqlEnum('type', FOLLOW_UP_TYPES).notNull(),
    content: text('content').notNull(),
    /** Upload ids. */
    images: json<string[]>('images')
      .notNull()
      .$defaultFn(() => []),
    customerId: ref('customer_id').references(() => customers.id),
    contactId: ref('contact_id').references(() => contacts.id),
    leadId: ref('lead_id').references(() => leads.id),
    opportunityId: ref('opportunity_id'),
    nextStep: varchar('next_step', { length: 500 }),
    nextFollowUpAt: utc('next_follow_up_at'),
    /** When the next-follow-up reminder went out; null = not yet. */
    remindedAt: utc('reminded_at'),
    occurredAt: utc('occurred_at').notNull(),
    authorId: ref('author_id')
      .notNull()
      .references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    // serves: a customer's follow-ups / timeline / rollups
    index('follow_ups_customer_idx').on(t.corpId, t.customerId, t.occurredAt),
    // serves: a lead's follow-ups
    index('follow_ups_lead_idx').on(t.corpId, t.leadId, t.occurredAt),
    // serves: a contact's follow-ups (sidebar)
    index('follow_ups_contact_idx').on(t.contactId, t.occurredAt),
    // serves: an opportunity's follow-ups
    index('follow_ups_opportunity_idx').on(t.corpId, t.opportunityId, t.occurredAt),
    // serves: "my follow-ups" and per-rep activity statistics
    index('follow_ups_author_idx').on(t.corpId, t.authorId, t.occurredAt),
    // serves: the next-follow-up reminder job
    index('follow_ups_remind_idx').on(t.remindedAt, t.nextFollowUpAt),
  ],
);

/** Contacts involved in a follow-up. */
export const followUpContacts = mysqlTable(
  'follow_up_contacts',
  {
    followUpId: ref('follow_up_id')
      .notNull()
      .references(() => followUps.id, { onDelete: 'cascade' }),
    contactId: ref('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.followUpId, t.contactId] }),
    // serves: follow-ups a contact took part in
    index('follow_up_contacts_contact_idx').on(t.contactId),
  ],
);

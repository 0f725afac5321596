import { boolean, index, mysqlTable, uniqueIndex, varchar, type AnyMySqlColumn } from 'drizzle-orm/mysql-core';
import { pk, ref, timestamps } from '../columns';
import { tenant } from './corps';
import { customers } from './customers';
import { users } from './org';
import { externalContacts } from './wecom';

/** 联系人: a person at a customer; its data scope is its customer's. */
export const contacts = mysqlTable(
  'contacts',
  {
    id: pk(),
    ...tenant(),
    customerId: ref('customer_id')
      .notNull()
      .references(() => customers.id),
    name: varchar('name', { length: 50 }).notNull(),
    mobile: varchar('mobile', { length: 20 }),
    wechatId: varchar('wechat_id', { length: 64 }),
    title: varchar('title', { length: 50 }),
    department: varchar('department', { length: 50 }),
    email: varchar('email', { length: 120 }),
    isKeyDecisionMaker: boolean('is_key_decision_maker').notNull().default(false),
    reportsToId: ref('reports_to_id').references((): AnyMySqlColumn => contacts.id, { onDelete: 'set null' }),
    remark: varchar('remark', { length: 1000 }),
    /** The WeCom external contact this person is; one-to-one (unique, NULLs allowed). */
    externalContactId: ref('external_contact_id').references(() => externalContacts.id),
    createdBy: ref('created_by').references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    // serves: one contact per external contact, and the sidebar lookup
    uniqueIndex('contacts_external_contact_uq').on(t.externalContactId),
    // serves: a customer's contacts
    index('contacts_corp_customer_idx').on(t.corpId, t.customerId),
    // serves: duplicate check / keyword search by phone (prefix)
    index('contacts_corp_mobile_idx').on(t.corpId, t.mobile),
    // serves: keyword search by name (prefix)
    index('contacts_corp_name_idx').on(t.corpId, t.name),
  ],
);

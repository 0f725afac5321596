import { foreignKey, index, int, mysqlEnum, mysqlTable, tinyint, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { json, pk, ref, timestamps, utc } from '../columns';
import { tenant } from './corps';
import { users } from './org';

/** WeChat/WeCom users added by employees (外部联系人), mirrored from `externalcontact/get`. */
export const externalContacts = mysqlTable(
  'external_contacts',
  {
    id: pk(),
    ...tenant(),
    externalUserId: varchar('external_userid', { length: 64 }).notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    /** 1 = WeChat user, 2 = WeCom user. */
    type: tinyint('type').notNull().default(1),
    corpName: varchar('corp_name', { length: 200 }),
    corpFullName: varchar('corp_full_name', { length: 200 }),
    position: varchar('position', { length: 100 }),
    avatar: varchar('avatar', { length: 500 }),
    /** 0 unknown, 1 male, 2 female. */
    gender: tinyint('gender').notNull().default(0),
    unionid: varchar('unionid', { length: 64 }),
    /** The last full `external_contact` object WeCom returned. */
    raw: json<Record<string, unknown>>('raw'),
    ...timestamps(),
  },
  (t) => [
    // serves: sidebar context and callbacks resolving an external_userid
    uniqueIndex('external_contacts_corp_ext_uq').on(t.corpId, t.externalUserId),
  ],
);

export const FOLLOW_STATUSES = ['active', 'ended'] as const;
/** Who ended a follow relation: the employee deleted the customer, the customer deleted the employee, or a handover. */
export const FOLLOW_END_REASONS = ['employee_deleted', 'customer_deleted', 'transferred'] as const;

/** The relation "employee follows external contact" (follow_user), with remark, tags, add way and state. */
export const externalContactFollows = mysqlTable(
  'external_contact_follows',
  {
    id: pk(),
    ...tenant(),
    externalContactId: ref('external_contact_id').notNull(),
    wecomUserId: varchar('wecom_user_id', { length: 64 }).notNull(),
    userId: ref('user_id').references(() => users.id),
    remark: varchar('remark', { length: 100 }),
    description: varchar('description', { length: 500 }),
    tags: json<{ groupName?: string; tagName?: string; tagId?: string; type?: number }[]>('tags'),
    remarkMobiles: json<string[]>('remark_mobiles'),
    addWay: int('add_way'),
    state: varchar('state', { length: 64 }),
    followedAt: utc('followed_at'),
    status: mysqlEnum('status', FOLLOW_STATUSES).notNull().default('active'),
    endedAt: utc('ended_at'),
    endReason: mysqlEnum('end_reason', FOLLOW_END_REASONS),
    ...timestamps(),
  },
  (t) => [
    // MySQL identifiers stop at 64 characters: the generated FK name would be longer.
    foreignKey({ name: 'ext_contact_follows_contact_fk', columns: [t.externalContactId], foreignColumns: [externalContacts.id] }),
    // serves: upsert per (contact, employee) from callbacks and sync
    uniqueIndex('external_contact_follows_uq').on(t.externalContactId, t.wecomUserId),
    // serves: an employee's external contacts
    index('external_contact_follows_user_idx').on(t.corpId, t.userId),
  ],
);

/** A lead/customer timeline entry about an external contact (added, removed, transfer failed…), written from callbacks. */
export const externalContactEvents = mysqlTable(
  'external_contact_events',
  {
    id: pk(),
    ...tenant(),
    externalContactId: ref('external_contact_id').notNull(),
    userId: ref('user_id').references(() => users.id),
    wecomUserId: varchar('wecom_user_id', { length: 64 }),
    /** e.g. added, employee_deleted, customer_deleted, transfer_fail, transfer_requested. */
    kind: varchar('kind', { length: 32 }).notNull(),
    /** Human sentence (Chinese) shown on the timeline. */
    message: varchar('message', { length: 500 }).notNull(),
    /** Makes the entry idempotent when an inbox event is reprocessed (e.g. `inbox:123`). */
    sourceKey: varchar('source_key', { length: 96 }).notNull(),
    createdAt: utc('created_at').notNull(),
  },
  (t) => [
    foreignKey({ name: 'ext_contact_events_contact_fk', columns: [t.externalContactId], foreignColumns: [externalContacts.id] }),
    // serves: one entry per source event (reprocessing writes nothing new)
    uniqueIndex('external_contact_events_source_uq').on(t.corpId, t.sourceKey),
    // serves: the timeline of one external contact
    index('external_contact_events_contact_idx').on(t.externalContactId, t.createdAt),
  ],
);

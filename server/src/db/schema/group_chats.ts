import { index, mysqlTable, uniqueIndex, varchar, type AnyMySqlColumn } from 'drizzle-orm/mysql-core';
import { pk, ref, timestamps } from '../columns';
import { tenant } from './corps';
import { customers } from './customers';
import { opportunities } from './opportunities';
import { users } from './org';

// Its own file: it refers to both customers and opportunities, and opportunities refer to
// customers — in customers.ts it made an import cycle.
/** A WeCom customer group chat (客户群) bound to a customer. */
export const customerGroupChats = mysqlTable(
  'customer_group_chats',
  {
    id: pk(),
    ...tenant(),
    customerId: ref('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    chatId: varchar('chat_id', { length: 64 }).notNull(),
    name: varchar('name', { length: 100 }),
    /** The deal the group works on (optional; an opportunity of the same customer). */
    opportunityId: ref('opportunity_id').references((): AnyMySqlColumn => opportunities.id, { onDelete: 'set null' }),
    boundBy: ref('bound_by').references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    // serves: resolving a group chat to its customer (one customer per chat)
    uniqueIndex('customer_group_chats_chat_uq').on(t.corpId, t.chatId),
    // serves: a customer's group chats
    index('customer_group_chats_customer_idx').on(t.customerId),
    // serves: an opportunity's group chats
    index('customer_group_chats_opportunity_idx').on(t.opportunityId),
  ],
);

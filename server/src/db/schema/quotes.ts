import { index, int, mysqlEnum, mysqlTable, uniqueIndex, varchar, date } from 'drizzle-orm/mysql-core';
import { CURRENCIES, QUOTE_STATUSES } from '@scrm/shared';
import { moneyCol, pk, ref, timestamps, utc } from '../columns';
import { pricedLineColumns } from './catalog';
import { tenant } from './corps';
import { opportunities } from './opportunities';
import { users } from './org';

/** 报价单: a versioned, editable copy of an opportunity's lines. */
export const quotes = mysqlTable(
  'quotes',
  {
    id: pk(),
    ...tenant(),
    opportunityId: ref('opportunity_id').notNull().references(() => opportunities.id),
    version: int('version').notNull(),
    number: varchar('number', { length: 40 }).notNull(),
    status: mysqlEnum('status', QUOTE_STATUSES).notNull().default('draft'),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    amount: moneyCol('amount').notNull(),
    /** Sum of list price × quantity (before discounts). */
    listAmount: moneyCol('list_amount').notNull(),
    currency: mysqlEnum('currency', CURRENCIES).notNull().default('CNY'),
    maxDiscountBp: int('max_discount_bp').notNull().default(0),
    /** The approvals engine's instance, when discount approval was started. */
    approvalId: ref('approval_id'),
    note: varchar('note', { length: 1000 }),
    createdBy: ref('created_by').references(() => users.id),
    acceptedAt: utc('accepted_at'),
    ...timestamps(),
  },
  (t) => [
    // serves: versions of an opportunity's quotes; one row per version
    uniqueIndex('quotes_opp_version_uq').on(t.opportunityId, t.version),
    // serves: quote number lookup
    index('quotes_corp_number_idx').on(t.corpId, t.number),
  ],
);

export const quoteLines = mysqlTable(
  'quote_lines',
  {
    id: pk(),
    ...tenant(),
    quoteId: ref('quote_id').notNull().references(() => quotes.id, { onDelete: 'cascade' }),
    ...pricedLineColumns(),
  },
  (t) => [
    // serves: the lines of a quote
    index('quote_lines_quote_idx').on(t.quoteId, t.sortOrder),
  ],
);

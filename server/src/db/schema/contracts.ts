import { bigint, date, index, int, mysqlEnum, mysqlTable, primaryKey, text, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { CHANGE_STATUSES, CONTRACT_STATUSES, DOC_ORIGINS, ORDER_STATUSES } from '@scrm/shared';
import { json, moneyCol, pk, ref, timestamps, utc } from '../columns';
import { tenant } from './corps';
import { customers } from './customers';
import { departments, users } from './org';

/** Per corp + document type + year counters behind numbers like HT-2026-000123. */
export const docSequences = mysqlTable(
  'doc_sequences',
  {
    ...tenant(),
    docType: varchar('doc_type', { length: 24 }).notNull(),
    year: int('year').notNull(),
    lastValue: bigint('last_value', { mode: 'number', unsigned: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.corpId, t.docType, t.year] })],
);

/** 合同. Money columns are rollups of receipts/refunds, invoices/red invoices, shipments/returns. */
export const contracts = mysqlTable(
  'contracts',
  {
    id: pk(),
    ...tenant(),
    number: varchar('number', { length: 32 }).notNull(),
    title: varchar('title', { length: 100 }).notNull(),
    customerId: ref('customer_id').notNull().references(() => customers.id),
    /** No FK yet: opportunities/quotes/catalog tables land in a later migration of their module. */
    opportunityId: ref('opportunity_id'),
    quoteId: ref('quote_id'),
    ownerId: ref('owner_id').notNull().references(() => users.id),
    /** The owner's department when signed: performance per department. */
    departmentId: ref('department_id').references(() => departments.id),
    status: mysqlEnum('status', CONTRACT_STATUSES).notNull().default('draft'),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    startOn: date('start_on', { mode: 'string' }),
    endOn: date('end_on', { mode: 'string' }),
    amount: moneyCol('amount').notNull(),
    currency: varchar('currency', { length: 3 }).notNull().default('CNY'),
    /** Net of refunds. */
    receivedAmount: moneyCol('received_amount').notNull().default(0),
    refundedAmount: moneyCol('refunded_amount').notNull().default(0),
    /** Net of red-letter invoices. */
    invoicedAmount: moneyCol('invoiced_amount').notNull().default(0),
    /** Value shipped, net of returns. */
    shippedAmount: moneyCol('shipped_amount').notNull().default(0),
    /** Bumped by each approved contract change. */
    version: int('version').notNull().default(1),
    origin: mysqlEnum('origin', DOC_ORIGINS).notNull().default('crm'),
    externalCode: varchar('external_code', { length: 64 }),
    remark: text('remark'),
    effectiveAt: utc('effective_at'),
    createdBy: ref('created_by').references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    // serves: lookup by number (ERP rows name contracts by number)
    uniqueIndex('contracts_corp_number_uq').on(t.corpId, t.number),
    // serves: ERP upsert by external code
    uniqueIndex('contracts_corp_ext_uq').on(t.corpId, t.externalCode),
    // serves: lists by owner keyset-paged by id, and booked performance by owner/date
    index('contracts_corp_owner_idx').on(t.corpId, t.ownerId, t.id),
    // serves: a customer's contracts and the customer money rollup
    index('contracts_corp_customer_idx').on(t.corpId, t.customerId, t.status),
    // serves: booked performance by signing date
    index('contracts_corp_signed_idx').on(t.corpId, t.status, t.signedOn),
  ],
);

/** The columns a contract line and an order line share (an order copies its contract's lines). */
const docLineColumns = () => ({
  lineNo: int('line_no').notNull(),
  /** product/sku/category ids: no FK yet (catalog tables are migrated after this one). */
  productId: ref('product_id'),
  skuId: ref('sku_id'),
  categoryId: ref('category_id'),
  name: varchar('name', { length: 100 }).notNull(),
  quantityMilli: bigint('quantity_milli', { mode: 'number' }).notNull(),
  unitPrice: moneyCol('unit_price').notNull(),
  discount: moneyCol('discount').notNull().default(0),
  amount: moneyCol('amount').notNull(),
  taxRateBp: int('tax_rate_bp').notNull().default(1300),
});

/** 合同明细 (also the lines an order copies). amount = round-half-up(unit price × quantity) − discount. */
export const contractLines = mysqlTable(
  'contract_lines',
  {
    id: pk(),
    ...tenant(),
    contractId: ref('contract_id').notNull().references(() => contracts.id, { onDelete: 'cascade' }),
    ...docLineColumns(),
  },
  (t) => [
    // serves: the lines of a contract in order
    index('contract_lines_contract_idx').on(t.contractId, t.lineNo),
  ],
);

/** 合同变更 / 订单变更 / 回款计划变更: signed documents with before/after snapshots. */
export const docChanges = mysqlTable(
  'doc_changes',
  {
    id: pk(),
    ...tenant(),
    number: varchar('number', { length: 32 }).notNull(),
    kind: mysqlEnum('kind', ['contract', 'order', 'plan']).notNull(),
    contractId: ref('contract_id').references(() => contracts.id),
    orderId: ref('order_id').references(() => orders.id),
    status: mysqlEnum('status', CHANGE_STATUSES).notNull().default('pending'),
    reason: varchar('reason', { length: 500 }).notNull(),
    before: json<unknown>('before').notNull(),
    after: json<unknown>('after').notNull(),
    /** What applying needs beyond the snapshot (validated request). */
    request: json<unknown>('request').notNull(),
    createdBy: ref('created_by').references(() => users.id),
    decidedAt: utc('decided_at'),
    ...timestamps(),
  },
  (t) => [
    // serves: number lookup
    uniqueIndex('doc_changes_corp_number_uq').on(t.corpId, t.number),
    // serves: the changes of a contract (and the "one pending change" rule)
    index('doc_changes_contract_idx').on(t.contractId, t.kind, t.status),
    // serves: the changes of an order
    index('doc_changes_order_idx').on(t.orderId),
  ],
);

/** 订单: from a contract (lines copied) or directly. */
export const orders = mysqlTable(
  'orders',
  {
    id: pk(),
    ...tenant(),
    number: varchar('number', { length: 32 }).notNull(),
    contractId: ref('contract_id').references(() => contracts.id),
    customerId: ref('customer_id').notNull().references(() => customers.id),
    ownerId: ref('owner_id').notNull().references(() => users.id),
    status: mysqlEnum('status', ORDER_STATUSES).notNull().default('open'),
    orderedOn: date('ordered_on', { mode: 'string' }).notNull(),
    amount: moneyCol('amount').notNull(),
    shippedAmount: moneyCol('shipped_amount').notNull().default(0),
    invoicedAmount: moneyCol('invoiced_amount').notNull().default(0),
    currency: varchar('currency', { length: 3 }).notNull().default('CNY'),
    remark: text('remark'),
    createdBy: ref('created_by').references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    // serves: number lookup (ERP shipments name orders by number)
    uniqueIndex('orders_corp_number_uq').on(t.corpId, t.number),
    // serves: lists by owner
    index('orders_corp_owner_idx').on(t.corpId, t.ownerId, t.id),
    // serves: orders of a contract
    index('orders_contract_idx').on(t.contractId),
  ],
);

/** 订单明细: shipped quantity is net of returns, so shippable = quantity − shipped. */
export const orderLines = mysqlTable(
  'order_lines',
  {
    id: pk(),
    ...tenant(),
    orderId: ref('order_id').notNull().references(() => orders.id, { onDelete: 'cascade' }),
    ...docLineColumns(),
    shippedMilli: bigint('shipped_milli', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    // serves: the lines of an order in order
    index('order_lines_order_idx').on(t.orderId, t.lineNo),
  ],
);

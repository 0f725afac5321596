import { date, index, int, mysqlEnum, mysqlTable, text, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { DOC_ORIGINS, INSTALMENT_STATUSES, RECEIPT_METHODS, RECEIVABLE_SOURCES, RECEIVABLE_STATUSES } from '@scrm/shared';
import { moneyCol, pk, ref, timestamps, utc } from '../columns';
import { contracts, orders } from './contracts';
import { tenant } from './corps';
import { customers } from './customers';
import { users } from './org';

/** 回款计划: the instalments of a contract; their amounts always sum to the contract amount. */
export const paymentInstalments = mysqlTable(
  'payment_instalments',
  {
    id: pk(),
    ...tenant(),
    contractId: ref('contract_id').notNull().references(() => contracts.id),
    period: int('period').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    amount: moneyCol('amount').notNull(),
    /** Allocated receipts net of refunds. */
    receivedAmount: moneyCol('received_amount').notNull().default(0),
    status: mysqlEnum('status', INSTALMENT_STATUSES).notNull().default('pending'),
    /** Set when the overdue reminder was queued (once per instalment). */
    remindedAt: utc('reminded_at'),
    ...timestamps(),
  },
  (t) => [
    // serves: the plan of a contract, by period
    index('payment_instalments_contract_idx').on(t.contractId, t.period),
    // serves: the daily overdue job (due and not done)
    index('payment_instalments_due_idx').on(t.status, t.dueOn),
  ],
);

/** 收款单. `refunded_amount` is the sum of its refunds. */
export const receipts = mysqlTable(
  'receipts',
  {
    id: pk(),
    ...tenant(),
    number: varchar('number', { length: 32 }).notNull(),
    contractId: ref('contract_id').notNull().references(() => contracts.id),
    customerId: ref('customer_id').notNull().references(() => customers.id),
    /** The rep credited (the contract owner when received). */
    ownerId: ref('owner_id').notNull().references(() => users.id),
    amount: moneyCol('amount').notNull(),
    refundedAmount: moneyCol('refunded_amount').notNull().default(0),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    method: varchar('method', { length: 32 }).notNull().default('bank_transfer'),
    origin: mysqlEnum('origin', DOC_ORIGINS).notNull().default('crm'),
    externalCode: varchar('external_code', { length: 64 }),
    remark: text('remark'),
    createdBy: ref('created_by').references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    // serves: number lookup
    uniqueIndex('receipts_corp_number_uq').on(t.corpId, t.number),
    // serves: ERP upsert by external code
    uniqueIndex('receipts_corp_ext_uq').on(t.corpId, t.externalCode),
    // serves: receipts of a contract
    index('receipts_contract_idx').on(t.contractId, t.id),
    // serves: received performance by owner and date
    index('receipts_corp_owner_date_idx').on(t.corpId, t.ownerId, t.receivedOn),
  ],
);

/** How a receipt (or a refund, negative) is spread over instalments. */
export const receiptAllocations = mysqlTable(
  'receipt_allocations',
  {
    id: pk(),
    ...tenant(),
    receiptId: ref('receipt_id').notNull().references(() => receipts.id),
    refundId: ref('refund_id').references(() => refunds.id),
    instalmentId: ref('instalment_id').notNull().references(() => paymentInstalments.id),
    /** Positive for a receipt, negative for a refund. */
    amount: moneyCol('amount').notNull(),
    createdAt: utc('created_at').notNull(),
  },
  (t) => [
    // serves: allocations of a receipt (refund spreading, detail view)
    index('receipt_allocations_receipt_idx').on(t.receiptId, t.instalmentId),
    // serves: allocations of an instalment
    index('receipt_allocations_instalment_idx').on(t.instalmentId),
  ],
);

/** 退款单: against a receipt; never beyond what is left of it. */
export const refunds = mysqlTable(
  'refunds',
  {
    id: pk(),
    ...tenant(),
    number: varchar('number', { length: 32 }).notNull(),
    receiptId: ref('receipt_id').notNull().references(() => receipts.id),
    contractId: ref('contract_id').notNull().references(() => contracts.id),
    ownerId: ref('owner_id').notNull().references(() => users.id),
    amount: moneyCol('amount').notNull(),
    refundedOn: date('refunded_on', { mode: 'string' }).notNull(),
    reason: varchar('reason', { length: 500 }).notNull(),
    createdBy: ref('created_by').references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    // serves: number lookup
    uniqueIndex('refunds_corp_number_uq').on(t.corpId, t.number),
    // serves: refunds of a receipt; received performance net of refunds by date
    index('refunds_receipt_idx').on(t.receiptId),
    index('refunds_corp_owner_date_idx').on(t.corpId, t.ownerId, t.refundedOn),
  ],
);

/** 应收单: what is owed, from shipments (orders without a contract), by hand, or from the ERP. */
export const receivables = mysqlTable(
  'receivables',
  {
    id: pk(),
    ...tenant(),
    number: varchar('number', { length: 32 }).notNull(),
    customerId: ref('customer_id').notNull().references(() => customers.id),
    contractId: ref('contract_id').references(() => contracts.id),
    orderId: ref('order_id').references(() => orders.id),
    ownerId: ref('owner_id').notNull().references(() => users.id),
    sourceType: mysqlEnum('source_type', RECEIVABLE_SOURCES).notNull(),
    sourceId: ref('source_id'),
    amount: moneyCol('amount').notNull(),
    /** Sum of receivable changes (signed). */
    adjustedAmount: moneyCol('adjusted_amount').notNull().default(0),
    receivedAmount: moneyCol('received_amount').notNull().default(0),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: mysqlEnum('status', RECEIVABLE_STATUSES).notNull().default('open'),
    origin: mysqlEnum('origin', DOC_ORIGINS).notNull().default('crm'),
    externalCode: varchar('external_code', { length: 64 }),
    remark: text('remark'),
    ...timestamps(),
  },
  (t) => [
    // serves: number lookup
    uniqueIndex('receivables_corp_number_uq').on(t.corpId, t.number),
    // serves: ERP upsert by external code
    uniqueIndex('receivables_corp_ext_uq').on(t.corpId, t.externalCode),
    // serves: lists by owner; a customer's open receivables
    index('receivables_corp_owner_idx').on(t.corpId, t.ownerId, t.id),
    index('receivables_customer_idx').on(t.customerId, t.status),
  ],
);

/** 应收变更: a signed adjustment of a receivable. */
export const receivableChanges = mysqlTable(
  'receivable_changes',
  {
    id: pk(),
    ...tenant(),
    number: varchar('number', { length: 32 }).notNull(),
    receivableId: ref('receivable_id').notNull().references(() => receivables.id),
    delta: moneyCol('delta').notNull(),
    reason: varchar('reason', { length: 500 }).notNull(),
    createdBy: ref('created_by').references(() => users.id),
    createdAt: utc('created_at').notNull(),
  },
  (t) => [
    // serves: number lookup
    uniqueIndex('receivable_changes_corp_number_uq').on(t.corpId, t.number),
    // serves: changes of a receivable
    index('receivable_changes_receivable_idx').on(t.receivableId),
  ],
);

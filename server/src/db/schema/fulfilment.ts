import { bigint, date, index, int, mysqlEnum, mysqlTable, text, uniqueIndex, varchar, type AnyMySqlColumn } from 'drizzle-orm/mysql-core';
import { ASSET_STATUSES, DOC_ORIGINS, INVOICE_KINDS, INVOICE_TYPES } from '@scrm/shared';
import { moneyCol, pk, ref, timestamps, utc } from '../columns';
import { contracts, orderLines, orders } from './contracts';
import { tenant } from './corps';
import { customers } from './customers';
import { users } from './org';

/** 发货单 against an order. */
export const shipments = mysqlTable(
  'shipments',
  {
    id: pk(),
    ...tenant(),
    number: varchar('number', { length: 32 }).notNull(),
    orderId: ref('order_id').notNull().references(() => orders.id),
    contractId: ref('contract_id').references(() => contracts.id),
    customerId: ref('customer_id').notNull().references(() => customers.id),
    ownerId: ref('owner_id').notNull().references(() => users.id),
    shippedOn: date('shipped_on', { mode: 'string' }).notNull(),
    carrier: varchar('carrier', { length: 100 }),
    trackingNo: varchar('tracking_no', { length: 100 }),
    /** Value shipped (order line unit value × quantity). */
    amount: moneyCol('amount').notNull(),
    returnedAmount: moneyCol('returned_amount').notNull().default(0),
    origin: mysqlEnum('origin', DOC_ORIGINS).notNull().default('crm'),
    externalCode: varchar('external_code', { length: 64 }),
    createdBy: ref('created_by').references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    // serves: number lookup
    uniqueIndex('shipments_corp_number_uq').on(t.corpId, t.number),
    // serves: ERP upsert by external code
    uniqueIndex('shipments_corp_ext_uq').on(t.corpId, t.externalCode),
    // serves: shipments of an order; lists by owner
    index('shipments_order_idx').on(t.orderId),
    index('shipments_corp_owner_idx').on(t.corpId, t.ownerId, t.id),
  ],
);

export const shipmentLines = mysqlTable(
  'shipment_lines',
  {
    id: pk(),
    ...tenant(),
    shipmentId: ref('shipment_id').notNull().references(() => shipments.id, { onDelete: 'cascade' }),
    orderLineId: ref('order_line_id').notNull().references(() => orderLines.id),
    quantityMilli: bigint('quantity_milli', { mode: 'number' }).notNull(),
    returnedMilli: bigint('returned_milli', { mode: 'number' }).notNull().default(0),
    amount: moneyCol('amount').notNull(),
  },
  (t) => [
    // serves: lines of a shipment
    index('shipment_lines_shipment_idx').on(t.shipmentId),
  ],
);

/** 退货单 against a shipment: restores shippable quantity. */
export const salesReturns = mysqlTable(
  'sales_returns',
  {
    id: pk(),
    ...tenant(),
    number: varchar('number', { length: 32 }).notNull(),
    shipmentId: ref('shipment_id').notNull().references(() => shipments.id),
    returnedOn: date('returned_on', { mode: 'string' }).notNull(),
    reason: varchar('reason', { length: 500 }).notNull(),
    amount: moneyCol('amount').notNull(),
    createdBy: ref('created_by').references(() => users.id),
    createdAt: utc('created_at').notNull(),
  },
  (t) => [
    // serves: number lookup
    uniqueIndex('sales_returns_corp_number_uq').on(t.corpId, t.number),
    // serves: returns of a shipment
    index('sales_returns_shipment_idx').on(t.shipmentId),
  ],
);

export const salesReturnLines = mysqlTable(
  'sales_return_lines',
  {
    id: pk(),
    returnId: ref('return_id').notNull().references(() => salesReturns.id, { onDelete: 'cascade' }),
    shipmentLineId: ref('shipment_line_id').notNull().references(() => shipmentLines.id),
    quantityMilli: bigint('quantity_milli', { mode: 'number' }).notNull(),
    amount: moneyCol('amount').notNull(),
  },
  (t) => [
    // serves: lines of a return
    index('sales_return_lines_return_idx').on(t.returnId),
  ],
);

/** 发票 (blue) and 红字发票 (red, offsetting `original_id`); amounts are tax-inclusive and positive. */
export const invoices = mysqlTable(
  'invoices',
  {
    id: pk(),
    ...tenant(),
    number: varchar('number', { length: 32 }).notNull(),
    kind: mysqlEnum('kind', INVOICE_KINDS).notNull().default('blue'),
    originalId: ref('original_id').references((): AnyMySqlColumn => invoices.id),
    contractId: ref('contract_id').references(() => contracts.id),
    orderId: ref('order_id').references(() => orders.id),
    customerId: ref('customer_id').notNull().references(() => customers.id),
    ownerId: ref('owner_id').notNull().references(() => users.id),
    invoiceType: mysqlEnum('invoice_type', INVOICE_TYPES).notNull().default('vat_special'),
    invoiceNo: varchar('invoice_no', { length: 64 }),
    title: varchar('title', { length: 200 }).notNull(),
    taxNo: varchar('tax_no', { length: 64 }),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    amount: moneyCol('amount').notNull(),
    taxAmount: moneyCol('tax_amount').notNull(),
    /** On a blue invoice: the sum of its red-letter invoices. */
    redAmount: moneyCol('red_amount').notNull().default(0),
    reason: varchar('reason', { length: 500 }),
    createdBy: ref('created_by').references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    // serves: number lookup
    uniqueIndex('invoices_corp_number_uq').on(t.corpId, t.number),
    // serves: invoices of a contract / order; invoiced performance by owner/date
    index('invoices_contract_idx').on(t.contractId),
    index('invoices_order_idx').on(t.orderId),
    index('invoices_corp_owner_date_idx').on(t.corpId, t.ownerId, t.issuedOn),
  ],
);

export const invoiceLines = mysqlTable(
  'invoice_lines',
  {
    id: pk(),
    invoiceId: ref('invoice_id').notNull().references(() => invoices.id, { onDelete: 'cascade' }),
    name: varchar('name', { length: 100 }).notNull(),
    amount: moneyCol('amount').notNull(),
    taxRateBp: int('tax_rate_bp').notNull(),
    taxAmount: moneyCol('tax_amount').notNull(),
  },
  (t) => [
    // serves: lines of an invoice
    index('invoice_lines_invoice_idx').on(t.invoiceId),
  ],
);

/** 资产: what the customer owns after delivery; the base for after-sales. */
export const assets = mysqlTable(
  'assets',
  {
    id: pk(),
    ...tenant(),
    customerId: ref('customer_id').notNull().references(() => customers.id),
    ownerId: ref('owner_id').notNull().references(() => users.id),
    productId: ref('product_id'),
    skuId: ref('sku_id'),
    name: varchar('name', { length: 100 }).notNull(),
    serialNo: varchar('serial_no', { length: 64 }),
    quantityMilli: bigint('quantity_milli', { mode: 'number' }).notNull(),
    shipmentLineId: ref('shipment_line_id').references(() => shipmentLines.id),
    contractId: ref('contract_id').references(() => contracts.id),
    deliveredOn: date('delivered_on', { mode: 'string' }).notNull(),
    warrantyEndOn: date('warranty_end_on', { mode: 'string' }),
    status: mysqlEnum('status', ASSET_STATUSES).notNull().default('in_service'),
    location: varchar('location', { length: 200 }),
    remark: text('remark'),
    ...timestamps(),
  },
  (t) => [
    // serves: a serial number is one asset per corp
    uniqueIndex('assets_corp_serial_uq').on(t.corpId, t.serialNo),
    // serves: a customer's assets (after-sales)
    index('assets_customer_idx').on(t.corpId, t.customerId, t.status),
    // serves: assets of a shipment line (returns)
    index('assets_shipment_line_idx').on(t.shipmentLineId),
  ],
);

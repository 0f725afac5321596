import { index, int, mysqlTable, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { moneyCol, pk, ref, timestamps } from '../columns';
import { tenant } from './corps';
import { departments, users } from './org';

/** Monthly targets per rep or department (exactly one of user / department is set). */
export const salesTargets = mysqlTable(
  'sales_targets',
  {
    id: pk(),
    ...tenant(),
    month: varchar('month', { length: 7 }).notNull(),
    userId: ref('user_id').references(() => users.id),
    departmentId: ref('department_id').references(() => departments.id),
    /** `u<id>` or `d<id>`: one target row per subject and month. */
    subjectKey: varchar('subject_key', { length: 24 }).notNull(),
    booked: moneyCol('booked').notNull().default(0),
    received: moneyCol('received').notNull().default(0),
    invoiced: moneyCol('invoiced').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    // serves: upsert of a subject's month, and targets of a period
    uniqueIndex('sales_targets_subject_uq').on(t.corpId, t.subjectKey, t.month),
    index('sales_targets_month_idx').on(t.corpId, t.month),
  ],
);

/** Commission rate per product category; `category_key` 0 = the default rate. */
export const commissionRates = mysqlTable(
  'commission_rates',
  {
    id: pk(),
    ...tenant(),
    categoryId: ref('category_id'),
    categoryKey: int('category_key', { unsigned: true }).notNull(),
    rateBp: int('rate_bp').notNull(),
    ...timestamps(),
  },
  (t) => [
    // serves: one rate per category (upsert) and the preview's rate table
    uniqueIndex('commission_rates_category_uq').on(t.corpId, t.categoryKey),
  ],
);

/** ERP external code → local record, for entities whose tables other modules own (customers). */
export const erpLinks = mysqlTable(
  'erp_links',
  {
    id: pk(),
    ...tenant(),
    entityType: varchar('entity_type', { length: 24 }).notNull(),
    externalCode: varchar('external_code', { length: 64 }).notNull(),
    entityId: ref('entity_id').notNull(),
    /** Hash of the last payload applied: a replay with the same hash changes nothing. */
    payloadHash: varchar('payload_hash', { length: 64 }).notNull(),
    ...timestamps(),
  },
  (t) => [
    // serves: upsert by (entity type, external code)
    uniqueIndex('erp_links_code_uq').on(t.corpId, t.entityType, t.externalCode),
    // serves: "where did this record come from" on a detail view
    index('erp_links_entity_idx').on(t.corpId, t.entityType, t.entityId),
  ],
);

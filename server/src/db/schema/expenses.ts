import { bigint, boolean, date, index, int, mysqlEnum, mysqlTable, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { ADVANCE_STATUSES, CLAIM_STATUSES, REIMBURSE_METHODS, ROLES } from '@scrm/shared';
import { moneyCol, pk, ref, timestamps, utc } from '../columns';
import { approvalInstances } from './approvals';
import { tenant } from './corps';
import { customers } from './customers';
import { departments, users } from './org';

/** 费用科目 (差旅, 交通, 住宿, 招待, 礼品, 其他 by default; configurable per corp). */
export const expenseCategories = mysqlTable(
  'expense_categories',
  {
    id: pk(),
    ...tenant(),
    name: varchar('name', { length: 50 }).notNull(),
    sortOrder: int('sort_order').notNull().default(0),
    isActive: boolean('is_active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    // serves: category list of a corp; one name per corp
    uniqueIndex('expense_categories_name_uq').on(t.corpId, t.name),
  ],
);

/** Per-claim cap of a category's total for a role (e.g. 招待 ≤ 2000 元 per claim for reps). */
export const expenseLimits = mysqlTable(
  'expense_limits',
  {
    id: pk(),
    ...tenant(),
    categoryId: ref('category_id')
      .notNull()
      .references(() => expenseCategories.id),
    role: mysqlEnum('role', ROLES).notNull(),
    maxPerClaim: moneyCol('max_per_claim').notNull(),
    ...timestamps(),
  },
  (t) => [
    // serves: limit lookup on submit; one limit per category and role
    uniqueIndex('expense_limits_uq').on(t.corpId, t.categoryId, t.role),
  ],
);

/** 报销单: lines + vouchers, approval, reimbursement (net of advance offsets). */
export const expenseClaims = mysqlTable(
  'expense_claims',
  {
    id: pk(),
    ...tenant(),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
    departmentId: ref('department_id').references(() => departments.id),
    title: varchar('title', { length: 100 }).notNull(),
    status: mysqlEnum('status', CLAIM_STATUSES).notNull().default('draft'),
    totalAmount: moneyCol('total_amount').notNull().default(0),
    currency: varchar('currency', { length: 3 }).notNull().default('CNY'),
    approvalInstanceId: ref('approval_instance_id').references(() => approvalInstances.id),
    submittedAt: utc('submitted_at'),
    approvedAt: utc('approved_at'),
    /** sum of advance offsets applied at reimbursement */
    offsetAmount: moneyCol('offset_amount').notNull().default(0),
    /** cash actually paid out = total - offsets */
    paidAmount: moneyCol('paid_amount'),
    reimbursedOn: date('reimbursed_on', { mode: 'string' }),
    reimburseMethod: mysqlEnum('reimburse_method', REIMBURSE_METHODS),
    reimbursedBy: ref('reimbursed_by').references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    // serves: list by owner (scope) newest first
    index('expense_claims_user_idx').on(t.corpId, t.userId, t.id),
    // serves: finance list by status
    index('expense_claims_status_idx').on(t.corpId, t.status, t.id),
  ],
);

/** A line of a claim; customer / opportunity / visit are plain ids (cost of sale by customer). */
export const expenseLines = mysqlTable(
  'expense_lines',
  {
    id: pk(),
    ...tenant(),
    claimId: ref('claim_id')
      .notNull()
      .references(() => expenseClaims.id),
    spentOn: date('spent_on', { mode: 'string' }).notNull(),
    categoryId: ref('category_id')
      .notNull()
      .references(() => expenseCategories.id),
    amount: moneyCol('amount').notNull(),
    description: varchar('description', { length: 500 }).notNull().default(''),
    customerId: ref('customer_id').references(() => customers.id),
    opportunityId: bigint('opportunity_id', { mode: 'number', unsigned: true }),
    visitId: bigint('visit_id', { mode: 'number', unsigned: true }),
    sortOrder: int('sort_order').notNull().default(0),
  },
  (t) => [
    // serves: lines of a claim
    index('expense_lines_claim_idx').on(t.claimId, t.sortOrder),
    // serves: totals per customer (cost of sale) by period
    index('expense_lines_customer_idx').on(t.corpId, t.customerId, t.spentOn),
  ],
);

/** 借支: money advanced to an employee, paid back by offsets against later claims. */
export const expenseAdvances = mysqlTable(
  'expense_advances',
  {
    id: pk(),
    ...tenant(),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
    departmentId: ref('department_id').references(() => departments.id),
    amount: moneyCol('amount').notNull(),
    currency: varchar('currency', { length: 3 }).notNull().default('CNY'),
    reason: varchar('reason', { length: 500 }).notNull(),
    status: mysqlEnum('status', ADVANCE_STATUSES).notNull().default('draft'),
    /** sum of offsets so far; outstanding = amount - offsetAmount once approved */
    offsetAmount: moneyCol('offset_amount').notNull().default(0),
    approvalInstanceId: ref('approval_instance_id').references(() => approvalInstances.id),
    submittedAt: utc('submitted_at'),
    approvedAt: utc('approved_at'),
    ...timestamps(),
  },
  (t) => [
    // serves: advances of a person (outstanding balance, list)
    index('expense_advances_user_idx').on(t.corpId, t.userId, t.status),
  ],
);

/** One offset of an advance against a claim at reimbursement. */
export const advanceOffsets = mysqlTable(
  'advance_offsets',
  {
    id: pk(),
    ...tenant(),
    advanceId: ref('advance_id')
      .notNull()
      .references(() => expenseAdvances.id),
    claimId: ref('claim_id')
      .notNull()
      .references(() => expenseClaims.id),
    amount: moneyCol('amount').notNull(),
    createdBy: ref('created_by').references(() => users.id),
    createdAt: utc('created_at').notNull(),
  },
  (t) => [
    // serves: history of an advance
    index('advance_offsets_advance_idx').on(t.advanceId, t.id),
    // serves: offsets of a claim
    index('advance_offsets_claim_idx').on(t.claimId),
  ],
);

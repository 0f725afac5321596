import { and, asc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import type { InstalmentListItem, InstalmentStatus } from '@scrm/shared';
import type { Db } from '../../db/client';
import { contracts, customers, paymentInstalments, users } from '../../db/schema/index';
import { keysetAfter, type KeysetAfter } from '../../lib/paging';
import { instalmentStatus } from './plan';
import { moneyListCondition, type MoneyScope } from './visibility';

const DAY_MS = 24 * 60 * 60 * 1000;
const i = paymentInstalments;

/**
 * The status as of `today`, in SQL, matching `instalmentStatus`: done once fully received,
 * overdue past the due date while owed, else partial / pending. The stored flag is the hourly
 * job's and may lag a day, so the list filters on the money and the date.
 */
function statusCondition(status: InstalmentStatus, today: string): SQL {
  switch (status) {
    case 'done':
      return sql`${i.receivedAmount} >= ${i.amount}`;
    case 'overdue':
      return and(sql`${i.receivedAmount} < ${i.amount}`, lt(i.dueOn, today))!;
    case 'partial':
      return and(sql`${i.receivedAmount} > 0`, sql`${i.receivedAmount} < ${i.amount}`, gte(i.dueOn, today))!;
    case 'pending':
      return and(sql`${i.receivedAmount} <= 0`, gte(i.dueOn, today))!;
  }
}

export interface InstalmentFilter {
  scope: 'mine' | 'team' | 'pool' | 'all';
  status?: InstalmentStatus;
  contractId?: number;
  customerId?: number;
  q?: string;
  /** After this `[dueOn, id]` (`afterKeyOf(cursor, 'string')`). */
  after?: KeysetAfter<string>;
  limit: number;
}

/** A keyset page of instalments of effective contracts the money scope sees, earliest due date first. */
export function listInstalments(db: Db, scope: MoneyScope, f: InstalmentFilter, today: string) {
  const conds: (SQL | undefined)[] = [moneyListCondition(scope, f.scope, contracts), eq(contracts.status, 'effective')];
  if (f.status) conds.push(statusCondition(f.status, today));
  if (f.contractId) conds.push(eq(contracts.id, f.contractId));
  if (f.customerId) conds.push(eq(contracts.customerId, f.customerId));
  if (f.q) conds.push(or(sql`${contracts.number} LIKE ${`${f.q}%`}`, sql`${contracts.title} LIKE ${`%${f.q}%`}`, sql`${customers.name} LIKE ${`%${f.q}%`}`));
  conds.push(keysetAfter(i.dueOn, i.id, f.after, 'asc'));
  return db
    .select({
      i,
      contractNo: contracts.number,
      contractTitle: contracts.title,
      currency: contracts.currency,
      customerId: contracts.customerId,
      customerName: customers.name,
      ownerId: contracts.ownerId,
      ownerName: users.name,
    })
    .from(i)
    .innerJoin(contracts, eq(contracts.id, i.contractId))
    .innerJoin(customers, eq(customers.id, contracts.customerId))
    .innerJoin(users, eq(users.id, contracts.ownerId))
    .where(and(...conds))
    .orderBy(asc(i.dueOn), asc(i.id))
    .limit(f.limit + 1);
}

type Row = Awaited<ReturnType<typeof listInstalments>>[number];

export function presentInstalmentItem(r: Row, today: string): InstalmentListItem {
  const status = instalmentStatus(r.i.amount, r.i.receivedAmount, r.i.dueOn, today);
  const daysOverdue = status === 'overdue' ? Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${r.i.dueOn}T00:00:00Z`)) / DAY_MS) : 0;
  return {
    id: String(r.i.id),
    period: r.i.period,
    contractId: String(r.i.contractId),
    contractNo: r.contractNo,
    contractTitle: r.contractTitle,
    customerId: String(r.customerId),
    customerName: r.customerName,
    ownerId: String(r.ownerId),
    ownerName: r.ownerName,
    dueDate: r.i.dueOn,
    amount: r.i.amount,
    received: r.i.receivedAmount,
    outstanding: Math.max(0, r.i.amount - r.i.receivedAmount),
    status,
    daysOverdue,
    currency: r.currency,
  };
}

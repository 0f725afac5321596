import { and, asc, eq, gt, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import { instalmentListQuery, instalmentListResponse, type InstalmentListItem, type InstalmentStatus } from '@scrm/shared';
import { ownerCondition, type DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { contracts, customers, paymentInstalments, users } from '../../db/schema/index';
import { errors } from '../../http/errors';
import { defineRoute, type RouteSpec } from '../../http/route';
import { decodeCursor, encodeCursor, idNum } from '../../lib/ids';
import { shanghaiDate } from './money';
import { instalmentStatus } from './plan';
import { moneyScope } from './repo';

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

/** `[dueOn, id]` of the last row of the previous page (400 when malformed). */
function afterOf(cursor: string | undefined): [string, number] | undefined {
  if (!cursor) return undefined;
  const v = decodeCursor(cursor);
  if (!v || v.length !== 2 || typeof v[0] !== 'string' || typeof v[1] !== 'number') throw errors.badRequest('invalid_cursor', 'cursor 无效');
  return [v[0], v[1]];
}

export interface InstalmentFilter {
  scope: 'mine' | 'team' | 'pool' | 'all';
  status?: InstalmentStatus;
  contractId?: number;
  customerId?: number;
  q?: string;
  after?: [string, number];
  limit: number;
}

/** A keyset page of instalments of effective contracts whose owner the scope may see, earliest due date first. */
export function listInstalments(db: Db, scope: DataScope, f: InstalmentFilter, today: string) {
  const conds: (SQL | undefined)[] = [eq(contracts.corpId, scope.corpId), eq(contracts.status, 'effective'), ownerCondition(scope, f.scope, contracts.ownerId)];
  if (f.status) conds.push(statusCondition(f.status, today));
  if (f.contractId) conds.push(eq(contracts.id, f.contractId));
  if (f.customerId) conds.push(eq(contracts.customerId, f.customerId));
  if (f.q) conds.push(or(sql`${contracts.number} LIKE ${`${f.q}%`}`, sql`${contracts.title} LIKE ${`%${f.q}%`}`, sql`${customers.name} LIKE ${`%${f.q}%`}`));
  if (f.after) conds.push(or(gt(i.dueOn, f.after[0]), and(eq(i.dueOn, f.after[0]), gt(i.id, f.after[1]))));
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

const list = defineRoute({
  method: 'get',
  path: '/api/instalments',
  summary: '回款计划列表（生效合同的各期，逾期最久的在前；财务可见全部）',
  tags: ['contracts'],
  query: instalmentListQuery,
  response: instalmentListResponse,
  handler: async ({ db, deps, query, user, scope }) => {
    const s = await moneyScope(user, scope);
    const today = shanghaiDate(deps.now());
    const rows = await listInstalments(
      db,
      s,
      {
        scope: query.scope,
        status: query.status,
        contractId: query.contractId ? idNum(query.contractId) : undefined,
        customerId: query.customerId ? idNum(query.customerId) : undefined,
        q: query.q,
        after: afterOf(query.cursor),
        limit: query.limit,
      },
      today,
    );
    const more = rows.length > query.limit;
    const page = more ? rows.slice(0, query.limit) : rows;
    const last = page[page.length - 1];
    return { items: page.map((r) => presentInstalmentItem(r, today)), nextCursor: more && last ? encodeCursor([last.i.dueOn, last.i.id]) : null };
  },
});

export const instalmentRoutes = [list] as RouteSpec[];

import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { MySqlColumn } from 'drizzle-orm/mysql-core';
import type { CustomerItem, CustomerListQuery, ListResult } from '@scrm/shared';
import type { DataScope } from '../../auth/scope';
import { ownerCondition } from '../../auth/scope';
import type { Db } from '../../db/client';
import { contacts, customerCollaborators, customers, users } from '../../db/schema/index';
import { idNum, idStr, idStrOrNull } from '../../lib/ids';
import { afterKeyOf, keysetAfter, pageOf } from '../../lib/paging';
import { toIso } from '../../lib/time';
import { visiblePoolIds } from '../pools/repo';
import { collaborationIds, customerListCondition, mineCondition } from './visibility';

export type CustomerRow = typeof customers.$inferSelect;

/** The API shape of a customer row. */
export function presentCustomer(r: CustomerRow, ownerName: string | null): CustomerItem {
  return {
    id: idStr(r.id),
    name: r.name,
    creditCode: r.creditCode,
    registeredCapital: r.registeredCapital,
    legalRepresentative: r.legalRepresentative,
    address: r.address,
    longitude: r.longitude == null ? null : Number(r.longitude),
    latitude: r.latitude == null ? null : Number(r.latitude),
    region: r.region,
    industry: r.industry,
    grade: r.grade,
    source: r.source,
    tags: r.tags ?? [],
    remark: r.remark,
    ownerId: idStrOrNull(r.ownerId),
    ownerName,
    poolId: idStrOrNull(r.poolId),
    locked: r.locked,
    status: r.status,
    dealStatus: r.dealStatus,
    followUpCount: r.followUpCount,
    lastFollowUpAt: toIso(r.lastFollowUpAt),
    nextFollowUpAt: toIso(r.nextFollowUpAt),
    openOpportunityCount: r.openOpportunityCount,
    wonAmount: r.wonAmount,
    contractTotal: r.contractTotal,
    receivedAmount: r.receivedAmount,
    currency: r.currency,
    createdAt: toIso(r.createdAt),
    updatedAt: toIso(r.updatedAt),
  };
}

export async function getCustomerRow(db: Db, corpId: number, id: number): Promise<(CustomerRow & { ownerName: string | null }) | null> {
  const [row] = await db
    .select({ c: customers, ownerName: users.name })
    .from(customers)
    .leftJoin(users, eq(users.id, customers.ownerId))
    .where(and(eq(customers.corpId, corpId), eq(customers.id, id)));
  return row ? { ...row.c, ownerName: row.ownerName } : null;
}

/** A customer's collaborators with their names and permissions. */
export function collaboratorsOf(db: Db, customerId: number) {
  return db
    .select({ userId: customerCollaborators.userId, permission: customerCollaborators.permission, name: users.name })
    .from(customerCollaborators)
    .leftJoin(users, eq(users.id, customerCollaborators.userId))
    .where(eq(customerCollaborators.customerId, customerId));
}

const FAR_PAST = new Date('1970-01-02T00:00:00Z');
const FAR_FUTURE = new Date('9999-01-01T00:00:00Z');
interface SortSpec {
  expr: SQL | MySqlColumn;
  dir: 'asc' | 'desc';
  kind: 'date' | 'string';
  value: (r: CustomerRow) => string;
}
const SORTS: Record<CustomerListQuery['sort'], SortSpec> = {
  updated_desc: { expr: customers.updatedAt, dir: 'desc', kind: 'date', value: (r) => r.updatedAt.toISOString() },
  created_desc: { expr: customers.createdAt, dir: 'desc', kind: 'date', value: (r) => r.createdAt.toISOString() },
  last_follow_up_desc: {
    expr: sql`COALESCE(${customers.lastFollowUpAt}, ${FAR_PAST})`,
    dir: 'desc',
    kind: 'date',
    value: (r) => (r.lastFollowUpAt ?? FAR_PAST).toISOString(),
  },
  next_follow_up_asc: {
    expr: sql`COALESCE(${customers.nextFollowUpAt}, ${FAR_FUTURE})`,
    dir: 'asc',
    kind: 'date',
    value: (r) => (r.nextFollowUpAt ?? FAR_FUTURE).toISOString(),
  },
  name_asc: { expr: customers.name, dir: 'asc', kind: 'string', value: (r) => r.name },
};

/** Escapes LIKE wildcards in user input. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Keyset-paged customer list inside the caller's data scope. Tabs: mine (owner or collaborator),
 * team (scope's other owners), pool (unowned in visible pools), all (the whole scope).
 */
export async function listCustomers(db: Db, scope: DataScope, q: CustomerListQuery): Promise<ListResult<CustomerItem>> {
  const collabIds = scope.level === 'all' && q.scope !== 'mine' ? undefined : await collaborationIds(db, scope.userId);
  const conds: (SQL | undefined)[] = [await customerListCondition(db, scope, collabIds), eq(customers.status, q.status)];
  if (q.scope === 'mine') conds.push(mineCondition(scope, collabIds));
  else if (q.scope === 'team') conds.push(ownerCondition(scope, 'team', customers.ownerId));
  else if (q.scope === 'pool') {
    conds.push(isNull(customers.ownerId));
    const pools = scope.level === 'all' ? null : await visiblePoolIds(db, scope.corpId, scope.userId, 'customer');
    if (pools) conds.push(pools.length ? inArray(customers.poolId, pools) : sql`FALSE`);
  }
  if (q.grade) conds.push(eq(customers.grade, q.grade));
  if (q.industry) conds.push(eq(customers.industry, q.industry));
  if (q.ownerId) conds.push(eq(customers.ownerId, idNum(q.ownerId)));
  if (q.poolId) conds.push(eq(customers.poolId, idNum(q.poolId)));
  if (q.lastFollowUpFrom) conds.push(gte(customers.lastFollowUpAt, new Date(q.lastFollowUpFrom)));
  if (q.lastFollowUpTo) conds.push(lte(customers.lastFollowUpAt, new Date(q.lastFollowUpTo)));
  if (q.q) {
    const k = likeEscape(q.q);
    conds.push(
      or(
        sql`${customers.name} LIKE ${`%${k}%`}`,
        sql`EXISTS (SELECT 1 FROM ${contacts} ct WHERE ct.customer_id = ${customers.id} AND ct.corp_id = ${scope.corpId} AND (ct.name LIKE ${`${k}%`} OR ct.mobile LIKE ${`${k}%`}))`,
      ),
    );
  }
  const sort = SORTS[q.sort];
  conds.push(keysetAfter(sort.expr as MySqlColumn, customers.id, afterKeyOf(q.cursor, sort.kind), sort.dir));
  const order = sort.dir === 'desc' ? [desc(sort.expr as MySqlColumn), desc(customers.id)] : [asc(sort.expr as MySqlColumn), asc(customers.id)];
  // Deferred join: the page's ids first (an index-only scan when the filters are in the index),
  // then the full rows of that page only.
  const pageIds = db
    .select({ pageId: customers.id })
    .from(customers)
    .where(and(...conds))
    .orderBy(...order)
    .limit(q.limit + 1)
    .as('page_ids');
  const rows = await db
    .select({ c: customers, ownerName: users.name })
    .from(pageIds)
    .innerJoin(customers, eq(customers.id, pageIds.pageId))
    .leftJoin(users, eq(users.id, customers.ownerId))
    .orderBy(...order);
  return pageOf(rows, q.limit, (r) => presentCustomer(r.c, r.ownerName), (r) => [sort.value(r.c), r.c.id]);
}

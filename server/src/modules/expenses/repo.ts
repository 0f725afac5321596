import { and, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { ListScope } from '@scrm/shared';
import { ownerCondition } from '../../auth/scope';
import type { Db } from '../../db/client';
import { customers, departments, expenseCategories, expenseClaims, expenseLimits, expenseLines, users } from '../../db/schema/index';
import type { MoneyScope } from '../contracts/visibility';
import { idAfter } from '../../lib/paging';

/** Queries of claims, categories and limits. Visibility: `expenseOwnerCondition` (the money scope over the claimant). */

/** The claimant condition of a list: `scope=mine|team|all` inside the caller's money scope. */
export const claimOwnerCondition = (scope: MoneyScope, listScope: ListScope): SQL | undefined => ownerCondition(scope, listScope, expenseClaims.userId);

export const limitsOf = (db: Db, corpId: number) => db.select().from(expenseLimits).where(eq(expenseLimits.corpId, corpId));

export async function categoryByName(db: Db, corpId: number, name: string) {
  const [row] = await db.select().from(expenseCategories).where(and(eq(expenseCategories.corpId, corpId), eq(expenseCategories.name, name)));
  return row;
}

export async function categoryById(db: Db, corpId: number, id: number) {
  const [row] = await db.select().from(expenseCategories).where(and(eq(expenseCategories.id, id), eq(expenseCategories.corpId, corpId)));
  return row;
}

export async function insertCategory(db: Db, corpId: number, values: { name: string; sortOrder?: number; isActive?: boolean }): Promise<number> {
  const [row] = await db.insert(expenseCategories).values({ corpId, ...values }).$returningId();
  return row!.id;
}

/** Sets (or with null removes) the cap of a category for a role. */
export async function replaceLimit(db: Db, corpId: number, categoryId: number, role: (typeof expenseLimits.$inferInsert)['role'], maxPerClaim: number | null): Promise<void> {
  await db.delete(expenseLimits).where(and(eq(expenseLimits.corpId, corpId), eq(expenseLimits.categoryId, categoryId), eq(expenseLimits.role, role)));
  if (maxPerClaim != null) await db.insert(expenseLimits).values({ corpId, categoryId, role, maxPerClaim });
}

/** The main department of a user (stamped on their claims and advances). */
export async function mainDepartmentOf(db: Db, userId: number): Promise<number | null> {
  const [u] = await db.select({ dept: users.mainDepartmentId }).from(users).where(eq(users.id, userId));
  return u?.dept ?? null;
}

export async function insertDraftClaim(db: Db, v: { corpId: number; userId: number; departmentId: number | null; title: string; now: Date }): Promise<number> {
  const [row] = await db
    .insert(expenseClaims)
    .values({ corpId: v.corpId, userId: v.userId, departmentId: v.departmentId, title: v.title, status: 'draft', createdAt: v.now, updatedAt: v.now })
    .$returningId();
  return row!.id;
}

export async function claimById(db: Db, corpId: number, id: number, lock = false) {
  const q = db.select().from(expenseClaims).where(and(eq(expenseClaims.id, id), eq(expenseClaims.corpId, corpId)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** A keyset page (limit + 1 rows) of claims, newest first. */
export function listClaims(db: Db, scope: MoneyScope, f: { listScope: ListScope; status?: string; q?: string; afterId?: number; limit: number }) {
  const conds: (SQL | undefined)[] = [eq(expenseClaims.corpId, scope.corpId), claimOwnerCondition(scope, f.listScope)];
  if (f.status) conds.push(eq(expenseClaims.status, f.status as (typeof expenseClaims.$inferSelect)['status']));
  if (f.q) conds.push(sql`${expenseClaims.title} LIKE ${`%${f.q}%`}`);
  conds.push(idAfter(expenseClaims.id, f.afterId, 'desc'));
  return db.select().from(expenseClaims).where(and(...conds)).orderBy(desc(expenseClaims.id)).limit(f.limit + 1);
}

export type TotalsGroup = 'user' | 'department' | 'customer' | 'category';

/** Approved + reimbursed spend by line date in [from, to] inside the money scope, grouped. */
export function spendTotals(db: Db, scope: MoneyScope, f: { groupBy: TotalsGroup; from: string; to: string }) {
  const key = { user: expenseClaims.userId, department: expenseClaims.departmentId, customer: expenseLines.customerId, category: expenseLines.categoryId }[f.groupBy];
  return db
    .select({ key, amount: sql<number>`SUM(${expenseLines.amount})`, lines: sql<number>`COUNT(*)` })
    .from(expenseLines)
    .innerJoin(expenseClaims, eq(expenseClaims.id, expenseLines.claimId))
    .where(
      and(
        eq(expenseClaims.corpId, scope.corpId),
        inArray(expenseClaims.status, ['approved', 'reimbursed']),
        gte(expenseLines.spentOn, f.from),
        lte(expenseLines.spentOn, f.to),
        claimOwnerCondition(scope, 'all'),
      ),
    )
    .groupBy(key);
}

/** Names of the grouping keys of `spendTotals`. */
export async function groupNames(db: Db, groupBy: TotalsGroup, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const table = { user: users, department: departments, category: expenseCategories, customer: customers }[groupBy];
  const rows = await db.select({ id: table.id, name: table.name }).from(table).where(inArray(table.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { advanceBody, advanceView, ListScope } from '@scrm/shared';
import { canSeeOwner, ownerCondition } from '../../auth/scope';
import type { Db } from '../../db/client';
import { advanceOffsets, expenseAdvances, users } from '../../db/schema/index';
import type { AppDeps, AuthUser } from '../../http/context';
import { errors } from '../../http/errors';
import { idStr, idStrOrNull } from '../../lib/ids';
import { idAfter } from '../../lib/paging';
import { toIso } from '../../lib/time';
import { startApproval } from '../approvals/service';
import type { MoneyScope } from '../contracts/visibility';
import { mainDepartmentOf } from './repo';

/** Advances (借支): queries and commands. Advances follow their borrower inside the money scope. */

type Advance = typeof expenseAdvances.$inferSelect;

export async function presentAdvance(db: Db, a: Advance, full: boolean): Promise<z.infer<typeof advanceView>> {
  const [u] = await db.select({ name: users.name }).from(users).where(eq(users.id, a.userId));
  const view: z.infer<typeof advanceView> = {
    id: idStr(a.id),
    user: { id: idStr(a.userId), name: u?.name ?? '' },
    amount: a.amount,
    currency: a.currency,
    reason: a.reason,
    status: a.status,
    offsetAmount: a.offsetAmount,
    outstanding: a.status === 'approved' || a.status === 'settled' ? a.amount - a.offsetAmount : 0,
    approvalInstanceId: idStrOrNull(a.approvalInstanceId),
    createdAt: toIso(a.createdAt),
  };
  if (full) {
    const offs = await db.select().from(advanceOffsets).where(eq(advanceOffsets.advanceId, a.id)).orderBy(asc(advanceOffsets.id));
    view.offsets = offs.map((o) => ({ claimId: idStr(o.claimId), amount: o.amount, at: toIso(o.createdAt) }));
  }
  return view;
}

/** An advance inside the caller's money scope, else 404. */
export async function findVisibleAdvance(db: Db, scope: MoneyScope, id: number): Promise<Advance> {
  const [a] = await db.select().from(expenseAdvances).where(and(eq(expenseAdvances.id, id), eq(expenseAdvances.corpId, scope.corpId)));
  if (!a || !canSeeOwner(scope, a.userId)) throw errors.notFound('借支');
  return a;
}

/** Requests an advance of the caller; it goes straight into approval. */
export async function createAdvance(db: Db, deps: AppDeps, user: AuthUser, body: z.infer<typeof advanceBody>): Promise<Advance> {
  const now = deps.now();
  const [row] = await db
    .insert(expenseAdvances)
    .values({ corpId: user.corpId, userId: user.id, departmentId: await mainDepartmentOf(db, user.id), amount: body.amount, reason: body.reason, status: 'pending', submittedAt: now, createdAt: now, updatedAt: now })
    .$returningId();
    const inst = await startApproval(db, deps, {
      corpId: user.corpId,
      docType: 'advance',
      docId: row!.id,
      applicantUserId: user.id,
      amount: body.amount,
      title: `借支：${body.reason.slice(0, 40)}`,
      summary: `借支 ${(body.amount / 100).toFixed(2)} 元`,
    });
  await db.update(expenseAdvances).set({ approvalInstanceId: inst.id }).where(eq(expenseAdvances.id, row!.id));
  const [a] = await db.select().from(expenseAdvances).where(eq(expenseAdvances.id, row!.id));
  return a!;
}

/** A keyset page (limit + 1 rows) of advances in the money scope; filters narrow, never widen. */
export function listAdvances(db: Db, scope: MoneyScope, f: { listScope: ListScope; userId?: number; status?: Advance['status']; q?: string; afterId?: number; limit: number }) {
  const conds: (SQL | undefined)[] = [eq(expenseAdvances.corpId, scope.corpId), ownerCondition(scope, f.listScope, expenseAdvances.userId)];
  if (f.userId) conds.push(eq(expenseAdvances.userId, f.userId));
  if (f.status) conds.push(eq(expenseAdvances.status, f.status));
  if (f.q) conds.push(sql`${expenseAdvances.reason} LIKE ${`%${f.q}%`}`);
  conds.push(idAfter(expenseAdvances.id, f.afterId, 'desc'));
  return db.select().from(expenseAdvances).where(and(...conds)).orderBy(desc(expenseAdvances.id)).limit(f.limit + 1);
}

/** Outstanding advance balance per person (approved − offsets) inside the money scope. */
export async function advanceBalances(db: Db, scope: MoneyScope) {
  const rows = await db
    .select({ userId: expenseAdvances.userId, name: users.name, outstanding: sql<number>`SUM(${expenseAdvances.amount} - ${expenseAdvances.offsetAmount})`, n: sql<number>`COUNT(*)` })
    .from(expenseAdvances)
    .innerJoin(users, eq(users.id, expenseAdvances.userId))
    .where(and(eq(expenseAdvances.corpId, scope.corpId), inArray(expenseAdvances.status, ['approved']), ownerCondition(scope, 'all', expenseAdvances.userId)))
    .groupBy(expenseAdvances.userId, users.name);
  return rows.map((r) => ({ user: { id: idStr(r.userId), name: r.name }, outstanding: Number(r.outstanding), advances: Number(r.n) }));
}

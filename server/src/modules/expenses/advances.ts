import { and, asc, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { advanceBody, advanceListQuery, advanceView, idParams, listResponse } from '@scrm/shared';
import { canSeeOwner, ownerCondition } from '../../auth/scope';
import type { Db } from '../../db/client';
import { advanceOffsets, expenseAdvances, users } from '../../db/schema/index';
import { errors } from '../../http/errors';
import { defineRoute, type RouteSpec } from '../../http/route';
import { decodeCursor, encodeCursor, idNum, idStr, idStrOrNull } from '../../lib/ids';
import { toIso } from '../../lib/time';
import { startApproval } from '../approvals/service';
import { expenseScope } from './service';

type Advance = typeof expenseAdvances.$inferSelect;

async function present(db: Db, a: Advance, full: boolean): Promise<z.infer<typeof advanceView>> {
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

const create = defineRoute({
  method: 'post',
  path: '/api/advances',
  summary: 'Request an advance (借支); it goes straight into approval',
  tags: ['expenses'],
  body: advanceBody,
  response: advanceView,
  status: 201,
  handler: async ({ db, deps, user, body, audit }) => {
    const [u] = await db.select({ dept: users.mainDepartmentId }).from(users).where(eq(users.id, user.id));
    const now = deps.now();
    const [row] = await db
      .insert(expenseAdvances)
      .values({ corpId: user.corpId, userId: user.id, departmentId: u?.dept ?? null, amount: body.amount, reason: body.reason, status: 'pending', submittedAt: now, createdAt: now, updatedAt: now })
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
    await audit({ action: 'advance.create', entityType: 'advance', entityId: row!.id, after: body });
    const [a] = await db.select().from(expenseAdvances).where(eq(expenseAdvances.id, row!.id));
    return present(db, a!, true);
  },
});

const list = defineRoute({
  method: 'get',
  path: '/api/advances',
  summary: 'Advances: scope=mine|team|all (finance sees all), userId / status filters and q (reason) within the scope, newest first',
  tags: ['expenses'],
  query: advanceListQuery,
  response: listResponse(advanceView),
  handler: async ({ db, user, scope, query }) => {
    const s = expenseScope(user, await scope());
    const conds: (SQL | undefined)[] = [eq(expenseAdvances.corpId, user.corpId), ownerCondition(s, query.scope, expenseAdvances.userId)];
    // Narrows the scope, never widens it: someone outside it just yields an empty list.
    if (query.userId) conds.push(eq(expenseAdvances.userId, idNum(query.userId)));
    if (query.status) conds.push(eq(expenseAdvances.status, query.status));
    if (query.q) conds.push(sql`${expenseAdvances.reason} LIKE ${`%${query.q}%`}`);
    const cursor = decodeCursor(query.cursor);
    if (cursor && typeof cursor[0] === 'number') conds.push(lt(expenseAdvances.id, cursor[0]));
    const rows = await db.select().from(expenseAdvances).where(and(...conds)).orderBy(desc(expenseAdvances.id)).limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    return { items: await Promise.all(page.map((a) => present(db, a, false))), nextCursor: rows.length > query.limit ? encodeCursor([page[page.length - 1]!.id]) : null };
  },
});

const balances = defineRoute({
  method: 'get',
  path: '/api/advances/balances',
  summary: 'Outstanding advance balance per person (approved − offsets), within the caller\'s scope',
  tags: ['expenses'],
  response: z.object({ items: z.array(z.object({ user: z.object({ id: z.string(), name: z.string() }), outstanding: z.number().int(), advances: z.number().int() })) }),
  handler: async ({ db, user, scope }) => {
    const s = expenseScope(user, await scope());
    const rows = await db
      .select({ userId: expenseAdvances.userId, name: users.name, outstanding: sql<number>`SUM(${expenseAdvances.amount} - ${expenseAdvances.offsetAmount})`, n: sql<number>`COUNT(*)` })
      .from(expenseAdvances)
      .innerJoin(users, eq(users.id, expenseAdvances.userId))
      .where(and(eq(expenseAdvances.corpId, user.corpId), inArray(expenseAdvances.status, ['approved']), ownerCondition(s, 'all', expenseAdvances.userId)))
      .groupBy(expenseAdvances.userId, users.name);
    return { items: rows.map((r) => ({ user: { id: idStr(r.userId), name: r.name }, outstanding: Number(r.outstanding), advances: Number(r.n) })) };
  },
});

const get = defineRoute({
  method: 'get',
  path: '/api/advances/:id',
  summary: 'An advance with its offset history',
  tags: ['expenses'],
  params: idParams,
  response: advanceView,
  handler: async ({ db, user, scope, params }) => {
    const [a] = await db.select().from(expenseAdvances).where(and(eq(expenseAdvances.id, idNum(params.id)), eq(expenseAdvances.corpId, user.corpId)));
    if (!a || !canSeeOwner(expenseScope(user, await scope()), a.userId)) throw errors.notFound('借支');
    return present(db, a, true);
  },
});

export const advanceRoutes: RouteSpec[] = [create, list, balances, get];

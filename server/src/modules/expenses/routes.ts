import { and, desc, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { claimBody, claimListQuery, claimView, expenseCategoryBody, expenseLimitBody, expenseTotalsQuery, idParams, listResponse, reimburseBody } from '@scrm/shared';
import { ownerCondition } from '../../auth/scope';
import { customers, departments, expenseCategories, expenseClaims, expenseLimits, expenseLines, users } from '../../db/schema/index';
import { errors } from '../../http/errors';
import { defineRoute, type RouteSpec } from '../../http/route';
import { decodeCursor, encodeCursor, idNum, idStr } from '../../lib/ids';
import { advanceRoutes } from './advances';
import { ensureCategories, expenseScope, loadClaim, presentClaim, reimburse, submitClaim, writeClaimContent } from './service';

const isFinance = (role: string) => role === 'finance' || role === 'admin';

const listCategories = defineRoute({
  method: 'get',
  path: '/api/expense-categories',
  summary: 'Expense categories (费用科目) with per-role limits; defaults are created on first use',
  tags: ['expenses'],
  transaction: true,
  handler: async ({ db, user }) => {
    const cats = await ensureCategories(db, user.corpId);
    const limits = await db.select().from(expenseLimits).where(eq(expenseLimits.corpId, user.corpId));
    return {
      items: cats.map((c) => ({
        id: idStr(c.id),
        name: c.name,
        sortOrder: c.sortOrder,
        isActive: c.isActive,
        limits: limits.filter((l) => l.categoryId === c.id).map((l) => ({ role: l.role, maxPerClaim: l.maxPerClaim })),
      })),
    };
  },
});

const createCategory = defineRoute({
  method: 'post',
  path: '/api/expense-categories',
  summary: 'Add a category (finance/admin)',
  tags: ['expenses'],
  body: expenseCategoryBody,
  status: 201,
  handler: async ({ db, user, body, audit }) => {
    if (!isFinance(user.role)) throw errors.forbidden('只有财务或管理员可以配置费用科目');
    await ensureCategories(db, user.corpId);
    const [dup] = await db.select().from(expenseCategories).where(and(eq(expenseCategories.corpId, user.corpId), eq(expenseCategories.name, body.name)));
    if (dup) throw errors.conflict('category_exists', '已有同名费用科目');
    const [row] = await db.insert(expenseCategories).values({ corpId: user.corpId, ...body }).$returningId();
    await audit({ action: 'expense_category.create', entityType: 'expense_category', entityId: row!.id, after: body });
    return { id: idStr(row!.id), ...body };
  },
});

const setLimit = defineRoute({
  method: 'post',
  path: '/api/expense-limits',
  summary: 'Set (or remove with null) the per-claim cap of a category for a role (finance/admin)',
  tags: ['expenses'],
  body: expenseLimitBody,
  handler: async ({ db, user, body, audit }) => {
    if (!isFinance(user.role)) throw errors.forbidden('只有财务或管理员可以配置费用标准');
    const categoryId = idNum(body.categoryId);
    const [cat] = await db.select().from(expenseCategories).where(and(eq(expenseCategories.id, categoryId), eq(expenseCategories.corpId, user.corpId)));
    if (!cat) throw errors.notFound('费用科目');
    const where = and(eq(expenseLimits.corpId, user.corpId), eq(expenseLimits.categoryId, categoryId), eq(expenseLimits.role, body.role));
    await db.delete(expenseLimits).where(where);
    if (body.maxPerClaim != null) await db.insert(expenseLimits).values({ corpId: user.corpId, categoryId, role: body.role, maxPerClaim: body.maxPerClaim });
    await audit({ action: 'expense_limit.set', entityType: 'expense_category', entityId: categoryId, after: body });
    return { ok: true };
  },
});

const createClaim = defineRoute({
  method: 'post',
  path: '/api/expense-claims',
  summary: 'Create a draft claim with lines and vouchers (file ids from POST /api/files)',
  tags: ['expenses'],
  body: claimBody,
  response: claimView,
  status: 201,
  handler: async ({ db, deps, user, body, audit }) => {
    const [u] = await db.select({ dept: users.mainDepartmentId }).from(users).where(eq(users.id, user.id));
    const [row] = await db
      .insert(expenseClaims)
      .values({ corpId: user.corpId, userId: user.id, departmentId: u?.dept ?? null, title: body.title, status: 'draft', createdAt: deps.now(), updatedAt: deps.now() })
      .$returningId();
    await writeClaimContent(db, deps, user, row!.id, body);
    const [claim] = await db.select().from(expenseClaims).where(eq(expenseClaims.id, row!.id));
    await audit({ action: 'expense_claim.create', entityType: 'expense_claim', entityId: row!.id, after: body });
    return presentClaim(db, claim!, true);
  },
});

const updateClaim = defineRoute({
  method: 'patch',
  path: '/api/expense-claims/:id',
  summary: 'Replace title, lines and vouchers of an own draft claim (409 claim_locked while under approval)',
  tags: ['expenses'],
  params: idParams,
  body: claimBody,
  response: claimView,
  handler: async ({ db, deps, user, scope, params, body, audit }) => {
    const claim = await loadClaim(db, user, await scope(), idNum(params.id), true);
    if (claim.userId !== user.id) throw errors.forbidden('只能修改自己的报销单');
    if (claim.status !== 'draft') throw errors.conflict('claim_locked', claim.status === 'pending' ? '报销单审批中，不能修改' : '报销单已处理，不能修改');
    await writeClaimContent(db, deps, user, claim.id, body);
    await audit({ action: 'expense_claim.update', entityType: 'expense_claim', entityId: claim.id, after: body });
    return presentClaim(db, (await loadClaim(db, user, await scope(), claim.id))!, true);
  },
});

const submit = defineRoute({
  method: 'post',
  path: '/api/expense-claims/:id/submit',
  summary: 'Submit a draft claim for approval (limits checked: 409 expense_over_limit)',
  tags: ['expenses'],
  params: idParams,
  response: claimView,
  handler: async ({ db, deps, user, scope, params, audit }) => {
    const claim = await loadClaim(db, user, await scope(), idNum(params.id), true);
    await submitClaim(db, deps, user, claim);
    await audit({ action: 'expense_claim.submit', entityType: 'expense_claim', entityId: claim.id });
    return presentClaim(db, await loadClaim(db, user, await scope(), claim.id), true);
  },
});

const markReimbursed = defineRoute({
  method: 'post',
  path: '/api/expense-claims/:id/reimburse',
  summary: 'Finance marks an approved claim reimbursed (date, method), optionally offsetting advances',
  tags: ['expenses'],
  params: idParams,
  body: reimburseBody,
  response: claimView,
  handler: async ({ db, deps, user, scope, params, body, audit }) => {
    const claim = await loadClaim(db, user, await scope(), idNum(params.id), true);
    await reimburse(db, deps, user, claim, body);
    await audit({ action: 'expense_claim.reimburse', entityType: 'expense_claim', entityId: claim.id, after: body });
    return presentClaim(db, await loadClaim(db, user, await scope(), claim.id), true);
  },
});

const getClaim = defineRoute({
  method: 'get',
  path: '/api/expense-claims/:id',
  summary: 'A claim with lines and vouchers',
  tags: ['expenses'],
  params: idParams,
  response: claimView,
  handler: async ({ db, user, scope, params }) => presentClaim(db, await loadClaim(db, user, await scope(), idNum(params.id)), true),
});

const listClaims = defineRoute({
  method: 'get',
  path: '/api/expense-claims',
  summary: 'Claims: scope=mine|team|all (finance sees all), status filter, newest first',
  tags: ['expenses'],
  query: claimListQuery,
  response: listResponse(claimView),
  handler: async ({ db, user, scope, query }) => {
    const s = expenseScope(user, await scope());
    const conds: (SQL | undefined)[] = [eq(expenseClaims.corpId, user.corpId), ownerCondition(s, query.scope, expenseClaims.userId)];
    if (query.status) conds.push(eq(expenseClaims.status, query.status));
    if (query.q) conds.push(sql`${expenseClaims.title} LIKE ${`%${query.q}%`}`);
    const cursor = decodeCursor(query.cursor);
    if (cursor && typeof cursor[0] === 'number') conds.push(lt(expenseClaims.id, cursor[0]));
    const rows = await db.select().from(expenseClaims).where(and(...conds)).orderBy(desc(expenseClaims.id)).limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    return {
      items: await Promise.all(page.map((c) => presentClaim(db, c, false))),
      nextCursor: rows.length > query.limit ? encodeCursor([page[page.length - 1]!.id]) : null,
    };
  },
});

const totals = defineRoute({
  method: 'get',
  path: '/api/expenses/totals',
  summary: 'Approved + reimbursed spend by line date in [from, to], grouped by user / department / customer (cost of sale) / category',
  tags: ['expenses'],
  query: expenseTotalsQuery,
  response: z.object({ items: z.array(z.object({ id: z.string().nullable(), name: z.string(), amount: z.number().int(), lines: z.number().int() })) }),
  handler: async ({ db, user, scope, query }) => {
    const s = expenseScope(user, await scope());
    const key = { user: expenseClaims.userId, department: expenseClaims.departmentId, customer: expenseLines.customerId, category: expenseLines.categoryId }[query.groupBy];
    const rows = await db
      .select({ key, amount: sql<number>`SUM(${expenseLines.amount})`, lines: sql<number>`COUNT(*)` })
      .from(expenseLines)
      .innerJoin(expenseClaims, eq(expenseClaims.id, expenseLines.claimId))
      .where(
        and(
          eq(expenseClaims.corpId, user.corpId),
          inArray(expenseClaims.status, ['approved', 'reimbursed']),
          gte(expenseLines.spentOn, query.from),
          lte(expenseLines.spentOn, query.to),
          ownerCondition(s, 'all', expenseClaims.userId),
        ),
      )
      .groupBy(key);
    const ids = rows.map((r) => r.key).filter((k): k is number => k != null);
    const names = new Map<number, string>();
    if (ids.length && query.groupBy === 'user') (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids))).forEach((r) => names.set(r.id, r.name));
    if (ids.length && query.groupBy === 'department') (await db.select({ id: departments.id, name: departments.name }).from(departments).where(inArray(departments.id, ids))).forEach((r) => names.set(r.id, r.name));
    if (ids.length && query.groupBy === 'category') (await db.select({ id: expenseCategories.id, name: expenseCategories.name }).from(expenseCategories).where(inArray(expenseCategories.id, ids))).forEach((r) => names.set(r.id, r.name));
    if (ids.length && query.groupBy === 'customer') {
      (await db.select({ id: customers.id, name: customers.name }).from(customers).where(inArray(customers.id, ids))).forEach((r) => names.set(r.id, r.name));
    }
    return {
      items: rows
        .map((r) => ({ id: r.key == null ? null : idStr(r.key), name: r.key == null ? '（未关联）' : (names.get(r.key) ?? ''), amount: Number(r.amount), lines: Number(r.lines) }))
        .sort((a, b) => b.amount - a.amount),
    };
  },
});

export const expenseRoutes: RouteSpec[] = [listCategories, createCategory, setLimit, createClaim, updateClaim, submit, markReimbursed, getClaim, listClaims, totals, ...advanceRoutes];

import { z } from 'zod';
import { claimBody, claimListQuery, claimView, expenseCategoryBody, expenseLimitBody, expenseTotalsQuery, idParams, listResponse, reimburseBody } from '@scrm/shared';
import { requireRole } from '../../auth/roles';
import { errors } from '../../http/errors';
import { defineRoute, type RouteSpec } from '../../http/route';
import { idNum, idStr } from '../../lib/ids';
import { afterIdOf, idCursor, splitPage } from '../../lib/paging';
import { moneyScope } from '../contracts/visibility';
import { advanceRoutes } from './advances';
import * as repo from './repo';
import {
  assertOwnClaim,
  createCategory,
  createClaim,
  ensureCategories,
  findVisibleClaim,
  presentClaim,
  reimburse,
  setCategoryLimit,
  spendTotals,
  submitClaim,
  writeClaimContent,
} from './service';

const FINANCE_OR_ADMIN = ['finance', 'admin'] as const;

const listCategories = defineRoute({
  method: 'get',
  path: '/api/expense-categories',
  summary: 'Expense categories (费用科目) with per-role limits; defaults are created on first use',
  tags: ['expenses'],
  transaction: true,
  handler: async ({ db, user }) => {
    const cats = await ensureCategories(db, user.corpId);
    const limits = await repo.limitsOf(db, user.corpId);
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

const createCategoryRoute = defineRoute({
  method: 'post',
  path: '/api/expense-categories',
  summary: 'Add a category (finance/admin)',
  tags: ['expenses'],
  body: expenseCategoryBody,
  status: 201,
  handler: async ({ db, user, body, audit }) => {
    requireRole(user, [...FINANCE_OR_ADMIN], '只有财务或管理员可以配置费用科目');
    const id = await createCategory(db, user.corpId, body);
    await audit({ action: 'expense_category.create', entityType: 'expense_category', entityId: id, after: body });
    return { id: idStr(id), ...body };
  },
});

const setLimit = defineRoute({
  method: 'post',
  path: '/api/expense-limits',
  summary: 'Set (or remove with null) the per-claim cap of a category for a role (finance/admin)',
  tags: ['expenses'],
  body: expenseLimitBody,
  handler: async ({ db, user, body, audit }) => {
    requireRole(user, [...FINANCE_OR_ADMIN], '只有财务或管理员可以配置费用标准');
    const categoryId = idNum(body.categoryId);
    await setCategoryLimit(db, user.corpId, categoryId, body.role, body.maxPerClaim);
    await audit({ action: 'expense_limit.set', entityType: 'expense_category', entityId: categoryId, after: body });
    return { ok: true };
  },
});

const createClaimRoute = defineRoute({
  method: 'post',
  path: '/api/expense-claims',
  summary: 'Create a draft claim with lines and vouchers (file ids from POST /api/files)',
  tags: ['expenses'],
  body: claimBody,
  response: claimView,
  status: 201,
  handler: async ({ db, deps, user, body, audit }) => {
    const claim = await createClaim(db, deps, user, body);
    await audit({ action: 'expense_claim.create', entityType: 'expense_claim', entityId: claim.id, after: body });
    return presentClaim(db, claim, true);
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
  handler: async (args) => {
    const { db, deps, user, params, body, audit } = args;
    const s = await moneyScope(args);
    const claim = await findVisibleClaim(db, s, idNum(params.id), { forUpdate: true });
    assertOwnClaim(user, claim, '只能修改自己的报销单');
    if (claim.status !== 'draft') throw errors.conflict('claim_locked', claim.status === 'pending' ? '报销单审批中，不能修改' : '报销单已处理，不能修改');
    await writeClaimContent(db, deps, user, claim.id, body);
    await audit({ action: 'expense_claim.update', entityType: 'expense_claim', entityId: claim.id, after: body });
    return presentClaim(db, await findVisibleClaim(db, s, claim.id), true);
  },
});

const submit = defineRoute({
  method: 'post',
  path: '/api/expense-claims/:id/submit',
  summary: 'Submit a draft claim for approval (limits checked: 409 expense_over_limit)',
  tags: ['expenses'],
  params: idParams,
  response: claimView,
  handler: async (args) => {
    const { db, deps, user, params, audit } = args;
    const s = await moneyScope(args);
    const claim = await findVisibleClaim(db, s, idNum(params.id), { forUpdate: true });
    await submitClaim(db, deps, user, claim);
    await audit({ action: 'expense_claim.submit', entityType: 'expense_claim', entityId: claim.id });
    return presentClaim(db, await findVisibleClaim(db, s, claim.id), true);
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
  handler: async (args) => {
    const { db, deps, user, params, body, audit } = args;
    const s = await moneyScope(args);
    const claim = await findVisibleClaim(db, s, idNum(params.id), { forUpdate: true });
    await reimburse(db, deps, user, claim, body);
    await audit({ action: 'expense_claim.reimburse', entityType: 'expense_claim', entityId: claim.id, after: body });
    return presentClaim(db, await findVisibleClaim(db, s, claim.id), true);
  },
});

const getClaim = defineRoute({
  method: 'get',
  path: '/api/expense-claims/:id',
  summary: 'A claim with lines and vouchers',
  tags: ['expenses'],
  params: idParams,
  response: claimView,
  handler: async (args) => presentClaim(args.db, await findVisibleClaim(args.db, await moneyScope(args), idNum(args.params.id)), true),
});

const listClaims = defineRoute({
  method: 'get',
  path: '/api/expense-claims',
  summary: 'Claims: scope=mine|team|all (finance sees all), status filter, newest first',
  tags: ['expenses'],
  query: claimListQuery,
  response: listResponse(claimView),
  handler: async (args) => {
    const { db, query } = args;
    const rows = await repo.listClaims(db, await moneyScope(args), {
      listScope: query.scope,
      status: query.status,
      q: query.q,
      afterId: afterIdOf(query.cursor),
      limit: query.limit,
    });
    const { page, nextCursor } = splitPage(rows, query.limit, idCursor);
    return { items: await Promise.all(page.map((c) => presentClaim(db, c, false))), nextCursor };
  },
});

const totals = defineRoute({
  method: 'get',
  path: '/api/expenses/totals',
  summary: 'Approved + reimbursed spend by line date in [from, to], grouped by user / department / customer (cost of sale) / category',
  tags: ['expenses'],
  query: expenseTotalsQuery,
  response: z.object({ items: z.array(z.object({ id: z.string().nullable(), name: z.string(), amount: z.number().int(), lines: z.number().int() })) }),
  handler: async (args) => ({ items: await spendTotals(args.db, await moneyScope(args), args.query) }),
});

export const expenseRoutes: RouteSpec[] = [listCategories, createCategoryRoute, setLimit, createClaimRoute, updateClaim, submit, markReimbursed, getClaim, listClaims, totals, ...advanceRoutes];

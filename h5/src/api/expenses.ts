import type { z } from 'zod';
import type {
  advanceBody,
  advanceView,
  ClaimBody,
  ClaimStatus,
  ClaimView,
  expenseCategoryBody,
  expenseTotalsQuery,
  ListResult,
  ListScope,
  REIMBURSE_METHODS,
  reimburseBody,
} from '@scrm/shared';
import { request } from './request';

export type ReimburseMethod = (typeof REIMBURSE_METHODS)[number];

/** Body of `POST /api/expense-claims/:id/reimburse`. */
export type ReimburseBody = z.input<typeof reimburseBody>;

/** Body of `POST /api/advances` (借支). */
export type AdvanceBody = z.input<typeof advanceBody>;

/** An advance (借支) as the API shows it. */
export type AdvanceView = z.infer<typeof advanceView>;

/** A 费用科目 as listed: its fields, its id and the per-role limits per claim. */
export type ExpenseCategory = z.infer<typeof expenseCategoryBody> & {
  id: string;
  limits: { role: string; maxPerClaim: number }[];
};

export type TotalsGroupBy = z.infer<typeof expenseTotalsQuery>['groupBy'];
export interface TotalsRow {
  id: string | null;
  name: string;
  amount: number;
  lines: number;
}

export interface AdvanceBalance {
  user: { id: string; name: string };
  outstanding: number;
  advances: number;
}

/** `GET /api/expense-categories` (费用科目, defaults created on first use). */
export const listCategories = () => request<{ items: ExpenseCategory[] }>('/api/expense-categories');

/** `GET /api/expense-claims`: newest first; finance sees all with scope=all. */
export const listClaims = (params: { scope?: ListScope; status?: ClaimStatus; cursor?: string | null; limit?: number }) =>
  request<ListResult<ClaimView>>('/api/expense-claims', {
    query: { scope: params.scope ?? 'mine', status: params.status, cursor: params.cursor ?? undefined, limit: params.limit ?? 20 },
  });

/** `GET /api/expense-claims/:id`: with lines and vouchers. */
export const getClaim = (id: string) => request<ClaimView>(`/api/expense-claims/${id}`);

/** `POST /api/expense-claims`: a new draft. */
export const createClaim = (body: ClaimBody, idempotencyKey: string) =>
  request<ClaimView>('/api/expense-claims', { method: 'POST', body, idempotencyKey });

/** `PATCH /api/expense-claims/:id`: replaces title, lines and vouchers of an own draft. */
export const updateClaim = (id: string, body: ClaimBody, idempotencyKey: string) =>
  request<ClaimView>(`/api/expense-claims/${id}`, { method: 'PATCH', body, idempotencyKey });

/** `POST /api/expense-claims/:id/submit`: into approval (409 expense_over_limit). */
export const submitClaim = (id: string, idempotencyKey: string) =>
  request<ClaimView>(`/api/expense-claims/${id}/submit`, { method: 'POST', body: {}, idempotencyKey });

/** `POST /api/expense-claims/:id/reimburse` (finance). */
export const reimburseClaim = (id: string, body: ReimburseBody, idempotencyKey: string) =>
  request<ClaimView>(`/api/expense-claims/${id}/reimburse`, { method: 'POST', body, idempotencyKey });

/** `GET /api/expenses/totals`: approved + reimbursed spend in [from, to]. */
export const getTotals = (groupBy: TotalsGroupBy, from: string, to: string) =>
  request<{ items: TotalsRow[] }>('/api/expenses/totals', { query: { groupBy, from, to } });

/** `POST /api/advances` (借支): goes straight into approval. */
export const createAdvance = (body: AdvanceBody, idempotencyKey: string) =>
  request<AdvanceView>('/api/advances', { method: 'POST', body, idempotencyKey });

export const listAdvances = (params: { scope?: ListScope; cursor?: string | null; limit?: number }) =>
  request<ListResult<AdvanceView>>('/api/advances', {
    query: { scope: params.scope ?? 'mine', cursor: params.cursor ?? undefined, limit: params.limit ?? 20 },
  });

/** `GET /api/advances/balances`: outstanding per person within the caller's scope. */
export const getAdvanceBalances = () => request<{ items: AdvanceBalance[] }>('/api/advances/balances');

export const getAdvance = (id: string) => request<AdvanceView>(`/api/advances/${id}`);

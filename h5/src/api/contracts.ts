import type { z } from 'zod';
import type {
  ContractStatus,
  ContractView,
  InstalmentListItem,
  InstalmentStatus,
  ListResult,
  OpportunityOut,
  QuoteOut,
  changeView,
  instalmentView,
} from '@scrm/shared';
import type { ContractLineInput } from '@/lib/contracts/lines';
import { request, type QueryValue } from './request';

/** 合同, 回款计划, 合同变更 / 回款计划变更: one typed function per endpoint. */

export type Contract = ContractView;
export type Instalment = z.infer<typeof instalmentView>;
export type ContractChange = z.infer<typeof changeView>;
export type ContractScope = 'mine' | 'team' | 'all';

export interface ContractListFilters {
  scope?: ContractScope;
  q?: string;
  status?: ContractStatus;
  customerId?: string;
  limit?: number;
  cursor?: string | null;
}

/** What the create flow sends (`createContractBody`): lines omitted = copied by the server from the source. */
export interface CreateContractInput {
  customerId: string;
  title: string;
  opportunityId?: string;
  quoteId?: string;
  signedOn: string;
  startOn?: string;
  endOn?: string;
  lines?: ContractLineInput[];
  remark?: string;
}

export const listContracts = (f: ContractListFilters = {}) =>
  request<ListResult<Contract>>('/api/contracts', { query: f as Record<string, QueryValue> });
/** With lines and instalments. */
export const getContract = (id: string) => request<Contract>(`/api/contracts/${id}`);
export const createContract = (body: CreateContractInput, idempotencyKey: string) =>
  request<Contract>('/api/contracts', { method: 'POST', body, idempotencyKey });
/** The first plan; 409 `plan_sum_mismatch` unless the instalments sum exactly to the amount. */
export const setPaymentPlan = (id: string, instalments: { period: number; dueOn: string; amount: number }[]) =>
  request<Contract>(`/api/contracts/${id}/payment-plan`, { method: 'PUT', body: { instalments } });
/** 提交审批 (draft/rejected → pending) or 终止 (effective → terminated). */
export const contractAction = (id: string, action: 'submit' | 'terminate', idempotencyKey: string, reason?: string) =>
  request<Contract>(`/api/contracts/${id}/actions/${action}`, { method: 'POST', body: reason ? { reason } : {}, idempotencyKey });
export const listContractChanges = (id: string) => request<ListResult<ContractChange>>(`/api/contracts/${id}/changes`);

/** A row of `GET /api/instalments`: one instalment of an effective contract, with its contract, customer and owner. */
export type InstalmentRow = InstalmentListItem;

export interface InstalmentListFilters {
  scope?: ContractScope;
  /** Computed by the server from the money and today's date (Asia/Shanghai). */
  status?: InstalmentStatus;
  contractId?: string;
  customerId?: string;
  q?: string;
  limit?: number;
  cursor?: string | null;
}

/** `GET /api/instalments`: instalments of effective contracts in the caller's money scope, earliest due first (most overdue first). */
export const listInstalments = (f: InstalmentListFilters = {}) =>
  request<ListResult<InstalmentRow>>('/api/instalments', { query: f as Record<string, QueryValue> });

// ---- sources of a new contract (read-only look-ups; the opportunity pages own these resources) ----
export const getSourceOpportunity = (id: string) => request<OpportunityOut>(`/api/opportunities/${id}`);
export const listSourceQuotes = (opportunityId: string) => request<{ items: QuoteOut[] }>(`/api/opportunities/${opportunityId}/quotes`);


import type { z } from 'zod';
import type {
  ApprovalBox,
  ApprovalItem,
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

/**
 * The approval of a contract. The contract view carries no approval id, so this looks through the
 * caller's approval boxes (applicant, approver, CC, handled) for the newest `contract` item with
 * this document id; null when the caller sees none.
 */
export async function findContractApproval(contractId: string): Promise<ApprovalItem | null> {
  const boxes: ApprovalBox[] = ['mine', 'todo', 'done', 'cc'];
  for (const box of boxes) {
    let cursor: string | null = null;
    for (let page = 0; page < 3; page++) {
      const res: ListResult<ApprovalItem> = await request<ListResult<ApprovalItem>>('/api/approvals', {
        query: { box, docType: 'contract', limit: 50, cursor: cursor ?? undefined },
      });
      const hit = res.items.find((a) => a.docId === contractId);
      if (hit) return hit;
      cursor = res.nextCursor;
      if (!cursor) break;
    }
  }
  return null;
}

/** A customer's name (the contract view carries only its id). */
export const getCustomerName = (id: string) => request<{ id: string; name: string }>(`/api/customers/${id}`);

/** A key for one user action, reused by retries of that action so the server applies it once. */
export function contractActionKey(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

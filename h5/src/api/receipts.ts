import type { ListResult, RECEIPT_METHODS } from '@scrm/shared';
import { request } from './request';

/** 收款单 / 退款单. */

export type ReceiptMethod = (typeof RECEIPT_METHODS)[number];

export interface Receipt {
  id: string;
  number: string;
  contractId: string;
  customerId: string;
  ownerId: string;
  amount: number;
  refundedAmount: number;
  receivedOn: string;
  method: ReceiptMethod;
  origin: 'crm' | 'erp';
  externalCode: string | null;
  remark: string | null;
  createdAt: string;
  /** net per instalment (detail and create answers only) */
  allocations?: { instalmentId: string; amount: number }[];
}

export interface CreateReceiptInput {
  contractId: string;
  amount: number;
  receivedOn: string;
  method: ReceiptMethod;
  allocations?: { instalmentId: string; amount: number }[];
  remark?: string;
}

export const listReceipts = (f: { contractId?: string; customerId?: string; scope?: 'mine' | 'team' | 'all'; limit?: number; cursor?: string | null }) =>
  request<ListResult<Receipt>>('/api/receipts', { query: { scope: 'all', limit: 50, ...f } });
/**
 * 登记收款. 409 `allocation_exceeds_due` (details `{instalmentId, outstanding}`) when an
 * instalment is given more than it still owes; `allocation_sum_mismatch` when the parts don't add up.
 */
export const createReceipt = (body: CreateReceiptInput, idempotencyKey: string) =>
  request<Receipt>('/api/receipts', { method: 'POST', body, idempotencyKey });

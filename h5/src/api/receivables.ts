import type { z } from 'zod';
import type { ListResult, RECEIVABLE_STATUSES, receivableView } from '@scrm/shared';
import { request } from './request';

/** 应收单 (read-only here): from shipments, entered by hand or synced from the ERP. */

export type Receivable = z.infer<typeof receivableView>;
export type ReceivableStatus = (typeof RECEIVABLE_STATUSES)[number];

export interface ReceivableListFilters {
  customerId?: string;
  status?: ReceivableStatus;
  scope?: 'mine' | 'team' | 'all';
  limit?: number;
  cursor?: string | null;
}

/** `GET /api/receivables`: newest first. The server filters by customer (not by contract). */
export const listReceivables = (f: ReceivableListFilters) =>
  request<ListResult<Receivable>>('/api/receivables', { query: { scope: 'all', limit: 100, ...f } });

/** `GET /api/receivables/:id`: with its 应收变更 (`changes`). */
export const getReceivable = (id: string) => request<Receivable>(`/api/receivables/${id}`);

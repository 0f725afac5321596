import type {
  CustomerCreateBody,
  CustomerDetail,
  CustomerItem,
  CustomerPatchBody,
  CustomerSort,
  ImportResult,
  ListResult,
  ListScope,
  PoolItem,
  RouteAction,
  TimelineItem,
} from '@scrm/shared';
import { buildUrl, request } from './request';

/** Query of `GET /api/customers`; every field optional, empty ones are dropped by `request`. */
export interface CustomerListParams {
  scope?: ListScope;
  q?: string;
  grade?: string;
  industry?: string;
  ownerId?: string;
  poolId?: string;
  lastFollowUpFrom?: string;
  lastFollowUpTo?: string;
  sort?: CustomerSort;
  limit?: number;
  cursor?: string | null;
}

/** Body of an ownership action; `reason` is required by the server for return/discard. */
export interface CustomerActionBody {
  toUserId?: string;
  reason?: string;
  poolId?: string;
}

/** Answer of an ownership action. */
export interface CustomerActionResult {
  entityId: string;
  action: string;
  ownerId: string | null;
  poolId: string | null;
  status: string;
}

export interface GroupChatBinding {
  chatId: string;
  bound: boolean;
  customer: CustomerItem | null;
}

export const listCustomers = (params: CustomerListParams) =>
  request<ListResult<CustomerItem>>('/api/customers', { query: { ...params, cursor: params.cursor ?? undefined } });

export const getCustomer = (id: string) => request<CustomerDetail>(`/api/customers/${id}`);
/** `GET /api/customer-grades`: the corp's customer grades (corp setting, default A/B/C); create/edit are checked against it. */
export const listCustomerGrades = () => request<{ items: string[] }>('/api/customer-grades');

/** `contact` is an optional first contact created together with the customer. */
export const createCustomer = (body: Partial<CustomerCreateBody> & { name: string }, idempotencyKey: string) =>
  request<CustomerDetail>('/api/customers', { method: 'POST', body, idempotencyKey });

export const updateCustomer = (id: string, body: CustomerPatchBody, idempotencyKey?: string) =>
  request<CustomerDetail>(`/api/customers/${id}`, { method: 'PATCH', body, idempotencyKey });

export const customerTimeline = (id: string, before?: string | null) =>
  request<{ items: TimelineItem[]; nextBefore: string | null }>(`/api/customers/${id}/timeline`, {
    query: { limit: 30, before: before ?? undefined },
  });

/** transfer | reclaim | claim | return | assign | discard | restore; a broken pool rule → 409 with a Chinese message. */
export const customerAction = (id: string, action: RouteAction, body: CustomerActionBody, idempotencyKey: string) =>
  request<CustomerActionResult>(`/api/customers/${id}/actions/${action}`, { method: 'POST', body, idempotencyKey });

export const listCustomerPools = () => request<{ items: PoolItem[] }>('/api/pools', { query: { entityType: 'customer' } });

/** Which customer a WeCom customer group is bound to (`customer: null` when none or not visible). */
export const groupChatBinding = (chatId: string) => request<GroupChatBinding>('/api/sidebar/group-context', { query: { chatId } });

export const bindGroupChat = (customerId: string, chatId: string, idempotencyKey: string, name?: string) =>
  request<{ id: string; chatId: string; customerId: string }>(`/api/customers/${customerId}/group-chats`, {
    method: 'POST',
    body: { chatId, name },
    idempotencyKey,
  });

/** The Excel template for imports (a plain GET; the caller downloads it with the session). */
export const importTemplateUrl = () => buildUrl('/api/customers/import-template');

/** The export of a list as Excel, with the same scope and filters as the list. */
export const exportUrl = (params: CustomerListParams) =>
  buildUrl('/api/customers/export', { ...params, cursor: undefined, limit: undefined });

/** Where an Excel file is posted (multipart field `file`) → `ImportResult` with row-level errors. */
export const importUrl = (duplicate: 'skip' | 'merge') => buildUrl('/api/customers/import', { duplicate });

export type { ImportResult };

/** A colleague to hand a customer to. */
export interface Colleague {
  id: string;
  name: string;
  wecomUserId?: string;
}

/** Colleagues matching a name or WeCom id (`GET /api/users`), for transfer / assign. */
export const searchColleagues = (q: string) => request<ListResult<Colleague>>('/api/users', { query: { q, limit: 20 } });

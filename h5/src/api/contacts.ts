import type { ContactCreateBody, ContactItem, ContactPatchBody, ListResult, ListScope } from '@scrm/shared';
import { request } from './request';

export interface ContactListParams {
  scope?: ListScope;
  q?: string;
  customerId?: string;
  limit?: number;
  cursor?: string | null;
}

export const listContacts = (params: ContactListParams) =>
  request<ListResult<ContactItem>>('/api/contacts', { query: { ...params, cursor: params.cursor ?? undefined } });

export const createContact = (body: Partial<ContactCreateBody> & { customerId: string; name: string }, idempotencyKey: string) =>
  request<ContactItem>('/api/contacts', { method: 'POST', body, idempotencyKey });

export const updateContact = (id: string, body: ContactPatchBody) => request<ContactItem>(`/api/contacts/${id}`, { method: 'PATCH', body });

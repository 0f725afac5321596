import type { ContactCreateBody, ContactItem, ContactPatchBody, ListResult, ListScope } from '@scrm/shared';
import { buildUrl, request } from './request';

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

/** Excel: the contact import template, the import (raw .xlsx body → `ImportResult`) and the export (same scope / filters as the list). */
export const contactImportTemplateUrl = () => buildUrl('/api/contacts/import-template');
export const contactImportUrl = (duplicate: 'skip' | 'merge') => buildUrl('/api/contacts/import', { duplicate });
export const contactExportUrl = (params: ContactListParams) => buildUrl('/api/contacts/export', { ...params, cursor: undefined, limit: undefined });

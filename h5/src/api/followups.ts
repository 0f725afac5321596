import type { FollowUpItem, FollowUpType, ListResult, ListScope } from '@scrm/shared';
import { request } from './request';

export interface FollowUpListParams {
  scope?: ListScope;
  customerId?: string;
  leadId?: string;
  opportunityId?: string;
  limit?: number;
  cursor?: string | null;
}

/** What the quick follow-up form sends; exactly one subject (customer / contact / lead / opportunity). */
export interface NewFollowUp {
  type: FollowUpType;
  content: string;
  customerId?: string;
  contactId?: string;
  leadId?: string;
  opportunityId?: string;
  contactIds?: string[];
  nextStep?: string;
  nextFollowUpAt?: string;
}

export const listFollowUps = (params: FollowUpListParams) =>
  request<ListResult<FollowUpItem>>('/api/follow-ups', { query: { ...params, cursor: params.cursor ?? undefined } });

export const createFollowUp = (body: NewFollowUp, idempotencyKey: string) =>
  request<FollowUpItem>('/api/follow-ups', { method: 'POST', body, idempotencyKey });

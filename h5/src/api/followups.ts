import type { z } from 'zod';
import type { FollowUpItem, FollowUpListQuery, followUpCreateBody, ListResult } from '@scrm/shared';
import { request } from './request';

/** The `GET /api/follow-ups` filters this app uses; `cursor: null` is the first page. */
export type FollowUpListParams = Partial<Pick<FollowUpListQuery, 'scope' | 'customerId' | 'leadId' | 'opportunityId' | 'limit'>> & {
  cursor?: string | null;
};

/** What the quick follow-up form sends; exactly one subject (customer / contact / lead / opportunity). */
export type NewFollowUp = z.input<typeof followUpCreateBody>;

export const listFollowUps = (params: FollowUpListParams) =>
  request<ListResult<FollowUpItem>>('/api/follow-ups', { query: { ...params, cursor: params.cursor ?? undefined } });

export const createFollowUp = (body: NewFollowUp, idempotencyKey: string) =>
  request<FollowUpItem>('/api/follow-ups', { method: 'POST', body, idempotencyKey });

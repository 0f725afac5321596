import type {
  ImportResult,
  LeadConversionItem,
  LeadConvertBody,
  LeadCreateBody,
  LeadDetail,
  LeadItem,
  LeadPatchBody,
  LeadRouteAction,
  ListResult,
  ListScope,
  TimelineItem,
} from '@scrm/shared';
import { buildUrl, request } from './request';

/** Query of `GET /api/leads`; empty values are dropped by `request`. */
export interface LeadListParams {
  scope?: ListScope;
  q?: string;
  grade?: string;
  source?: string;
  campaignId?: string;
  status?: 'active' | 'converted' | 'discarded';
  limit?: number;
  cursor?: string | null;
}

/** Answer of a lead action (`convert` adds the conversion record). */
export interface LeadActionResult {
  entityId: string;
  action: string;
  ownerId: string | null;
  poolId: string | null;
  status: string;
  conversion?: LeadConversionItem;
}

export interface ConvertCandidate {
  customerId: string;
  name: string;
  ownerName: string | null;
  matchedBy: 'mobile' | 'company';
  contactId: string | null;
}

export const listLeads = (params: LeadListParams) => request<ListResult<LeadItem>>('/api/leads', { query: { ...params, cursor: params.cursor ?? undefined } });
export const getLead = (id: string) => request<LeadDetail>(`/api/leads/${id}`);
export const createLead = (body: LeadCreateBody, idempotencyKey: string) => request<LeadDetail>('/api/leads', { method: 'POST', body, idempotencyKey });
export const patchLead = (id: string, body: LeadPatchBody) => request<LeadDetail>(`/api/leads/${id}`, { method: 'PATCH', body });
export const leadTimeline = (id: string) => request<{ items: TimelineItem[]; nextBefore: string | null }>(`/api/leads/${id}/timeline`);
export const convertCandidates = (id: string) => request<{ items: ConvertCandidate[] }>(`/api/leads/${id}/convert-candidates`);

/** `POST /api/leads/:id/actions/:action` — claim, return (reason), discard (reason), … and convert. */
export const leadAction = (id: string, action: LeadRouteAction, body: Record<string, unknown> = {}, idempotencyKey?: string) =>
  request<LeadActionResult>(`/api/leads/${id}/actions/${action}`, { method: 'POST', body, idempotencyKey });
export const convertLead = (id: string, body: LeadConvertBody, idempotencyKey: string) => leadAction(id, 'convert', body as Record<string, unknown>, idempotencyKey);

export const leadImportTemplateUrl = () => buildUrl('/api/leads/import-template');
export const leadImportUrl = (assignTo: 'me' | 'pool', campaignId?: string) => buildUrl('/api/leads/import', { assignTo, campaignId });
export type { ImportResult };

/** `GET /api/lead-reports/conversions`: conversions per marketer / campaign / source over a period (ISO times). */
export interface ConversionReportRow {
  key: string;
  label: string | null;
  conversions: number;
  metRules: number;
  avgDays: number | null;
}
export const conversionReport = (q: { groupBy: 'marketer' | 'campaign' | 'source'; from?: string; to?: string }) =>
  request<{ items: ConversionReportRow[] }>('/api/lead-reports/conversions', { query: q });
/** `GET /api/lead-reports/funnel`: leads created in the period → converted → won. */
export const funnelReport = (q: { from?: string; to?: string; campaignId?: string }) =>
  request<{ leads: number; converted: number; won: number; wonAmount: number }>('/api/lead-reports/funnel', { query: q });

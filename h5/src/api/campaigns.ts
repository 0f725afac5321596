import type { CampaignBody, CampaignDetail, CampaignItem, CampaignPatchBody, CampaignResults, ListResult, ListScope, UserItem } from '@scrm/shared';
import { request } from './request';

export interface CampaignListParams {
  scope?: ListScope;
  q?: string;
  type?: string;
  status?: string;
  limit?: number;
  cursor?: string | null;
}

export const listCampaigns = (params: CampaignListParams) =>
  request<ListResult<CampaignItem>>('/api/campaigns', { query: { ...params, cursor: params.cursor ?? undefined } });
export const getCampaign = (id: string) => request<CampaignDetail>(`/api/campaigns/${id}`);
export const campaignResults = (id: string) => request<CampaignResults>(`/api/campaigns/${id}/results`);
export const createCampaign = (body: Partial<CampaignBody> & { name: string; type: CampaignBody['type'] }, idempotencyKey: string) =>
  request<CampaignDetail>('/api/campaigns', { method: 'POST', body, idempotencyKey });
export const addVendor = (id: string, body: { name: string; contactName?: string; phone?: string }) =>
  request<CampaignDetail>(`/api/campaigns/${id}/vendors`, { method: 'POST', body });
export const addCost = (id: string, body: { vendorId?: string; item: string; amount: number }) =>
  request<CampaignDetail>(`/api/campaigns/${id}/costs`, { method: 'POST', body });
export const addPayment = (id: string, body: { vendorId: string; amount: number; status?: 'pending' | 'paid' }) =>
  request<CampaignDetail>(`/api/campaigns/${id}/payments`, { method: 'POST', body });
export const setPaymentStatus = (id: string, paymentId: string, status: 'pending' | 'paid' | 'cancelled') =>
  request<CampaignDetail>(`/api/campaigns/${id}/payments/${paymentId}`, { method: 'PATCH', body: { status } });
export const patchCampaign = (id: string, body: CampaignPatchBody) => request<CampaignDetail>(`/api/campaigns/${id}`, { method: 'PATCH', body });
/** Colleagues by name or WeCom id (`GET /api/users`), for the campaign owner picker. */
export const searchOwners = (q: string) => request<ListResult<UserItem>>('/api/users', { query: { q, limit: 20 } });

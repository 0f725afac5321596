import type { z } from 'zod';
import type {
  LineInput,
  ListResult,
  OpportunityOut,
  Product,
  QuoteOut,
  opportunityBody,
  opportunityContactBody,
  opportunityContactOut,
  opportunityContactPatch,
  opportunityPatch,
  moveStageBody,
  relationshipMapOut,
  stageHistoryOut,
  stageSetOut,
  supportRequestBody,
  supportRequestOut,
  supportRequestPatch,
} from '@scrm/shared';
import { listContracts, type Contract } from './contracts';
import { request, type QueryValue } from './request';

/** 商机, 商机明细, 阶段, 商机联系人 / 作战地图, 销售支持, 报价单, 销售漏斗: one typed function per endpoint. */

export type Opportunity = OpportunityOut;
export type OpportunityLine = NonNullable<OpportunityOut['lines']>[number];
export type Quote = QuoteOut;
export type StageSet = z.infer<typeof stageSetOut>;
export type Stage = StageSet['stages'][number];
export type StageHistoryEntry = z.infer<typeof stageHistoryOut>;
export type OpportunityContact = z.infer<typeof opportunityContactOut>;
export type RelationshipMap = z.infer<typeof relationshipMapOut>;
export type SupportRequest = z.infer<typeof supportRequestOut>;
export type OpportunityCreateBody = z.input<typeof opportunityBody>;
export type OpportunityPatchBody = z.input<typeof opportunityPatch>;
export type MoveStageBody = z.input<typeof moveStageBody>;
export type OpportunityContactBody = z.input<typeof opportunityContactBody>;
export type OpportunityContactPatchBody = z.input<typeof opportunityContactPatch>;
export type SupportRequestBody = z.input<typeof supportRequestBody>;
export type SupportRequestPatchBody = z.input<typeof supportRequestPatch>;
export type ListScope = 'mine' | 'team' | 'all';

export interface OpportunityListFilters {
  scope?: ListScope;
  q?: string;
  stageId?: string;
  status?: 'open' | 'won' | 'lost';
  customerId?: string;
  limit?: number;
  cursor?: string | null;
}

// ---- opportunities ----
export const listOpportunities = (f: OpportunityListFilters = {}) =>
  request<ListResult<Opportunity>>('/api/opportunities', { query: f as Record<string, QueryValue> });
export const getOpportunity = (id: string) => request<Opportunity>(`/api/opportunities/${id}`);
export const createOpportunity = (body: OpportunityCreateBody, idempotencyKey: string) =>
  request<Opportunity>('/api/opportunities', { method: 'POST', body, idempotencyKey });
export const updateOpportunity = (id: string, body: OpportunityPatchBody) =>
  request<Opportunity>(`/api/opportunities/${id}`, { method: 'PATCH', body });
/** Replaces all line items; the server prices them from the customer's price list and sums the amount. */
export const replaceLines = (id: string, lines: LineInput[]) =>
  request<Opportunity>(`/api/opportunities/${id}/lines`, { method: 'PUT', body: { lines } });
/** 409 `stage_requirement_unmet` / `stage_move_not_allowed` carry a Chinese message naming what is missing. */
export const moveStage = (id: string, body: MoveStageBody, idempotencyKey: string) =>
  request<Opportunity>(`/api/opportunities/${id}/actions/move-stage`, { method: 'POST', body, idempotencyKey });
export const getStageHistory = (id: string) => request<{ items: StageHistoryEntry[] }>(`/api/opportunities/${id}/stage-history`);
export const listStageSets = () => request<{ items: StageSet[] }>('/api/stage-sets');

// ---- opportunity contacts / relationship map ----
export const listOpportunityContacts = (id: string) => request<{ items: OpportunityContact[] }>(`/api/opportunities/${id}/contacts`);
export const addOpportunityContact = (id: string, body: OpportunityContactBody) =>
  request<OpportunityContact>(`/api/opportunities/${id}/contacts`, { method: 'POST', body });
export const updateOpportunityContact = (id: string, childId: string, body: OpportunityContactPatchBody) =>
  request<OpportunityContact>(`/api/opportunities/${id}/contacts/${childId}`, { method: 'PATCH', body });
export const removeOpportunityContact = (id: string, childId: string) =>
  request<{ ok: true }>(`/api/opportunities/${id}/contacts/${childId}`, { method: 'DELETE' });
export const getRelationshipMap = (id: string) => request<RelationshipMap>(`/api/opportunities/${id}/relationship-map`);

// ---- sales support ----
export const listSupportRequests = (id: string) => request<{ items: SupportRequest[] }>(`/api/opportunities/${id}/support-requests`);
export const createSupportRequest = (id: string, body: SupportRequestBody) =>
  request<SupportRequest>(`/api/opportunities/${id}/support-requests`, { method: 'POST', body });
export const updateSupportRequest = (id: string, childId: string, body: SupportRequestPatchBody) =>
  request<SupportRequest>(`/api/opportunities/${id}/support-requests/${childId}`, { method: 'PATCH', body });

// ---- quotes ----
export const listQuotes = (opportunityId: string) => request<{ items: Quote[] }>(`/api/opportunities/${opportunityId}/quotes`);
/** Pushes the opportunity's current lines down into a new quote version. */
export const createQuote = (opportunityId: string, body: { validUntil?: string; note?: string }, idempotencyKey: string) =>
  request<Quote>(`/api/opportunities/${opportunityId}/quotes`, { method: 'POST', body, idempotencyKey });
export const submitQuote = (id: string) => request<Quote>(`/api/quotes/${id}/actions/submit`, { method: 'POST', body: {} });
export const acceptQuote = (id: string) => request<Quote>(`/api/quotes/${id}/actions/accept`, { method: 'POST', body: {} });
/** The printable page's path (HTML; same-origin on H5, where the session cookie authenticates it). */
export const quotePrintPath = (id: string) => `/api/quotes/${id}/print`;
/** The quote as a Chinese PDF (download; same-origin cookie on H5). */
export const quotePdfPath = (id: string) => `/api/quotes/${id}/pdf`;

// ---- catalog (pickers) ----
export const searchProducts = (q: string, cursor?: string | null) =>
  request<ListResult<Product>>('/api/products', { query: { q, status: 'active', limit: 20, cursor } });

// ---- customers / contacts (pickers for the opportunity forms) ----
export interface CustomerOption {
  id: string;
  name: string;
  ownerName: string | null;
  grade: string | null;
}
export const searchCustomers = (q: string) =>
  request<ListResult<CustomerOption>>('/api/customers', { query: { scope: 'all', q, limit: 20 } });
export const getCustomer = (id: string) => request<CustomerOption>(`/api/customers/${id}`);
export interface CustomerContactOption {
  id: string;
  name: string;
  title: string | null;
}
export const listCustomerContacts = (customerId: string) =>
  request<ListResult<CustomerContactOption>>('/api/contacts', { query: { customerId, limit: 100 } });
/** Quick-adds a person to the customer (a 联系人), to then put on the opportunity. */
export const createCustomerContact = (body: { customerId: string; name: string; title?: string | null }) =>
  request<CustomerContactOption>('/api/contacts', { method: 'POST', body });

// ---- pipeline ----
export interface PipelineFilters {
  scope?: ListScope;
  stageSetId?: string;
  ownerId?: string;
  departmentId?: string;
  from?: string;
  to?: string;
}
export interface FunnelStage {
  stageId: string;
  name: string;
  kind: 'open' | 'won' | 'lost';
  winRate: number;
  count: number;
  amount: number;
  weightedAmount: number;
}
export interface Funnel {
  stageSet: StageSet;
  stages: FunnelStage[];
}
export interface KanbanCard {
  id: string;
  name: string;
  customerName: string;
  ownerName: string;
  amount: number;
  expectedCloseDate: string | null;
}
export interface KanbanColumn {
  stage: { id: string; name: string; winRate: number; kind: 'open' | 'won' | 'lost' };
  count: number;
  amount: number;
  cards: KanbanCard[];
}
export interface Kanban {
  stageSetId: string;
  columns: KanbanColumn[];
}
export type ForecastGroupBy = 'month' | 'owner' | 'department';
export interface ForecastBucket {
  key: string;
  label: string;
  openCount: number;
  openAmount: number;
  weightedAmount: number;
  wonCount: number;
  wonAmount: number;
}
export const getFunnel = (f: PipelineFilters = {}) => request<Funnel>('/api/pipeline/funnel', { query: { ...f } });
export const getKanban = (f: PipelineFilters = {}, perStage = 20) => request<Kanban>('/api/pipeline/kanban', { query: { ...f, perStage } });
export const getForecast = (groupBy: ForecastGroupBy, f: PipelineFilters = {}) =>
  request<{ groupBy: ForecastGroupBy; items: ForecastBucket[] }>('/api/pipeline/forecast', { query: { ...f, groupBy } });

/**
 * The contract made from an opportunity, or null (a won deal offers 生成合同 only while there is
 * none). `GET /api/contracts` has no `opportunityId` filter, so this reads the customer's
 * contracts (every one the caller may see) and matches on `opportunityId`.
 */
export async function findOpportunityContract(opportunityId: string, customerId: string): Promise<Contract | null> {
  let cursor: string | null = null;
  for (let page = 0; page < 5; page++) {
    const res: ListResult<Contract> = await listContracts({ scope: 'all', customerId, limit: 100, cursor });
    const hit = res.items.find((c) => c.opportunityId === opportunityId);
    if (hit) return hit;
    cursor = res.nextCursor;
    if (!cursor) break;
  }
  return null;
}

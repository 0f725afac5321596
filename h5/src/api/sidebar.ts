import type { ContactItem, CustomerItem, FollowUpItem } from '@scrm/shared';
import { request } from './request';

/** The WeCom profile of the chat partner as the CRM stores it. */
export interface SidebarExternalContact {
  id: string;
  externalUserId: string;
  name: string;
  /** 1 = WeChat user, 2 = WeCom user. */
  type: number;
  corpName: string | null;
  corpFullName: string | null;
  position: string | null;
  avatar: string | null;
  gender: number | null;
  follow: {
    remark: string | null;
    description: string | null;
    tags: unknown[];
    remarkMobiles: string[];
    addWay: number | null;
    followedAt: string;
    status: string;
  } | null;
}

export interface SidebarLead {
  id: string;
  name: string;
  company: string | null;
  status: string;
  grade: string | null;
  ownerId: string | null;
  ownerName: string | null;
  convertedCustomerId: string | null;
}

export interface SidebarOpportunity {
  id: string;
  name: string;
  stage: { id: string; name: string; winRate: number };
  amount: { amount: number; currency: string };
  expectedCloseDate: string | null;
}

/** `GET /api/sidebar/context` (CONTRACT.md). `boundElsewhere`: bound to a record the caller can't see. */
export interface SidebarContext {
  externalContact: SidebarExternalContact;
  contact: ContactItem | null;
  customer: CustomerItem | null;
  lead: SidebarLead | null;
  opportunities: SidebarOpportunity[];
  followUps: FollowUpItem[];
  boundElsewhere?: { ownerName: string | null } | null;
}

export interface CreateFromProfileBody {
  externalUserId: string;
  customerName?: string;
  contactName?: string;
  mobile?: string;
  title?: string;
}

export const getSidebarContext = (externalUserId: string) =>
  request<SidebarContext>('/api/sidebar/context', { query: { externalUserId }, timeout: 10000 });

export const bindToContact = (externalUserId: string, contactId: string, idempotencyKey: string) =>
  request<SidebarContext>('/api/sidebar/bind-contact', { method: 'POST', body: { externalUserId, contactId }, idempotencyKey });

export const createCustomerFromProfile = (body: CreateFromProfileBody, idempotencyKey: string) =>
  request<SidebarContext>('/api/sidebar/create-customer', { method: 'POST', body, idempotencyKey });

export const keepAsLead = (externalUserId: string, idempotencyKey: string) =>
  request<SidebarContext>('/api/sidebar/keep-as-lead', { method: 'POST', body: { externalUserId }, idempotencyKey });

export const listOpenOpportunities = (customerId: string) =>
  request<{ items: SidebarOpportunity[]; nextCursor: string | null }>('/api/opportunities', {
    query: { customerId, scope: 'all', status: 'open', limit: 10 },
  });

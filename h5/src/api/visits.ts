import type {
  ScheduleView,
  VisitCheckInBody,
  VisitCheckOutBody,
  VisitCreateBody,
  VisitItem,
  VisitRecordBody,
  VisitReviewBody,
  VisitSchedule,
  VisitSettings,
  VisitStats,
} from '@scrm/shared';
import { request } from './request';

/**
 * A visit write with its action key (`newActionKey`), reused by every retry of that action so the
 * server applies it once: a check-in after a timeout must not become two check-ins. Check-in and
 * check-out carry a location fix from a weak signal, hence the longer timeout.
 */
const postOnce = <T>(path: string, body: unknown, idempotencyKey: string) =>
  request<T>(path, { method: 'POST', body, idempotencyKey, timeout: 20000 });

export const getSchedule = (view: ScheduleView, date?: string, scope: 'mine' | 'team' | 'all' = 'mine') =>
  request<VisitSchedule>('/api/visits/schedule', { query: { view, date, scope } });
export const getVisit = (id: string) => request<VisitItem>(`/api/visits/${id}`);
export const listCustomerVisits = (customerId: string) =>
  request<{ items: VisitItem[]; nextCursor: string | null }>('/api/visits', { query: { customerId, scope: 'all', limit: 20 } });
export const pendingReviews = () => request<{ items: VisitItem[] }>('/api/visits/reviews/pending');
export const getVisitStats = (weeks = 4) => request<VisitStats>('/api/visits/stats', { query: { weeks } });
export const getVisitSettings = () => request<VisitSettings>('/api/visit-settings');

export const createVisit = (body: VisitCreateBody, key: string) => postOnce<VisitItem>('/api/visits', body, key);
export const checkIn = (id: string, body: VisitCheckInBody, key: string) => postOnce<VisitItem>(`/api/visits/${id}/check-in`, body, key);
export const checkOut = (id: string, body: VisitCheckOutBody, key: string) => postOnce<VisitItem>(`/api/visits/${id}/check-out`, body, key);
export const recordVisit = (id: string, body: VisitRecordBody, key: string) => postOnce<VisitItem>(`/api/visits/${id}/record`, body, key);
export const reviewVisit = (id: string, body: VisitReviewBody, key: string) => postOnce<VisitItem>(`/api/visits/${id}/review`, body, key);
export const cancelVisit = (id: string, key: string) => postOnce<VisitItem>(`/api/visits/${id}/cancel`, {}, key);

/** Customers to plan a visit for (the customers module's list). */
export const searchCustomers = (q: string) =>
  request<{ items: { id: string; name: string; address: string | null }[] }>('/api/customers', { query: { scope: 'all', q, limit: 20 } });

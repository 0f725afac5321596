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
import { networkError, toApiError } from './errors';
import { buildUrl, request } from './request';
import { getToken } from './token';

/**
 * A key for one user action, reused by every retry of that action so the server applies it once
 * (a check-in after a timeout must not become two check-ins).
 */
export function newIdempotencyKey(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** POST with an `Idempotency-Key`; rejects with ApiError like `request` does. */
function postOnce<T>(path: string, body: unknown, key: string): Promise<T> {
  const header: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json', 'Idempotency-Key': key };
  const token = getToken();
  if (token) header.Authorization = `Bearer ${token}`;
  return new Promise<T>((resolve, reject) => {
    uni.request({
      url: buildUrl(path),
      method: 'POST',
      header,
      data: body as UniApp.RequestOptions['data'],
      dataType: 'json',
      timeout: 20000,
      success(res) {
        if (res.statusCode >= 200 && res.statusCode < 300) resolve(res.data as T);
        else reject(toApiError(res.statusCode, res.data));
      },
      fail(err) {
        reject(networkError(err.errMsg));
      },
    });
  });
}

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

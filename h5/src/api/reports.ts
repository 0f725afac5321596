import type { ListResult, ListScope, ReportAutoSummary, ReportType } from '@scrm/shared';
import { request } from './request';

export interface ReportComment {
  id: string;
  user: { id: string; name: string };
  body: string;
  at: string;
}

export interface WorkReport {
  id: string;
  user: { id: string; name: string };
  type: ReportType;
  periodStart: string;
  periodEnd: string;
  toUserId: string | null;
  done: string;
  plans: string;
  problems: string;
  autoSummary: ReportAutoSummary | null;
  submittedAt: string;
  comments?: ReportComment[];
}

export interface ReportDraft {
  type: ReportType;
  periodStart: string;
  periodEnd: string;
  autoSummary: ReportAutoSummary;
  done: string;
}

/** `GET /api/reports/draft`: auto-filled content for the caller's report of a period. */
export const getReportDraft = (type: ReportType, date?: string) => request<ReportDraft>('/api/reports/draft', { query: { type, date } });

/** `GET /api/reports/missing`: who in the caller's scope has not reported (leaders). */
export const getMissingReports = (type: ReportType, date?: string) =>
  request<{ periodStart: string; items: { id: string; name: string }[] }>('/api/reports/missing', { query: { type, date } });

/** `POST /api/reports`: 409 report_exists (details.id) when the period already has one. */
export const createReport = (
  body: { type: ReportType; date: string; done: string; plans: string; problems: string },
  idempotencyKey: string,
) => request<WorkReport>('/api/reports', { method: 'POST', body, idempotencyKey });

export const updateReport = (id: string, body: { done?: string; plans?: string; problems?: string }, idempotencyKey: string) =>
  request<WorkReport>(`/api/reports/${id}`, { method: 'PATCH', body, idempotencyKey });

export const listReports = (params: { scope?: ListScope; type?: ReportType; cursor?: string | null; limit?: number }) =>
  request<ListResult<WorkReport>>('/api/reports', {
    query: { scope: params.scope ?? 'mine', type: params.type, cursor: params.cursor ?? undefined, limit: params.limit ?? 20 },
  });

export const getReport = (id: string) => request<WorkReport>(`/api/reports/${id}`);

export const commentOnReport = (id: string, body: string, idempotencyKey: string) =>
  request<WorkReport>(`/api/reports/${id}/comments`, { method: 'POST', body: { body }, idempotencyKey });

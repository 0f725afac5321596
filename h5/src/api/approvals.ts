import type { ApprovalAction, ApprovalActionBody, ApprovalBox, ApprovalCounts, ApprovalDetail, ApprovalDocType, ApprovalItem, ListResult, UserItem } from '@scrm/shared';
import { request } from './request';

/** `GET /api/approvals`: one page of a box (待我审批 todo / 我发起的 mine / 抄送我 cc / 已处理 done). */
export function listApprovals(params: { box: ApprovalBox; docType?: ApprovalDocType; limit?: number; cursor?: string | null }) {
  return request<ListResult<ApprovalItem>>('/api/approvals', {
    query: { box: params.box, docType: params.docType, limit: params.limit ?? 20, cursor: params.cursor ?? undefined },
  });
}

/** `GET /api/approvals/counts`: exact sizes of the caller's four boxes (badges, tab counts). */
export function getApprovalCounts() {
  return request<ApprovalCounts>('/api/approvals/counts');
}

/** `GET /api/approvals/:id`: steps, tasks, CC, history and what the caller may do now. */
export function getApproval(id: string) {
  return request<ApprovalDetail>(`/api/approvals/${id}`);
}

/**
 * `POST /api/approvals/:id/actions/:action`. A 409 `approval_already_decided` means someone else
 * acted first; its message says who did what.
 */
export function actOnApproval(id: string, action: ApprovalAction, body: ApprovalActionBody, idempotencyKey: string) {
  return request<ApprovalDetail>(`/api/approvals/${id}/actions/${action}`, { method: 'POST', body, idempotencyKey });
}

/** `GET /api/users?q=`: active colleagues to transfer to / add as approver. */
export function searchUsers(q: string) {
  return request<ListResult<UserItem>>('/api/users', { query: { q, limit: 50 } });
}

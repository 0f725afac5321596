import type { DepartmentItem, ListResult } from '@scrm/shared';
import { request } from './request';

/**
 * `GET /api/departments`: every department of the corp in one answer (`{id, name, parentId,
 * memberCount}`, no paging), e.g. names for the ids in `/api/me`.
 */
export function listDepartments(): Promise<ListResult<DepartmentItem>> {
  return request<ListResult<DepartmentItem>>('/api/departments');
}

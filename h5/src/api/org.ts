import type { ListResult } from '@scrm/shared';
import { request } from './request';

export interface DepartmentSummary {
  id: string;
  name: string;
}

/** `GET /api/departments`: the corp's departments (names for the ids in `/api/me`). */
export function listDepartments(): Promise<ListResult<DepartmentSummary>> {
  return request<ListResult<DepartmentSummary>>('/api/departments', { query: { limit: 100 } });
}

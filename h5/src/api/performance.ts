import type { PERFORMANCE_GROUPS, PERFORMANCE_METRICS } from '@scrm/shared';
import { request } from './request';

/** 业绩: booked / received / invoiced per rep or department against monthly targets. */

export type PerformanceGroup = (typeof PERFORMANCE_GROUPS)[number];
export type PerformanceMetric = (typeof PERFORMANCE_METRICS)[number];

export interface PerformanceRow {
  rank: number;
  /** user id (groupBy=rep) or department id */
  id: string;
  name: string;
  booked: number;
  received: number;
  invoiced: number;
  target: { booked: number; received: number; invoiced: number };
  /** completion of the ranked metric in basis points of its target; null without a target */
  completionBp: number | null;
}

export interface Performance {
  from: string;
  to: string;
  groupBy: PerformanceGroup;
  rankBy: PerformanceMetric;
  items: PerformanceRow[];
}

/** `from`/`to` are months `YYYY-MM`; the rows are what the caller's data scope may see. */
export const getPerformance = (q: { from: string; to: string; groupBy?: PerformanceGroup; rankBy?: PerformanceMetric }) =>
  request<Performance>('/api/performance', { query: { groupBy: 'rep', rankBy: 'booked', ...q } });

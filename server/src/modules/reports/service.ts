import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { ReportAutoSummary, ReportType } from '@scrm/shared';
import type { Db } from '../../db/client';
import { customers, followUps } from '../../db/schema/index';
import { dayjs } from '../../lib/time';

/** The period of a report containing `date` (weekly = Monday–Sunday), as YYYY-MM-DD. */
export function periodOf(type: ReportType, date: string): { start: string; end: string } {
  const d = dayjs(date);
  if (type === 'daily') return { start: d.format('YYYY-MM-DD'), end: d.format('YYYY-MM-DD') };
  const monday = d.subtract((d.day() + 6) % 7, 'day');
  return { start: monday.format('YYYY-MM-DD'), end: monday.add(6, 'day').format('YYYY-MM-DD') };
}

/** UTC instants bounding Shanghai calendar days [start, end]. */
const bounds = (start: string, end: string) => ({
  from: new Date(`${start}T00:00:00+08:00`),
  to: new Date(dayjs(end).add(1, 'day').format('YYYY-MM-DD') + 'T00:00:00+08:00'),
});

/**
 * What the period's activity says: follow-ups written and customers created by the author.
 * Visits and opportunity stage moves are listed as unavailable until those modules expose them.
 */
export async function autoSummary(db: Db, corpId: number, userId: number, start: string, end: string): Promise<ReportAutoSummary> {
  const { from, to } = bounds(start, end);
  const fu = await db
    .select({ n: sql<number>`COUNT(*)` })
    .from(followUps)
    .where(and(eq(followUps.corpId, corpId), eq(followUps.authorId, userId), gte(followUps.occurredAt, from), lt(followUps.occurredAt, to)));
  const nc = await db
    .select({ n: sql<number>`COUNT(*)`, names: sql<string>`GROUP_CONCAT(${customers.name} SEPARATOR '、')` })
    .from(customers)
    .where(and(eq(customers.corpId, corpId), eq(customers.createdBy, userId), gte(customers.createdAt, from), lt(customers.createdAt, to)));
  const followUpsN = Number(fu[0]?.n ?? 0);
  const newCustomers = Number(nc[0]?.n ?? 0);
  const lines: string[] = [];
  if (followUpsN) lines.push(`跟进记录 ${followUpsN} 条`);
  if (newCustomers) lines.push(`新增客户 ${newCustomers} 个：${(nc[0]?.names ?? '').slice(0, 200)}`);
  return { followUps: followUpsN, visits: 0, newCustomers, stageMoves: 0, unavailable: ['visits', 'stageMoves'], lines };
}

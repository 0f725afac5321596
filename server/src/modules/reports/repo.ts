import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { ListScope, ReportType } from '@scrm/shared';
import { ownerCondition, type DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { reportComments, users, workReports } from '../../db/schema/index';
import { idAfter } from '../../lib/paging';

export type Report = typeof workReports.$inferSelect;

/** Comments per report (one grouped query on report_comments_report_idx), for list items. */
export async function commentCounts(db: Db, reportIds: number[]): Promise<Map<number, number>> {
  if (!reportIds.length) return new Map();
  const rows = await db
    .select({ reportId: reportComments.reportId, n: sql<number>`COUNT(*)` })
    .from(reportComments)
    .where(inArray(reportComments.reportId, reportIds))
    .groupBy(reportComments.reportId);
  return new Map(rows.map((r) => [r.reportId, Number(r.n)]));
}

export async function userName(db: Db, userId: number): Promise<string> {
  const [u] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return u?.name ?? '';
}

/** A report's comments with their authors' names, oldest first. */
export function commentsOf(db: Db, reportId: number) {
  return db
    .select({ c: reportComments, name: users.name })
    .from(reportComments)
    .innerJoin(users, eq(users.id, reportComments.userId))
    .where(eq(reportComments.reportId, reportId))
    .orderBy(asc(reportComments.id));
}

export async function reportById(db: Db, corpId: number, id: number): Promise<Report | undefined> {
  const [r] = await db.select().from(workReports).where(and(eq(workReports.id, id), eq(workReports.corpId, corpId)));
  return r;
}

/** The user's report of a type and period start, if any. */
export async function reportOfPeriod(db: Db, corpId: number, userId: number, type: ReportType, periodStart: string) {
  const [r] = await db
    .select({ id: workReports.id })
    .from(workReports)
    .where(and(eq(workReports.corpId, corpId), eq(workReports.type, type), eq(workReports.periodStart, periodStart), eq(workReports.userId, userId)));
  return r;
}

export async function insertReport(db: Db, values: typeof workReports.$inferInsert): Promise<number> {
  const [row] = await db.insert(workReports).values(values).$returningId();
  return row!.id;
}

export async function updateReport(db: Db, id: number, values: Partial<typeof workReports.$inferInsert>): Promise<void> {
  await db.update(workReports).set(values).where(eq(workReports.id, id));
}

/** A keyset page (limit + 1 rows) of reports whose author the scope covers, newest first. */
export function listReports(db: Db, scope: DataScope, f: { listScope: ListScope; type?: ReportType; afterId?: number; limit: number }) {
  const conds: (SQL | undefined)[] = [eq(workReports.corpId, scope.corpId), ownerCondition(scope, f.listScope, workReports.userId)];
  if (f.type) conds.push(eq(workReports.type, f.type));
  conds.push(idAfter(workReports.id, f.afterId, 'desc'));
  return db.select().from(workReports).where(and(...conds)).orderBy(desc(workReports.id)).limit(f.limit + 1);
}

/** Active users of the corp inside the scope (all when the scope is `all`). */
export function activeUsersIn(db: Db, scope: DataScope) {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.corpId, scope.corpId), eq(users.status, 'active'), scope.userIds ? inArray(users.id, scope.userIds) : undefined));
}

/** Who reported for a type and period start. */
export async function reportedUserIds(db: Db, corpId: number, type: ReportType, periodStart: string): Promise<Set<number>> {
  const rows = await db
    .select({ userId: workReports.userId })
    .from(workReports)
    .where(and(eq(workReports.corpId, corpId), eq(workReports.type, type), eq(workReports.periodStart, periodStart)));
  return new Set(rows.map((r) => r.userId));
}

export async function insertComment(db: Db, values: typeof reportComments.$inferInsert): Promise<number> {
  const [row] = await db.insert(reportComments).values(values).$returningId();
  return row!.id;
}

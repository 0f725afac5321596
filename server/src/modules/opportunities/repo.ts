import { and, asc, desc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { ListScope } from '@scrm/shared';
import type { DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { customers, opportunities, opportunityLines, opportunityStageHistory, stages, users } from '../../db/schema/index';
import { findVisibleOpportunity, opportunityVisibleCondition } from './visibility';

export type OpportunityRow = typeof opportunities.$inferSelect;
export type LineRow = typeof opportunityLines.$inferSelect;

/** @deprecated Use `opportunityVisibleCondition` from `./visibility` (kept for callers outside the sales modules). */
export const scopeCond = (scope: DataScope, listScope: ListScope = 'all'): SQL | undefined => opportunityVisibleCondition(scope, listScope);

/** @deprecated Use `findVisibleOpportunity` from `./visibility` (kept for callers outside the sales modules). */
export async function findVisible(db: Db, scope: DataScope, id: number, forUpdate = false): Promise<OpportunityRow | undefined> {
  return (await findVisibleOpportunity(db, scope, id, { forUpdate })) ?? undefined;
}

/** Rows with customer name, owner name and stage for presenting. */
export function withNames(db: Db, where: SQL | undefined) {
  return db
    .select({ o: opportunities, customerName: customers.name, ownerName: users.name, stage: stages })
    .from(opportunities)
    .innerJoin(customers, eq(customers.id, opportunities.customerId))
    .innerJoin(users, eq(users.id, opportunities.ownerId))
    .innerJoin(stages, eq(stages.id, opportunities.stageId))
    .where(where);
}
export type NamedRow = Awaited<ReturnType<typeof withNames>>[number];

export interface ListFilter {
  listScope: ListScope;
  q?: string;
  customerId?: number;
  stageId?: number;
  status?: OpportunityRow['status'];
  businessLine?: string;
  after?: { updatedAt: Date; id: number };
  limit: number;
}

/** Keyset page by (updated_at desc, id desc). */
export function list(db: Db, scope: DataScope, f: ListFilter) {
  const conds: (SQL | undefined)[] = [eq(opportunities.corpId, scope.corpId), opportunityVisibleCondition(scope, f.listScope)];
  if (f.q) conds.push(or(like(opportunities.name, `%${f.q}%`), like(customers.name, `${f.q}%`)));
  if (f.customerId) conds.push(eq(opportunities.customerId, f.customerId));
  if (f.stageId) conds.push(eq(opportunities.stageId, f.stageId));
  if (f.status) conds.push(eq(opportunities.status, f.status));
  if (f.businessLine) conds.push(eq(opportunities.businessLine, f.businessLine));
  if (f.after)
    conds.push(sql`(${opportunities.updatedAt} < ${f.after.updatedAt} OR (${opportunities.updatedAt} = ${f.after.updatedAt} AND ${opportunities.id} < ${f.after.id}))`);
  return withNames(db, and(...conds))
    .orderBy(desc(opportunities.updatedAt), desc(opportunities.id))
    .limit(f.limit + 1);
}

export const linesOf = (db: Db, opportunityId: number) =>
  db.select().from(opportunityLines).where(eq(opportunityLines.opportunityId, opportunityId)).orderBy(asc(opportunityLines.sortOrder), asc(opportunityLines.id));

export const historyOf = (db: Db, opportunityId: number) =>
  db.select().from(opportunityStageHistory).where(eq(opportunityStageHistory.opportunityId, opportunityId)).orderBy(asc(opportunityStageHistory.enteredAt), asc(opportunityStageHistory.id));

export const stagesByIds = (db: Db, ids: number[]) => (ids.length ? db.select().from(stages).where(inArray(stages.id, ids)) : Promise.resolve([]));

import { and, eq, sql } from 'drizzle-orm';
import type { DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { leads } from '../../db/schema/index';
import type { PoolEntityAdapter } from '../pools/engine';
import { visiblePoolIds } from '../pools/repo';

/** Data scope of one lead: owner in scope, or unowned in a lead pool the user can see. */
export async function canSeeLead(db: Db, scope: DataScope, row: { ownerId: number | null; poolId: number | null }): Promise<boolean> {
  if (scope.level === 'all') return true;
  if (row.ownerId != null) return scope.userIds!.includes(row.ownerId);
  if (row.poolId == null) return false;
  return (await visiblePoolIds(db, scope.corpId, scope.userId, 'lead')).includes(row.poolId);
}

/** The pool engine's view of leads (issue 6 mounts `/api/leads/:id/actions/:action` on it). */
export const leadAdapter: PoolEntityAdapter = {
  type: 'lead',
  label: '线索',
  async lockRow(db, corpId, id) {
    const [row] = await db
      .select({ id: leads.id, ownerId: leads.ownerId, poolId: leads.poolId, status: leads.status, grade: leads.grade })
      .from(leads)
      .where(and(eq(leads.corpId, corpId), eq(leads.id, id)))
      .for('update');
    return row ? { ...row, locked: false } : null;
  },
  canSee: canSeeLead,
  async update(db, corpId, id, set) {
    await db
      .update(leads)
      .set({ ownerId: set.ownerId, poolId: set.poolId, ownedAt: set.ownedAt, ...(set.status ? { status: set.status as 'active' | 'discarded' } : {}) })
      .where(and(eq(leads.corpId, corpId), eq(leads.id, id)));
  },
  async countHeld(db, corpId, userId, poolId, grade) {
    const [r] = await db
      .select({ n: sql<number>`COUNT(*)` })
      .from(leads)
      .where(
        and(
          eq(leads.corpId, corpId),
          eq(leads.ownerId, userId),
          eq(leads.status, 'active'),
          eq(leads.poolId, poolId),
          grade === undefined ? undefined : eq(leads.grade, grade ?? ''),
        ),
      );
    return Number(r?.n ?? 0);
  },
};

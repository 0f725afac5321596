import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { leads } from '../../db/schema/index';
import type { PoolEntityAdapter } from '../pools/engine';
import { canSeeLead } from './visibility';

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

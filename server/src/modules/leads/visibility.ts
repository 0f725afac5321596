import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { canSeeOwner, type DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { leads } from '../../db/schema/index';
import { errors } from '../../http/errors';
import { visiblePoolIds, visiblePoolsSql } from '../pools/repo';

/**
 * The one place that decides "may this caller see / edit lead X" (docs/CONVENTIONS.md,
 * "Visibility"). Visible: scope `all`; owner in the scope (self or a led department subtree); or
 * unowned in a lead pool whose range includes the caller. Edit / convert: an active lead, by its
 * owner or a leader / "all" role who sees it; claim: an active pool lead.
 */
export type Lead = typeof leads.$inferSelect;
type LeadRef = { ownerId: number | null; poolId: number | null };

/** WHERE fragment on `leads` (undefined = no restriction); combine with the corp condition. */
export function leadVisibleCondition(scope: DataScope): SQL | undefined {
  if (scope.level === 'all') return undefined;
  return or(
    inArray(leads.ownerId, scope.userIds!),
    and(isNull(leads.ownerId), sql`${leads.poolId} IN (${visiblePoolsSql(scope.corpId, scope.userId, 'lead')})`),
  )!;
}

/** `leadVisibleCondition` for the lead list, with the corp condition and the pool ids read first (index ranges). */
export async function leadListCondition(db: Db, scope: DataScope): Promise<SQL> {
  const corp = eq(leads.corpId, scope.corpId);
  if (scope.level === 'all') return corp;
  const pools = await visiblePoolIds(db, scope.corpId, scope.userId, 'lead');
  const parts: SQL[] = [inArray(leads.ownerId, scope.userIds!)];
  if (pools.length) parts.push(and(isNull(leads.ownerId), inArray(leads.poolId, pools))!);
  return and(corp, or(...parts))!;
}

/** True when the caller may see a lead (of their corp) with this owner / pool. */
export async function canSeeLead(db: Db, scope: DataScope, row: LeadRef): Promise<boolean> {
  if (row.ownerId != null || scope.level === 'all') return canSeeOwner(scope, row.ownerId);
  if (row.poolId == null) return false;
  return (await visiblePoolIds(db, scope.corpId, scope.userId, 'lead')).includes(row.poolId);
}

/** One lead of the scope's corp the caller may see, else null (optionally locked FOR UPDATE). */
export async function findVisibleLead(db: Db, scope: DataScope, id: number, opts?: { forUpdate?: boolean }): Promise<Lead | null> {
  const q = db
    .select()
    .from(leads)
    .where(and(eq(leads.corpId, scope.corpId), eq(leads.id, id)));
  const [row] = opts?.forUpdate ? await q.for('update') : await q;
  return row && (await canSeeLead(db, scope, row)) ? row : null;
}

/** `findVisibleLead` or 404 `not_found`. */
export async function requireVisibleLead(db: Db, scope: DataScope, id: number, opts?: { forUpdate?: boolean }): Promise<Lead> {
  const l = await findVisibleLead(db, scope, id, opts);
  if (!l) throw errors.notFound('线索');
  return l;
}

/** What the caller may do with a lead they can see. */
export function leadPermissions(scope: DataScope, l: { ownerId: number | null; status: string }) {
  const manager = scope.level !== 'own';
  const owner = l.ownerId === scope.userId;
  const active = l.status === 'active';
  return { edit: active && (owner || manager), convert: active && l.ownerId != null && (owner || manager), claim: active && l.ownerId == null };
}

/** True when the caller may edit this (visible) lead. */
export const canEditLead = (scope: DataScope, l: { ownerId: number | null; status: string }): boolean => leadPermissions(scope, l).edit;

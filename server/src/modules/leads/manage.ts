import { and, eq, inArray, ne } from 'drizzle-orm';
import { LEAD_RULE_CODES, normaliseCustomerName, type LeadCreateBody, type LeadDetail, type LeadPatchBody } from '@scrm/shared';
import type { DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { campaigns, leads, users } from '../../db/schema/index';
import type { AuthUser } from '../../http/context';
import { errors } from '../../http/errors';
import { idNum, idStr } from '../../lib/ids';
import { toIso } from '../../lib/time';
import { maskName } from '../customers/service';
import { recordAction } from '../pools/actions-log';
import { defaultPoolId, getPool } from '../pools/repo';
import { canSeeLead, leadPermissions } from './visibility';
import { canSeeOwner } from '../../auth/scope';
import { conversionOf, getLeadRow, presentLead } from './repo';

/**
 * Duplicate check of leads: the same mobile, or the same person name at the same company
 * (company compared like customer names: full/half width, brackets, spaces, case). Throws 409
 * `lead_duplicate`; the existing lead is named only when the caller may see it.
 */
export async function assertNoDuplicateLead(
  db: Db,
  scope: DataScope,
  probe: { name?: string | null; company?: string | null; mobile?: string | null },
  exceptId?: number,
): Promise<void> {
  const live = inArray(leads.status, ['active', 'converted']);
  const base = and(eq(leads.corpId, scope.corpId), live, exceptId ? ne(leads.id, exceptId) : undefined);
  let hit: { id: number; ownerId: number | null; poolId: number | null; ownerName: string | null } | undefined;
  let field: 'mobile' | 'company' = 'mobile';
  const cols = { id: leads.id, ownerId: leads.ownerId, poolId: leads.poolId, ownerName: users.name, company: leads.company };
  if (probe.mobile) {
    [hit] = await db.select(cols).from(leads).leftJoin(users, eq(users.id, leads.ownerId)).where(and(base, eq(leads.mobile, probe.mobile))).limit(1);
  }
  if (!hit && probe.company && probe.name) {
    const key = normaliseCustomerName(probe.company);
    const sameName = await db.select(cols).from(leads).leftJoin(users, eq(users.id, leads.ownerId)).where(and(base, eq(leads.name, probe.name))).limit(50);
    hit = sameName.find((l) => l.company && normaliseCustomerName(l.company) === key);
    field = 'company';
  }
  if (!hit) return;
  const visible = await canSeeLead(db, scope, hit);
  const ownerName = hit.ownerId == null ? '线索池' : visible ? hit.ownerName : maskName(hit.ownerName);
  throw errors.conflict(LEAD_RULE_CODES.duplicate, `${field === 'mobile' ? '手机号' : '公司和姓名'}与已有线索重复（负责人：${ownerName ?? '未知'}）`, {
    field,
    leadId: visible ? idStr(hit.id) : null,
    ownerName,
  });
}

/** A campaign of the corp, or 400. */
export async function assertCampaign(db: Db, corpId: number, id: number): Promise<void> {
  const [c] = await db.select({ id: campaigns.id }).from(campaigns).where(and(eq(campaigns.corpId, corpId), eq(campaigns.id, id)));
  if (!c) throw errors.badRequest('campaign_not_found', '市场活动不存在');
}

export interface NewLead {
  corpId: number;
  values: Omit<typeof leads.$inferInsert, 'corpId' | 'createdAt' | 'updatedAt'>;
  actorId: number | null;
  rule?: string;
  now: Date;
}

/** Inserts a lead and its `create` action (the one write path for API, import, web form and seed). */
export async function insertLead(db: Db, n: NewLead): Promise<number> {
  const [row] = await db.insert(leads).values({ ...n.values, corpId: n.corpId, createdAt: n.now, updatedAt: n.now }).$returningId();
  const ownerId = n.values.ownerId ?? null;
  await recordAction(db, {
    corpId: n.corpId,
    entityType: 'lead',
    entityId: row!.id,
    action: 'create',
    actorId: n.actorId,
    toUserId: ownerId,
    toPoolId: ownerId ? null : (n.values.poolId ?? null),
    rule: n.rule ?? null,
    at: n.now,
  });
  return row!.id;
}

/** Creates a lead after the duplicate check; the caller owns it unless `ownerId` says otherwise (null = the pool). */
export async function createLead(db: Db, user: AuthUser, scope: DataScope, b: LeadCreateBody, now: Date): Promise<number> {
  await assertNoDuplicateLead(db, scope, b);
  const ownerId: number | null = b.ownerId === undefined ? user.id : b.ownerId === null ? null : idNum(b.ownerId);
  if (ownerId != null && ownerId !== user.id) {
    if (scope.level === 'own' || !canSeeOwner(scope, ownerId)) throw errors.forbidden('只能把线索分给自己或本部门成员');
    const [u] = await db.select({ id: users.id }).from(users).where(and(eq(users.corpId, user.corpId), eq(users.id, ownerId)));
    if (!u) throw errors.badRequest('user_not_found', '指定的员工不存在');
  }
  let poolId = b.poolId ? idNum(b.poolId) : await defaultPoolId(db, user.corpId, 'lead');
  if (b.poolId) {
    const pool = await getPool(db, user.corpId, poolId!);
    if (!pool || pool.entityType !== 'lead') throw errors.badRequest('pool_not_found', '线索池不存在');
  }
  if (ownerId == null && poolId == null) throw errors.conflict('no_pool', '没有可放入的线索池，请先创建线索池或指定负责人');
  if (b.campaignId) await assertCampaign(db, user.corpId, idNum(b.campaignId));
  poolId ??= null;
  return insertLead(db, {
    corpId: user.corpId,
    actorId: user.id,
    now,
    values: {
      name: b.name,
      company: b.company ?? null,
      mobile: b.mobile ?? null,
      wechatId: b.wechatId ?? null,
      region: b.region ?? null,
      source: b.source ?? null,
      grade: b.grade ?? null,
      tags: b.tags ?? [],
      need: b.need ?? null,
      campaignId: b.campaignId ? idNum(b.campaignId) : null,
      ownerId,
      poolId,
      ownedAt: ownerId ? now : null,
      createdBy: user.id,
    },
  });
}

/** The lead detail within the scope (404 otherwise). */
export async function leadDetail(db: Db, scope: DataScope, id: number): Promise<LeadDetail> {
  const r = await getLeadRow(db, scope.corpId, id);
  if (!r || !(await canSeeLead(db, scope, r.l))) throw errors.notFound('线索');
  const conversion = await conversionOf(db, scope.corpId, id);
  return {
    ...presentLead(r.l, r.ownerName),
    campaignName: r.campaignName,
    poolName: r.poolName,
    externalContact: r.ext ? { id: idStr(r.ext.id), name: r.ext.name, externalUserId: r.ext.externalUserId } : null,
    followUpCount: r.l.followUpCount,
    nextFollowUpAt: toIso(r.l.nextFollowUpAt),
    convertedAt: toIso(r.l.convertedAt),
    conversion,
    permissions: leadPermissions(scope, r.l),
  };
}

/** Edits a lead's fields (owner, manager); the duplicate rule holds for the new values. */
export async function patchLead(db: Db, scope: DataScope, id: number, b: LeadPatchBody): Promise<void> {
  const r = await getLeadRow(db, scope.corpId, id);
  if (!r || !(await canSeeLead(db, scope, r.l))) throw errors.notFound('线索');
  if (!leadPermissions(scope, r.l).edit) throw errors.forbidden(r.l.status === 'active' ? '只有负责人或管理者可以编辑线索' : '已转换或已废弃的线索不能编辑');
  const next = { name: b.name ?? r.l.name, company: b.company === undefined ? r.l.company : b.company, mobile: b.mobile === undefined ? r.l.mobile : b.mobile };
  if (b.name !== undefined || b.company !== undefined || b.mobile !== undefined) await assertNoDuplicateLead(db, scope, next, id);
  if (b.campaignId) await assertCampaign(db, scope.corpId, idNum(b.campaignId));
  const set: Partial<typeof leads.$inferInsert> = {};
  for (const k of ['name', 'company', 'mobile', 'wechatId', 'region', 'source', 'grade', 'tags', 'need'] as const) if (b[k] !== undefined) (set as Record<string, unknown>)[k] = b[k];
  if (b.campaignId !== undefined) set.campaignId = b.campaignId ? idNum(b.campaignId) : null;
  if (Object.keys(set).length) await db.update(leads).set(set).where(and(eq(leads.corpId, scope.corpId), eq(leads.id, id)));
}

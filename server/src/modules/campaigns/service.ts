import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import {
  CAMPAIGN_RULE_CODES as C,
  type CampaignBody,
  type CampaignDetail,
  type CampaignItem,
  type CampaignListQuery,
  type CampaignPatchBody,
  type ListResult,
} from '@scrm/shared';
import type { DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { campaignCosts, campaignPayments, campaigns, campaignVendors, leads, users } from '../../db/schema/index';
import type { AuthUser } from '../../http/context';
import { errors } from '../../http/errors';
import { decodeCursor, encodeCursor, idNum, idStr, idStrOrNull } from '../../lib/ids';
import { toIso } from '../../lib/time';
import { likeEscape } from '../customers/repo';
import { getPool } from '../pools/repo';
import { campaignResults } from './results';

export type CampaignRow = typeof campaigns.$inferSelect;

const leadCount = sql<number>`(SELECT COUNT(*) FROM ${leads} l WHERE l.campaign_id = ${campaigns.id})`;

export function presentCampaign(r: CampaignRow, ownerName: string | null, leadCountValue: number): CampaignItem {
  return {
    id: idStr(r.id),
    name: r.name,
    type: r.type,
    channel: r.channel,
    status: r.status,
    startDate: r.startDate,
    endDate: r.endDate,
    ownerId: idStrOrNull(r.ownerId),
    ownerName,
    budget: r.budget,
    currency: r.currency,
    poolId: idStrOrNull(r.poolId),
    webFormEnabled: r.webFormEnabled,
    allowedOrigins: r.allowedOrigins?.length ? r.allowedOrigins : null,
    description: r.description,
    leadCount: Number(leadCountValue),
    createdAt: toIso(r.createdAt),
    updatedAt: toIso(r.updatedAt),
  };
}

/** Campaigns are corp-wide marketing data: everyone in the corp reads them; owner, creator and managers edit. */
export const canEditCampaign = (scope: DataScope, user: AuthUser, c: { ownerId: number | null; createdBy: number | null }) =>
  scope.level !== 'own' || c.ownerId === user.id || c.createdBy === user.id;

/** Campaign list: `mine` = owned by me; every other scope = the corp's campaigns. */
export async function listCampaigns(db: Db, user: AuthUser, q: CampaignListQuery): Promise<ListResult<CampaignItem>> {
  const conds: (SQL | undefined)[] = [eq(campaigns.corpId, user.corpId)];
  if (q.scope === 'mine') conds.push(eq(campaigns.ownerId, user.id));
  if (q.scope === 'pool') conds.push(sql`FALSE`);
  if (q.type) conds.push(eq(campaigns.type, q.type));
  if (q.status) conds.push(eq(campaigns.status, q.status));
  if (q.q) conds.push(sql`${campaigns.name} LIKE ${`%${likeEscape(q.q)}%`}`);
  const cursor = decodeCursor(q.cursor);
  if (q.cursor && (!cursor || cursor.length !== 2)) throw errors.badRequest('invalid_cursor', 'cursor 无效');
  if (cursor) {
    const at = new Date(String(cursor[0]));
    conds.push(or(lt(campaigns.updatedAt, at), and(eq(campaigns.updatedAt, at), lt(campaigns.id, Number(cursor[1])))));
  }
  const rows = await db
    .select({ c: campaigns, ownerName: users.name, leadCount })
    .from(campaigns)
    .leftJoin(users, eq(users.id, campaigns.ownerId))
    .where(and(...conds))
    .orderBy(desc(campaigns.updatedAt), desc(campaigns.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => presentCampaign(r.c, r.ownerName, r.leadCount)),
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.c.updatedAt.toISOString(), last.c.id]) : null,
  };
}

/** The campaign row of the corp, or 404. */
export async function getCampaign(db: Db, corpId: number, id: number, forUpdate = false): Promise<CampaignRow> {
  const q = db.select().from(campaigns).where(and(eq(campaigns.corpId, corpId), eq(campaigns.id, id)));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw errors.notFound('市场活动');
  return row;
}

async function checkRefs(db: Db, corpId: number, b: CampaignPatchBody, current?: CampaignRow): Promise<void> {
  const start = b.startDate === undefined ? current?.startDate : b.startDate;
  const end = b.endDate === undefined ? current?.endDate : b.endDate;
  if (start && end && end < start) throw errors.badRequest(C.endBeforeStart, '结束日期不能早于开始日期', [{ path: 'body.endDate', message: '结束日期不能早于开始日期' }]);
  if (b.ownerId) {
    const [u] = await db.select({ id: users.id }).from(users).where(and(eq(users.corpId, corpId), eq(users.id, idNum(b.ownerId))));
    if (!u) throw errors.badRequest('user_not_found', '指定的负责人不存在');
  }
  if (b.poolId) {
    const pool = await getPool(db, corpId, idNum(b.poolId));
    if (!pool || pool.entityType !== 'lead') throw errors.badRequest('pool_not_found', '线索池不存在');
  }
}

function columns(b: CampaignPatchBody): Partial<typeof campaigns.$inferInsert> {
  const set: Partial<typeof campaigns.$inferInsert> = {};
  for (const k of ['name', 'type', 'channel', 'status', 'startDate', 'endDate', 'budget', 'currency', 'webFormEnabled', 'description'] as const)
    if (b[k] !== undefined) (set as Record<string, unknown>)[k] = b[k];
  if (b.ownerId !== undefined) set.ownerId = b.ownerId ? idNum(b.ownerId) : null;
  if (b.poolId !== undefined) set.poolId = b.poolId ? idNum(b.poolId) : null;
  if (b.allowedOrigins !== undefined) set.allowedOrigins = b.allowedOrigins?.length ? [...new Set(b.allowedOrigins)] : null;
  return set;
}

export async function createCampaign(db: Db, user: AuthUser, b: CampaignBody, now: Date): Promise<number> {
  await checkRefs(db, user.corpId, b);
  const [row] = await db
    .insert(campaigns)
    .values({
      ...columns(b),
      name: b.name,
      type: b.type,
      corpId: user.corpId,
      ownerId: b.ownerId === undefined ? user.id : b.ownerId ? idNum(b.ownerId) : null,
      publicKey: randomBytes(16).toString('hex'),
      createdBy: user.id,
      createdAt: now,
      updatedAt: now,
    })
    .$returningId();
  return row!.id;
}

export async function patchCampaign(db: Db, current: CampaignRow, b: CampaignPatchBody): Promise<void> {
  await checkRefs(db, current.corpId, b, current);
  const set = columns(b);
  if (Object.keys(set).length) await db.update(campaigns).set(set).where(eq(campaigns.id, current.id));
}

/** Detail: the campaign with vendors (cost and paid totals), cost lines, payments and computed results. */
export async function campaignDetail(db: Db, scope: DataScope, user: AuthUser, id: number, publicPath: (key: string) => string): Promise<CampaignDetail> {
  const [r] = await db
    .select({ c: campaigns, ownerName: users.name, leadCount })
    .from(campaigns)
    .leftJoin(users, eq(users.id, campaigns.ownerId))
    .where(and(eq(campaigns.corpId, scope.corpId), eq(campaigns.id, id)));
  if (!r) throw errors.notFound('市场活动');
  const vendors = await db.select().from(campaignVendors).where(eq(campaignVendors.campaignId, id)).orderBy(asc(campaignVendors.id));
  const costs = await db.select().from(campaignCosts).where(eq(campaignCosts.campaignId, id)).orderBy(asc(campaignCosts.id));
  const payments = await db
    .select({ p: campaignPayments, vendorName: campaignVendors.name })
    .from(campaignPayments)
    .leftJoin(campaignVendors, eq(campaignVendors.id, campaignPayments.vendorId))
    .where(eq(campaignPayments.campaignId, id))
    .orderBy(asc(campaignPayments.id));
  const edit = canEditCampaign(scope, user, r.c);
  return {
    ...presentCampaign(r.c, r.ownerName, r.leadCount),
    webFormPath: edit ? publicPath(r.c.publicKey) : null,
    vendors: vendors.map((v) => ({
      id: idStr(v.id),
      name: v.name,
      contactName: v.contactName,
      phone: v.phone,
      costTotal: costs.filter((c) => c.vendorId === v.id).reduce((s, c) => s + c.amount, 0),
      paidTotal: payments.filter((p) => p.p.vendorId === v.id && p.p.status === 'paid').reduce((s, p) => s + p.p.amount, 0),
    })),
    costs: costs.map((c) => ({ id: idStr(c.id), vendorId: idStrOrNull(c.vendorId), item: c.item, amount: c.amount, incurredOn: c.incurredOn, createdAt: toIso(c.createdAt) })),
    payments: payments.map(({ p, vendorName }) => ({
      id: idStr(p.id),
      vendorId: idStr(p.vendorId),
      vendorName,
      amount: p.amount,
      status: p.status,
      paidOn: p.paidOn,
      note: p.note,
      createdAt: toIso(p.createdAt),
    })),
    results: await campaignResults(db, scope.corpId, id),
    permissions: { edit },
  };
}

/** A vendor of this campaign, or 409 (a vendor id from another campaign is a client mistake, not a secret). */
export async function assertVendor(db: Db, campaignId: number, vendorId: number): Promise<void> {
  const [v] = await db.select({ id: campaignVendors.id }).from(campaignVendors).where(and(eq(campaignVendors.id, vendorId), eq(campaignVendors.campaignId, campaignId)));
  if (!v) throw errors.conflict(C.vendorNotInCampaign, '供应商不属于该活动');
}

/** Payments (not cancelled) to a vendor may not exceed the vendor's recorded cost lines. */
export async function assertPaymentWithinCost(db: Db, campaignId: number, vendorId: number, amount: number, exceptPaymentId?: number): Promise<void> {
  const [cost] = await db
    .select({ total: sql<number | null>`SUM(${campaignCosts.amount})` })
    .from(campaignCosts)
    .where(and(eq(campaignCosts.campaignId, campaignId), eq(campaignCosts.vendorId, vendorId)));
  const [paid] = await db
    .select({ total: sql<number | null>`SUM(${campaignPayments.amount})` })
    .from(campaignPayments)
    .where(
      and(
        eq(campaignPayments.campaignId, campaignId),
        eq(campaignPayments.vendorId, vendorId),
        ne(campaignPayments.status, 'cancelled'),
        exceptPaymentId ? ne(campaignPayments.id, exceptPaymentId) : undefined,
      ),
    );
  const costTotal = Number(cost?.total ?? 0);
  if (Number(paid?.total ?? 0) + amount > costTotal) {
    throw errors.conflict(C.paymentOverCost, `付款合计超过该供应商的费用合计（${(costTotal / 100).toFixed(2)} 元）`, { costTotal });
  }
}

import { randomBytes } from 'node:crypto';
import {
  CAMPAIGN_RULE_CODES as C,
  type CampaignBody,
  type CampaignDetail,
  type CampaignItem,
  type CampaignListQuery,
  type CampaignPatchBody,
  type costBody,
  type ListResult,
  type paymentBody,
  type paymentPatchBody,
  type vendorBody,
} from '@scrm/shared';
import type { z } from 'zod';
import type { DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import type { campaigns } from '../../db/schema/index';
import type { AuthUser } from '../../http/context';
import { errors } from '../../http/errors';
import { idNum, idStr, idStrOrNull } from '../../lib/ids';
import { afterKeyOf, keyCursor, pageOf } from '../../lib/paging';
import { toIso } from '../../lib/time';
import { getPool } from '../pools/repo';
import * as repo from './repo';
import type { CampaignRow } from './repo';
import { campaignResults } from './results';

export type { CampaignRow };

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
  const rows = await repo.listCampaigns(db, user.corpId, {
    scope: q.scope, userId: user.id, type: q.type, status: q.status, q: q.q,
    after: afterKeyOf(q.cursor, 'date'),
    limit: q.limit,
  });
  return pageOf(rows, q.limit, (r) => presentCampaign(r.c, r.ownerName, r.leadCount), (r) => keyCursor(r.c.updatedAt, r.c.id));
}

/** The campaign row of the corp, or 404. */
export async function getCampaign(db: Db, corpId: number, id: number, forUpdate = false): Promise<CampaignRow> {
  const row = await repo.findCampaign(db, corpId, id, forUpdate);
  if (!row) throw errors.notFound('市场活动');
  return row;
}

async function checkRefs(db: Db, corpId: number, b: CampaignPatchBody, current?: CampaignRow): Promise<void> {
  const start = b.startDate === undefined ? current?.startDate : b.startDate;
  const end = b.endDate === undefined ? current?.endDate : b.endDate;
  if (start && end && end < start) throw errors.badRequest(C.endBeforeStart, '结束日期不能早于开始日期', [{ path: 'body.endDate', message: '结束日期不能早于开始日期' }]);
  if (b.ownerId) {
    if (!(await repo.userExists(db, corpId, idNum(b.ownerId)))) throw errors.badRequest('user_not_found', '指定的负责人不存在');
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
  return repo.insertCampaign(db, {
      ...columns(b),
      name: b.name,
      type: b.type,
      corpId: user.corpId,
      ownerId: b.ownerId === undefined ? user.id : b.ownerId ? idNum(b.ownerId) : null,
      publicKey: randomBytes(16).toString('hex'),
      createdBy: user.id,
      createdAt: now,
      updatedAt: now,
  });
}

export async function patchCampaign(db: Db, current: CampaignRow, b: CampaignPatchBody): Promise<void> {
  await checkRefs(db, current.corpId, b, current);
  const set = columns(b);
  if (Object.keys(set).length) await repo.updateCampaign(db, current.corpId, current.id, set);
}

/** Detail: the campaign with vendors (cost and paid totals), cost lines, payments and computed results. */
export async function campaignDetail(db: Db, scope: DataScope, user: AuthUser, id: number, publicPath: (key: string) => string): Promise<CampaignDetail> {
  const r = await repo.findCampaignSummary(db, scope.corpId, id);
  if (!r) throw errors.notFound('市场活动');
  const vendors = await repo.vendorsOf(db, scope.corpId, id);
  const costs = await repo.costsOf(db, scope.corpId, id);
  const payments = await repo.paymentsOf(db, scope.corpId, id);
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

/** The computed results of a campaign of the corp (404 when not in the corp). */
export async function resultsOf(db: Db, corpId: number, id: number) {
  await getCampaign(db, corpId, id);
  return campaignResults(db, corpId, id);
}

/** A vendor of this campaign, or 409 (a vendor id from another campaign is a client mistake, not a secret). */
export async function assertVendor(db: Db, campaignId: number, vendorId: number): Promise<void> {
  if (!(await repo.vendorInCampaign(db, campaignId, vendorId))) throw errors.conflict(C.vendorNotInCampaign, '供应商不属于该活动');
}

/** Payments (not cancelled) to a vendor may not exceed the vendor's recorded cost lines. */
export async function assertPaymentWithinCost(db: Db, campaignId: number, vendorId: number, amount: number, exceptPaymentId?: number): Promise<void> {
  const costTotal = await repo.vendorCostTotal(db, campaignId, vendorId);
  if ((await repo.vendorPaidTotal(db, campaignId, vendorId, exceptPaymentId)) + amount > costTotal) {
    throw errors.conflict(C.paymentOverCost, `付款合计超过该供应商的费用合计（${(costTotal / 100).toFixed(2)} 元）`, { costTotal });
  }
}

/** Loads the campaign for a write (row lock), checks the caller may edit it (403) and marks it updated. */
export async function campaignForEdit(db: Db, scope: DataScope, user: AuthUser, id: number, now: Date): Promise<CampaignRow> {
  const c = await getCampaign(db, user.corpId, id, true);
  if (!canEditCampaign(scope, user, c)) throw errors.forbidden('只有活动负责人或管理者可以修改活动');
  await repo.updateCampaign(db, user.corpId, id, { updatedAt: now });
  return c;
}

export function addVendor(db: Db, c: CampaignRow, b: z.infer<typeof vendorBody>, now: Date): Promise<number> {
  return repo.insertVendor(db, { corpId: c.corpId, campaignId: c.id, name: b.name, contactName: b.contactName ?? null, phone: b.phone ?? null, createdAt: now, updatedAt: now });
}

/** A cost line, optionally against one of the campaign's vendors (409 `vendor_not_in_campaign`). */
export async function addCost(db: Db, c: CampaignRow, user: AuthUser, b: z.infer<typeof costBody>, now: Date): Promise<number> {
  const vendorId = b.vendorId ? idNum(b.vendorId) : null;
  if (vendorId) await assertVendor(db, c.id, vendorId);
  return repo.insertCost(db, { corpId: c.corpId, campaignId: c.id, vendorId, item: b.item, amount: b.amount, incurredOn: b.incurredOn ?? null, createdBy: user.id, createdAt: now, updatedAt: now });
}

/** A payment to a vendor; live payments may not exceed the vendor's costs (409 `payment_exceeds_cost`). */
export async function addPayment(db: Db, c: CampaignRow, user: AuthUser, b: z.infer<typeof paymentBody>, now: Date): Promise<number> {
  const vendorId = idNum(b.vendorId);
  await assertVendor(db, c.id, vendorId);
  if (b.status !== 'cancelled') await assertPaymentWithinCost(db, c.id, vendorId, b.amount);
  return repo.insertPayment(db, { corpId: c.corpId, campaignId: c.id, vendorId, amount: b.amount, status: b.status, paidOn: b.paidOn ?? null, note: b.note ?? null, createdBy: user.id, createdAt: now, updatedAt: now });
}

/** Changes a payment's status, date or note; reviving a cancelled one re-checks the cost limit. */
export async function patchPayment(db: Db, c: CampaignRow, paymentId: number, b: z.infer<typeof paymentPatchBody>) {
  const p = await repo.findPayment(db, c.id, paymentId);
  if (!p) throw errors.notFound('付款记录');
  if (p.status === 'cancelled' && b.status && b.status !== 'cancelled') await assertPaymentWithinCost(db, c.id, p.vendorId, p.amount, p.id);
  const set = { ...(b.status ? { status: b.status } : {}), ...(b.paidOn !== undefined ? { paidOn: b.paidOn } : {}), ...(b.note !== undefined ? { note: b.note } : {}) };
  if (Object.keys(set).length) await repo.updatePayment(db, p.id, set);
  return { before: p, after: set };
}

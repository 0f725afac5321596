import { CAMPAIGN_RULE_CODES as C, type WebLeadBody } from '@scrm/shared';
import type { Db } from '../../db/client';
import type { AppDeps } from '../../http/context';
import { errors } from '../../http/errors';
import { insertLead } from '../leads/manage';
import { defaultPoolId } from '../pools/repo';
import type { FormCampaign } from './public-form';
import { findLiveLeadByMobile, insertLeadTouch } from './repo';

/** Web-form submissions allowed per client IP per window (all campaigns together). */
export const WEB_FORM_LIMIT = 5;
export const WEB_FORM_WINDOW_MS = 10 * 60_000;

/** Sliding-window counters per app instance (tests get a fresh one with each server), keyed by IP. */
const windows = new WeakMap<AppDeps, Map<string, number[]>>();

/** Counts one submission from `ip`; 429 when the window is full. Old entries are pruned as we go. */
export function takeWebFormSlot(deps: AppDeps, ip: string): void {
  let byIp = windows.get(deps);
  if (!byIp) windows.set(deps, (byIp = new Map()));
  const now = deps.now().getTime();
  const recent = (byIp.get(ip) ?? []).filter((t) => now - t < WEB_FORM_WINDOW_MS);
  if (recent.length >= WEB_FORM_LIMIT) {
    byIp.set(ip, recent);
    throw errors.rateLimited('提交太频繁，请稍后再试');
  }
  recent.push(now);
  byIp.set(ip, recent);
  if (byIp.size > 10_000) for (const [k, v] of byIp) if (!v.some((t) => now - t < WEB_FORM_WINDOW_MS)) byIp.delete(k);
}

export const WEB_FORM_OK = { ok: true as const, message: '提交成功，我们会尽快与您联系' };

/**
 * Stores a landing-page submission as a lead of the campaign, unowned in the campaign's lead pool
 * (or the default one). When the mobile is already a live lead, no duplicate is made: the repeat
 * touch (再次留资) is recorded on that lead (`lead_touches`, shown in its timeline). The same answer
 * is given in every case, and when the honeypot is filled (nothing stored), so the form reveals nothing.
 */
export async function submitWebLead(db: Db, deps: AppDeps, c: FormCampaign, b: WebLeadBody): Promise<typeof WEB_FORM_OK> {
  if (!c.webFormEnabled || c.status === 'ended') throw errors.conflict(C.formClosed, '该活动已结束报名');
  if (b.website) return WEB_FORM_OK;
  const dup = await findLiveLeadByMobile(db, c.corpId, b.mobile);
  if (dup !== undefined) {
    await insertLeadTouch(db, {
      corpId: c.corpId,
      leadId: dup,
      campaignId: c.id,
      name: b.name,
      company: b.company ?? null,
      need: b.need ?? null,
      source: (b.source ?? c.channel ?? '活动表单').slice(0, 50),
      occurredAt: deps.now(),
    });
    return WEB_FORM_OK;
  }
  const poolId = c.poolId ?? (await defaultPoolId(db, c.corpId, 'lead'));
  if (poolId == null) throw errors.conflict('no_pool', '暂时无法提交，请稍后再试');
  await insertLead(db, {
    corpId: c.corpId,
    actorId: null,
    rule: 'web_form',
    now: deps.now(),
    values: {
      name: b.name,
      company: b.company ?? null,
      mobile: b.mobile,
      wechatId: b.wechatId || null,
      region: b.region ?? null,
      need: b.need ?? null,
      source: (b.source ?? c.channel ?? '活动表单').slice(0, 50),
      campaignId: c.id,
      ownerId: null,
      poolId,
      tags: [],
    },
  });
  return WEB_FORM_OK;
}

import { and, desc, eq, lt } from 'drizzle-orm';
import type { TimelineItem } from '@scrm/shared';
import type { Db } from '../../db/client';
import { campaigns, leadTouches } from '../../db/schema/index';
import { idStr } from '../../lib/ids';
import { toIso } from '../../lib/time';
import { followUpEntries, ownershipEntries, timelinePage, timelineWindow, type TimelinePage, type TimelineWindow } from '../../lib/timeline';
const ACTION_LABELS: Record<string, string> = {
  create: '创建线索',
  transfer: '转移',
  reclaim: '回收到线索池',
  claim: '从线索池领取',
  return: '退回线索池',
  assign: '分配',
  convert: '转换为客户',
  discard: '废弃',
  restore: '恢复',
};
const RULE_LABELS: Record<string, string> = { web_form: '来自活动表单', wecom_add: '来自企业微信添加', import: 'Excel 导入' };

/** Repeat campaign touches (the lead left its details again through a campaign form). */
async function touchEntries(db: Db, corpId: number, leadId: number, w: TimelineWindow): Promise<TimelineItem[]> {
  const touches = await db
    .select({ t: leadTouches, campaignName: campaigns.name })
    .from(leadTouches)
    .leftJoin(campaigns, eq(campaigns.id, leadTouches.campaignId))
    .where(and(eq(leadTouches.corpId, corpId), eq(leadTouches.leadId, leadId), w.before ? lt(leadTouches.occurredAt, w.before) : undefined))
    .orderBy(desc(leadTouches.occurredAt))
    .limit(w.limit);
  return touches.map(({ t, campaignName }) => ({
    kind: 'campaign_touch' as const,
    id: `campaign_touch:${t.id}`,
    at: toIso(t.occurredAt),
    actorId: null,
    actorName: '系统',
    title: `再次通过活动「${campaignName ?? '已删除的活动'}」留资`,
    data: { campaignId: idStr(t.campaignId), campaignName, name: t.name, company: t.company, need: t.need, source: t.source },
  }));
}

/** A lead's timeline (follow-ups, ownership actions, repeat campaign touches), newest first (the shared builder, lib/timeline); page with `before`. */
export async function leadTimeline(db: Db, corpId: number, leadId: number, q: { limit: number; before?: string }): Promise<TimelinePage> {
  const w = timelineWindow(q);
  const parts = await Promise.all([
    followUpEntries(db, corpId, { leadId }, w),
    ownershipEntries(db, corpId, { type: 'lead', id: leadId }, w, { actions: ACTION_LABELS, rules: RULE_LABELS, ruleRespected: true }),
    touchEntries(db, corpId, leadId, w),
  ]);
  return timelinePage(parts, q.limit, 'desc');
}

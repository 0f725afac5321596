import { and, desc, eq, lt } from 'drizzle-orm';
import { FOLLOW_UP_TYPE_LABELS, type TimelineItem } from '@scrm/shared';
import type { Db } from '../../db/client';
import { campaigns, followUps, leadTouches, ownershipActions, users } from '../../db/schema/index';
import { idStr, idStrOrNull } from '../../lib/ids';
import { toIso } from '../../lib/time';

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

/** A lead's timeline (follow-ups, ownership actions, repeat campaign touches), newest first; page with `before`. */
export async function leadTimeline(db: Db, corpId: number, leadId: number, q: { limit: number; before?: string }) {
  const before = q.before ? new Date(q.before) : null;
  const fus = await db
    .select({ f: followUps, name: users.name })
    .from(followUps)
    .leftJoin(users, eq(users.id, followUps.authorId))
    .where(and(eq(followUps.corpId, corpId), eq(followUps.leadId, leadId), before ? lt(followUps.occurredAt, before) : undefined))
    .orderBy(desc(followUps.occurredAt))
    .limit(q.limit);
  const acts = await db
    .select({ a: ownershipActions, name: users.name })
    .from(ownershipActions)
    .leftJoin(users, eq(users.id, ownershipActions.actorId))
    .where(
      and(
        eq(ownershipActions.corpId, corpId),
        eq(ownershipActions.entityType, 'lead'),
        eq(ownershipActions.entityId, leadId),
        before ? lt(ownershipActions.createdAt, before) : undefined,
      ),
    )
    .orderBy(desc(ownershipActions.createdAt))
    .limit(q.limit);
  const touches = await db
    .select({ t: leadTouches, campaignName: campaigns.name })
    .from(leadTouches)
    .leftJoin(campaigns, eq(campaigns.id, leadTouches.campaignId))
    .where(and(eq(leadTouches.corpId, corpId), eq(leadTouches.leadId, leadId), before ? lt(leadTouches.occurredAt, before) : undefined))
    .orderBy(desc(leadTouches.occurredAt))
    .limit(q.limit);
  const all: TimelineItem[] = [
    ...fus.map(({ f, name }) => ({
      kind: 'follow_up' as const,
      id: `follow_up:${f.id}`,
      at: toIso(f.occurredAt),
      actorId: idStr(f.authorId),
      actorName: name,
      title: `${FOLLOW_UP_TYPE_LABELS[f.type]}跟进`,
      data: { followUpId: idStr(f.id), type: f.type, content: f.content, nextStep: f.nextStep, nextFollowUpAt: toIso(f.nextFollowUpAt) },
    })),
    ...acts.map(({ a, name }) => ({
      kind: a.action === 'create' ? ('created' as const) : ('action' as const),
      id: `action:${a.id}`,
      at: toIso(a.createdAt),
      actorId: idStrOrNull(a.actorId),
      actorName: name ?? (a.actorId ? null : '系统'),
      title: [ACTION_LABELS[a.action] ?? a.action, a.rule && RULE_LABELS[a.rule]].filter(Boolean).join(' · '),
      data: { action: a.action, fromUserId: idStrOrNull(a.fromUserId), toUserId: idStrOrNull(a.toUserId), reason: a.reason, rule: a.rule, ruleRespected: a.ruleRespected },
    })),
    ...touches.map(({ t, campaignName }) => ({
      kind: 'campaign_touch' as const,
      id: `campaign_touch:${t.id}`,
      at: toIso(t.occurredAt),
      actorId: null,
      actorName: '系统',
      title: `再次通过活动「${campaignName ?? '已删除的活动'}」留资`,
      data: { campaignId: idStr(t.campaignId), campaignName, name: t.name, company: t.company, need: t.need, source: t.source },
    })),
  ];
  all.sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : y.id.localeCompare(x.id)));
  const items = all.slice(0, q.limit);
  return { items, nextBefore: all.length > q.limit ? items[items.length - 1]!.at : null };
}

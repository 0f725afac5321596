import { and, desc, eq, lt } from 'drizzle-orm';
import { FOLLOW_UP_TYPE_LABELS, type TimelineItem } from '@scrm/shared';
import type { DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { contacts, externalContactFollows, externalContacts, followUps, ownershipActions, users } from '../../db/schema/index';
import { idStr, idStrOrNull } from '../../lib/ids';
import { toIso } from '../../lib/time';

/** A source of timeline items for a customer; other modules register theirs (stage changes, visits…). */
/**
 * One kind of timeline entry. `scope` is the caller's: the customer is visible to it, but a source
 * whose entries belong to other records (e.g. opportunities) must show only those the scope covers.
 */
export type TimelineSource = (db: Db, corpId: number, customerId: number, opts: { limit: number; before: Date | null; scope: DataScope }) => Promise<TimelineItem[]>;

const ACTION_LABELS: Record<string, string> = {
  create: '创建客户',
  transfer: '转移',
  reclaim: '回收到公海',
  claim: '从公海领取',
  return: '退回公海',
  assign: '分配',
  convert: '线索转换',
  discard: '废弃',
  restore: '恢复',
};

const followUpSource: TimelineSource = async (db, corpId, customerId, { limit, before }) => {
  const rows = await db
    .select({ f: followUps, name: users.name })
    .from(followUps)
    .leftJoin(users, eq(users.id, followUps.authorId))
    .where(and(eq(followUps.corpId, corpId), eq(followUps.customerId, customerId), before ? lt(followUps.occurredAt, before) : undefined))
    .orderBy(desc(followUps.occurredAt))
    .limit(limit);
  return rows.map(({ f, name }) => ({
    kind: 'follow_up' as const,
    id: `follow_up:${f.id}`,
    at: toIso(f.occurredAt),
    actorId: idStr(f.authorId),
    actorName: name,
    title: `${FOLLOW_UP_TYPE_LABELS[f.type]}跟进`,
    data: { followUpId: idStr(f.id), type: f.type, content: f.content, nextStep: f.nextStep, nextFollowUpAt: toIso(f.nextFollowUpAt), images: f.images },
  }));
};

const actionSource: TimelineSource = async (db, corpId, customerId, { limit, before }) => {
  const rows = await db
    .select({ a: ownershipActions, name: users.name })
    .from(ownershipActions)
    .leftJoin(users, eq(users.id, ownershipActions.actorId))
    .where(
      and(
        eq(ownershipActions.corpId, corpId),
        eq(ownershipActions.entityType, 'customer'),
        eq(ownershipActions.entityId, customerId),
        before ? lt(ownershipActions.createdAt, before) : undefined,
      ),
    )
    .orderBy(desc(ownershipActions.createdAt))
    .limit(limit);
  return rows.map(({ a, name }) => ({
    kind: a.action === 'create' ? ('created' as const) : ('action' as const),
    id: `action:${a.id}`,
    at: toIso(a.createdAt),
    actorId: idStrOrNull(a.actorId),
    actorName: name ?? (a.actorId ? null : '系统'),
    title: ACTION_LABELS[a.action] ?? a.action,
    data: { action: a.action, fromUserId: idStrOrNull(a.fromUserId), toUserId: idStrOrNull(a.toUserId), reason: a.reason, rule: a.rule },
  }));
};

/** WeCom add / delete events of the customer's contacts' external contacts (follow relations). */
const wecomSource: TimelineSource = async (db, corpId, customerId, { limit, before }) => {
  const rows = await db
    .select({ f: externalContactFollows, contactName: contacts.name, extName: externalContacts.name, userName: users.name })
    .from(externalContactFollows)
    .innerJoin(contacts, eq(contacts.externalContactId, externalContactFollows.externalContactId))
    .innerJoin(externalContacts, eq(externalContacts.id, externalContactFollows.externalContactId))
    .leftJoin(users, eq(users.id, externalContactFollows.userId))
    .where(and(eq(contacts.corpId, corpId), eq(contacts.customerId, customerId)))
    .limit(limit * 2);
  const items: TimelineItem[] = [];
  for (const { f, contactName, extName, userName } of rows) {
    const base = { actorId: idStrOrNull(f.userId), actorName: userName, data: { contactName, externalName: extName, wecomUserId: f.wecomUserId, endReason: f.endReason } };
    if (f.followedAt && (!before || f.followedAt < before))
      items.push({ ...base, kind: 'wecom_add', id: `wecom_add:${f.id}`, at: toIso(f.followedAt), title: `企业微信添加了 ${contactName}` });
    if (f.status === 'ended' && f.endedAt && (!before || f.endedAt < before))
      items.push({ ...base, kind: 'wecom_delete', id: `wecom_delete:${f.id}`, at: toIso(f.endedAt), title: f.endReason === 'customer_deleted' ? `${contactName} 删除了员工` : `删除了 ${contactName}` });
  }
  return items;
};

const sources: TimelineSource[] = [followUpSource, actionSource, wecomSource];

/** Adds a timeline source (e.g. opportunity stage changes); called once at module load. */
export function registerTimelineSource(source: TimelineSource): void {
  sources.push(source);
}

/** Merges every source newest first; page with `before` = the previous answer's `nextBefore`. */
export async function customerTimeline(db: Db, scope: DataScope, customerId: number, q: { limit: number; before?: string }) {
  const corpId = scope.corpId;
  const opts = { limit: q.limit, before: q.before ? new Date(q.before) : null, scope };
  const all = (await Promise.all(sources.map((s) => s(db, corpId, customerId, opts)))).flat();
  all.sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : x.id.localeCompare(y.id)));
  const items = all.slice(0, q.limit);
  return { items, nextBefore: all.length > q.limit ? items[items.length - 1]!.at : null };
}

import { and, eq } from 'drizzle-orm';
import type { TimelineItem } from '@scrm/shared';
import type { DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { contacts, externalContactFollows, externalContacts, users } from '../../db/schema/index';
import { idStrOrNull } from '../../lib/ids';
import { toIso } from '../../lib/time';
import { followUpEntries, ownershipEntries, timelinePage, timelineWindow, type TimelinePage, type TimelineWindow } from '../../lib/timeline';

/**
 * One kind of customer timeline entry; other modules register theirs (opportunity stage changes)
 * from their `wire` hook. `scope` is the caller's: the customer is visible to it, but a source
 * whose entries belong to other records (e.g. opportunities) must show only those the scope covers.
 */
export type TimelineSource = (db: Db, corpId: number, customerId: number, opts: TimelineWindow & { scope: DataScope }) => Promise<TimelineItem[]>;

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

const followUpSource: TimelineSource = (db, corpId, customerId, w) => followUpEntries(db, corpId, { customerId }, w, { images: true });

const actionSource: TimelineSource = (db, corpId, customerId, w) => ownershipEntries(db, corpId, { type: 'customer', id: customerId }, w, { actions: ACTION_LABELS });

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

/** Adds a timeline source (e.g. opportunity stage changes) from a module's `wire` hook; idempotent. */
export function registerTimelineSource(source: TimelineSource): void {
  if (!sources.includes(source)) sources.push(source);
}

/** Merges every source newest first (the shared builder, lib/timeline); page with `before` = the previous answer's `nextBefore`. */
export async function customerTimeline(db: Db, scope: DataScope, customerId: number, q: { limit: number; before?: string }): Promise<TimelinePage> {
  const opts = { ...timelineWindow(q), scope };
  return timelinePage(await Promise.all(sources.map((s) => s(db, scope.corpId, customerId, opts))), q.limit, 'asc');
}

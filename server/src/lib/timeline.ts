import { and, desc, eq, lt } from 'drizzle-orm';
import { FOLLOW_UP_TYPE_LABELS, type TimelineItem } from '@scrm/shared';
import type { Db } from '../db/client';
import { followUps, ownershipActions, users } from '../db/schema/index';
import { idStr, idStrOrNull } from './ids';
import { toIso } from './time';

/**
 * The ownership timeline builder shared by the records that have owners and pools (customers,
 * leads): follow-ups, ownership actions (create / claim / return / transfer / reclaim …) and
 * whatever else the record adds, merged newest first and paged with `before`.
 *
 * A record's timeline module calls the entry readers it needs with one `TimelineWindow` and hands
 * the lists to `timelinePage`; record-specific entries (WeCom follow relations, campaign touches,
 * opportunity stage changes) are read by that module and merged the same way.
 */

/** One page's window: at most `limit` entries of each source, strictly older than `before`. */
export interface TimelineWindow {
  limit: number;
  before: Date | null;
}

/** A page of a timeline: `nextBefore` is the `before` of the next page (null on the last). */
export interface TimelinePage {
  items: TimelineItem[];
  nextBefore: string | null;
}

/** The window of a `timelineQuery` (`before` is an ISO time). */
export const timelineWindow = (q: { limit: number; before?: string }): TimelineWindow => ({ limit: q.limit, before: q.before ? new Date(q.before) : null });

/** The record a follow-up hangs on. */
export type FollowUpTarget = { customerId: number } | { leadId: number };

/** Follow-ups of a customer or a lead, newest first; `images` adds the photo list to each entry. */
export async function followUpEntries(db: Db, corpId: number, target: FollowUpTarget, w: TimelineWindow, opts: { images?: boolean } = {}): Promise<TimelineItem[]> {
  const on = 'customerId' in target ? eq(followUps.customerId, target.customerId) : eq(followUps.leadId, target.leadId);
  const rows = await db
    .select({ f: followUps, name: users.name })
    .from(followUps)
    .leftJoin(users, eq(users.id, followUps.authorId))
    .where(and(eq(followUps.corpId, corpId), on, w.before ? lt(followUps.occurredAt, w.before) : undefined))
    .orderBy(desc(followUps.occurredAt))
    .limit(w.limit);
  return rows.map(({ f, name }) => ({
    kind: 'follow_up' as const,
    id: `follow_up:${f.id}`,
    at: toIso(f.occurredAt),
    actorId: idStr(f.authorId),
    actorName: name,
    title: `${FOLLOW_UP_TYPE_LABELS[f.type]}跟进`,
    data: {
      followUpId: idStr(f.id),
      type: f.type,
      content: f.content,
      nextStep: f.nextStep,
      nextFollowUpAt: toIso(f.nextFollowUpAt),
      ...(opts.images ? { images: f.images } : {}),
    },
  }));
}

/** How a record names its ownership actions. */
export interface OwnershipLabels {
  /** Title of each action (`claim` → "从公海领取"); an unknown action shows its code. */
  actions: Record<string, string>;
  /** When given, the rule that caused an action is added to the title ("分配 · 来自活动表单"). */
  rules?: Record<string, string>;
  /** Add `ruleRespected` (whether an assignment honoured the pool's rule) to each entry's data. */
  ruleRespected?: boolean;
}

/** The ownership actions of one record (`ownership_actions`), newest first; `create` is the `created` entry. */
export async function ownershipEntries(
  db: Db,
  corpId: number,
  entity: { type: (typeof ownershipActions.$inferSelect)['entityType']; id: number },
  w: TimelineWindow,
  labels: OwnershipLabels,
): Promise<TimelineItem[]> {
  const rows = await db
    .select({ a: ownershipActions, name: users.name })
    .from(ownershipActions)
    .leftJoin(users, eq(users.id, ownershipActions.actorId))
    .where(
      and(
        eq(ownershipActions.corpId, corpId),
        eq(ownershipActions.entityType, entity.type),
        eq(ownershipActions.entityId, entity.id),
        w.before ? lt(ownershipActions.createdAt, w.before) : undefined,
      ),
    )
    .orderBy(desc(ownershipActions.createdAt))
    .limit(w.limit);
  return rows.map(({ a, name }) => {
    const action = labels.actions[a.action] ?? a.action;
    return {
      kind: a.action === 'create' ? ('created' as const) : ('action' as const),
      id: `action:${a.id}`,
      at: toIso(a.createdAt),
      actorId: idStrOrNull(a.actorId),
      actorName: name ?? (a.actorId ? null : '系统'),
      title: labels.rules ? [action, a.rule && labels.rules[a.rule]].filter(Boolean).join(' · ') : action,
      data: {
        action: a.action,
        fromUserId: idStrOrNull(a.fromUserId),
        toUserId: idStrOrNull(a.toUserId),
        reason: a.reason,
        rule: a.rule,
        ...(labels.ruleRespected ? { ruleRespected: a.ruleRespected } : {}),
      },
    };
  });
}

/**
 * Merges the sources' entries newest first and cuts the page. Entries at the same instant are
 * ordered by their id string, ascending (`ties: 'asc'`, customers) or descending (`'desc'`, leads).
 */
export function timelinePage(sources: TimelineItem[][], limit: number, ties: 'asc' | 'desc'): TimelinePage {
  const all = sources.flat();
  all.sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : ties === 'asc' ? x.id.localeCompare(y.id) : y.id.localeCompare(x.id)));
  const items = all.slice(0, limit);
  return { items, nextBefore: all.length > limit ? items[items.length - 1]!.at : null };
}

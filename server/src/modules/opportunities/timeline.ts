import { and, desc, eq, lt } from 'drizzle-orm';
import { alias } from 'drizzle-orm/mysql-core';
import type { TimelineItem } from '@scrm/shared';
import { opportunities, opportunityStageHistory, stages, users } from '../../db/schema/index';
import { idStr, idStrOrNull } from '../../lib/ids';
import { toIso } from '../../lib/time';
import { registerTimelineSource, type TimelineSource } from '../customers/timeline';
import { opportunityVisibleCondition } from './visibility';

const fromStage = alias(stages, 'from_stage');

/**
 * The customer's opportunities' stage entries, newest first: the first entry of an opportunity
 * (no previous stage) reads as its creation, the others as moves `A → B`. Only opportunities inside
 * the caller's scope: seeing the customer (e.g. as a collaborator) does not open its deals.
 */
export const stageChangeSource: TimelineSource = async (db, corpId, customerId, { limit, before, scope }) => {
  const h = opportunityStageHistory;
  const rows = await db
    .select({ h, oppName: opportunities.name, status: opportunities.status, toName: stages.name, toKind: stages.kind, fromName: fromStage.name, userName: users.name })
    .from(opportunities)
    .innerJoin(h, eq(h.opportunityId, opportunities.id))
    .innerJoin(stages, eq(stages.id, h.toStageId))
    .leftJoin(fromStage, eq(fromStage.id, h.fromStageId))
    .leftJoin(users, eq(users.id, h.userId))
    .where(and(eq(opportunities.corpId, corpId), eq(opportunities.customerId, customerId), opportunityVisibleCondition(scope), before ? lt(h.enteredAt, before) : undefined))
    .orderBy(desc(h.enteredAt), desc(h.id))
    .limit(limit);
  return rows.map(
    (r): TimelineItem => ({
      kind: 'stage_change',
      id: `stage_change:${r.h.id}`,
      at: toIso(r.h.enteredAt),
      actorId: idStrOrNull(r.h.userId),
      actorName: r.userName,
      title: r.fromName == null ? `新建商机「${r.oppName}」（${r.toName}）` : `商机「${r.oppName}」${r.fromName} → ${r.toName}`,
      data: {
        opportunityId: idStr(r.h.opportunityId),
        opportunityName: r.oppName,
        fromStageId: idStrOrNull(r.h.fromStageId),
        fromStageName: r.fromName,
        toStageId: idStr(r.h.toStageId),
        toStageName: r.toName,
        toStageKind: r.toKind,
        note: r.h.note,
      },
    }),
  );
};

let registered = false;
/** Adds opportunity stage changes to the customer timeline (once). */
export function registerStageTimeline(): void {
  if (registered) return;
  registered = true;
  registerTimelineSource(stageChangeSource);
}

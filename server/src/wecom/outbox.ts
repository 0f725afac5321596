import type { TemplateCardMsg, TextCardMsg, TextMsg } from '@scrm/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { wecomOutbox } from '../db/schema/index';

export type { TemplateCardMsg, TextCardMsg, TextMsg };

export interface OutboxMessage {
  /** Local corp id. */
  corpId: number;
  toWecomUserIds: string[];
  message: TextMsg | TextCardMsg | TemplateCardMsg;
  /** At most one message per (corp, dedupeKey), e.g. `approval:42:step:3:user:7`. */
  dedupeKey: string;
  /** Who sent it; `template_card_event` presses are routed back to `source.module`. */
  source?: { module: string; ref: string };
}

/**
 * Queues an app message in the caller's transaction; the outbox worker sends it at least once.
 * A second call with the same dedupeKey adds nothing.
 */
export async function enqueueMessage(db: Db, msg: OutboxMessage): Promise<void> {
  if (msg.toWecomUserIds.length === 0) return;
  const taskId = msg.message.msgtype === 'template_card' ? (msg.message.template_card.task_id ?? null) : null;
  const now = new Date();
  await db
    .insert(wecomOutbox)
    .values({
      corpId: msg.corpId,
      dedupeKey: msg.dedupeKey.slice(0, 191),
      toUsers: msg.toWecomUserIds,
      msgType: msg.message.msgtype,
      message: msg.message as unknown as Record<string, unknown>,
      taskId,
      sourceModule: msg.source?.module ?? null,
      sourceRef: msg.source?.ref ?? null,
      status: 'pending',
      nextAttemptAt: now,
      createdAt: now,
    })
    .onDuplicateKeyUpdate({ set: { id: sql`${wecomOutbox.id}` } });
}

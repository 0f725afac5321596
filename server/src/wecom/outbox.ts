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
  await insertRow(db, msg);
}

async function insertRow(db: Db, msg: OutboxMessage): Promise<void> {
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

/** What a "still wanted?" check sees of an outbox row about to be sent. */
export interface OutboxRowInfo {
  corpId: number;
  msgType: string;
  taskId: string | null;
  sourceRef: string | null;
}
/** Returns why the message is no longer worth sending (it is then marked done, unsent), or null to send it. */
export type OutboxSkipCheck = (db: Db, row: OutboxRowInfo) => Promise<string | null>;
const skipChecks = new Map<string, OutboxSkipCheck>();

/**
 * Lets the module that queued messages (`source.module`) veto one right before the worker sends it,
 * e.g. an approval card whose task was decided meanwhile. Keep it cheap: it runs once per send.
 */
export function onOutboxSend(module: string, check: OutboxSkipCheck): () => void {
  skipChecks.set(module, check);
  return () => {
    if (skipChecks.get(module) === check) skipChecks.delete(module);
  };
}
export function outboxSkipCheck(module: string | null): OutboxSkipCheck | undefined {
  return module ? skipChecks.get(module) : undefined;
}

/** The outbox `msg_type` of a card update (`message/update_template_card`, not `message/send`). */
export const CARD_UPDATE = 'update_template_card';
export interface CardUpdateMsg {
  msgtype: typeof CARD_UPDATE;
  /** The dedupe key of the card's own outbox row: its response_code (from `message/send`) is used. */
  card?: string;
  /** A response_code of a button press (single-use), used instead of the card's. */
  response_code?: string;
  button: { replace_name: string };
}

/**
 * Queues replacing the buttons of a sent button_interaction card with `replaceName` (e.g. "已同意"),
 * in the caller's transaction: it goes out only if the transaction commits, after the card itself.
 */
export async function enqueueCardUpdate(
  db: Db,
  input: { corpId: number; toWecomUserIds: string[]; replaceName: string; dedupeKey: string; card?: string; responseCode?: string; source?: OutboxMessage['source'] },
): Promise<void> {
  if (input.toWecomUserIds.length === 0 || (!input.card && !input.responseCode)) return;
  const message: CardUpdateMsg = {
    msgtype: CARD_UPDATE,
    ...(input.card ? { card: input.card.slice(0, 191) } : {}),
    ...(input.responseCode ? { response_code: input.responseCode } : {}),
    // WeCom shows at most a short label on the replaced button.
    button: { replace_name: input.replaceName.slice(0, 20) },
  };
  await insertRow(db, { ...input, message: message as unknown as OutboxMessage['message'] });
}

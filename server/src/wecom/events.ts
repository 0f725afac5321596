import type { Db } from '../db/client';
import type { AppDeps } from '../http/context';

/** What a handler receives: the local corp id, the decrypted callback (or domain event) fields, a transaction. */
export interface WecomEvent {
  corpId: number;
  /** Callback fields as parsed from the XML (`Event`, `ChangeType`, `UserID`, `ExternalUserID`…), or a domain event's fields. */
  payload: Record<string, any>;
  /** The transaction that also marks the inbox row done: write through it so a crash replays cleanly. */
  db: Db;
  deps: AppDeps;
}
export type WecomEventHandler = (ev: WecomEvent) => Promise<void>;

/** A `template_card_event` routed to the module that sent the card. */
export interface TemplateCardEvent extends WecomEvent {
  taskId: string;
  eventKey: string;
  responseCode: string | null;
  /** The WeCom user who pressed the button. */
  fromWecomUserId: string;
  /** The outbox row's `source` when the card went out through `enqueueMessage`. */
  source: { module: string; ref: string } | null;
}
export type TemplateCardHandler = (ev: TemplateCardEvent) => Promise<void>;

const handlers = new Map<string, WecomEventHandler[]>();
const cardHandlers = new Map<string, TemplateCardHandler>();

/**
 * Registers a handler for a callback kind — `Event` (`template_card_event`), `Event:ChangeType`
 * (`change_external_contact:add_external_contact`) — or a domain event (`external_contact.added`).
 * Handlers of `Event` see every change type. Returns an unregister function (tests).
 * Handlers must be idempotent: an event may be delivered more than once.
 */
export function onWecomEvent(kind: string, handler: WecomEventHandler): () => void {
  const list = handlers.get(kind) ?? [];
  list.push(handler);
  handlers.set(kind, list);
  return () => {
    const i = list.indexOf(handler);
    if (i >= 0) list.splice(i, 1);
  };
}

/**
 * Routes button presses on template cards to `module`: cards sent with `source.module === module`,
 * or whose task_id starts with `${module}:` / `${module}_` / `${module}-`.
 */
export function onTemplateCardEvent(module: string, handler: TemplateCardHandler): () => void {
  cardHandlers.set(module, handler);
  return () => {
    if (cardHandlers.get(module) === handler) cardHandlers.delete(module);
  };
}

/** Runs every handler of `kind` in order (the first failure aborts, so the event is retried). */
export async function emitWecomEvent(kind: string, ev: WecomEvent): Promise<number> {
  const list = [...(handlers.get(kind) ?? [])];
  for (const h of list) await h(ev);
  return list.length;
}

/** Dispatches a callback to `Event` handlers, then `Event:ChangeType` handlers. */
export async function dispatchCallback(ev: WecomEvent): Promise<void> {
  const event = String(ev.payload.Event ?? ev.payload.MsgType ?? '');
  await emitWecomEvent(event, ev);
  if (ev.payload.ChangeType) await emitWecomEvent(`${event}:${String(ev.payload.ChangeType)}`, ev);
}

/** The module a card belongs to: its outbox source, else the task_id prefix. */
export function cardHandlerFor(taskId: string, sourceModule: string | null): TemplateCardHandler | undefined {
  if (sourceModule && cardHandlers.has(sourceModule)) return cardHandlers.get(sourceModule);
  const prefix = /^([A-Za-z0-9.]+)[:_-]/.exec(taskId)?.[1];
  return prefix ? cardHandlers.get(prefix) : undefined;
}

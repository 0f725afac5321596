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
  /**
   * Outbound reads (WeCom API calls) by key, memoised for this processing attempt: what a
   * prefetcher fetched before the transaction is served from here, and a deadlock retry of the
   * transaction never calls WeCom again. Absent for domain events emitted outside the inbox.
   */
  remote?: RemoteMemo;
}
/** Fetches `key` once per processing attempt. */
export type RemoteMemo = <T>(key: string, fetch: () => Promise<T>) => Promise<T>;
/** Runs before the event's transaction opens, to make its WeCom calls outside it (through `remote`). */
export type WecomPrefetcher = (ev: { deps: AppDeps; payload: Record<string, any>; remote: RemoteMemo }) => Promise<void>;
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
const prefetchers = new Map<string, WecomPrefetcher[]>();

/**
 * Registers the outbound reads an event kind needs (same kinds as `onWecomEvent`). They run before
 * the handlers' transaction, so no WeCom call happens while a database transaction is open; the
 * handler gets the results through `ev.remote` with the same key. A failure fails the attempt.
 */
export function onWecomPrefetch(kind: string, prefetch: WecomPrefetcher): () => void {
  const list = prefetchers.get(kind) ?? [];
  list.push(prefetch);
  prefetchers.set(kind, list);
  return () => {
    const i = list.indexOf(prefetch);
    if (i >= 0) list.splice(i, 1);
  };
}

/** Runs the prefetchers of a callback's `Event` and `Event:ChangeType`. */
export async function prefetchForEvent(ev: Parameters<WecomPrefetcher>[0]): Promise<void> {
  const event = String(ev.payload.Event ?? ev.payload.MsgType ?? '');
  const kinds = ev.payload.ChangeType ? [event, `${event}:${String(ev.payload.ChangeType)}`] : [event];
  for (const kind of kinds) for (const p of prefetchers.get(kind) ?? []) await p(ev);
}
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

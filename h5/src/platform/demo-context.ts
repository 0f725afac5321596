import type { EntryType } from './types';

/**
 * The chat context a plain-browser demo pretends to be in. WeCom gives it to a real sidebar; the
 * demo takes it from the URL (`?entry=single_chat_tools&externalUserId=wm…`) so a link can open
 * the sidebar "for" a given customer.
 */
export interface DemoContext {
  entry: EntryType;
  externalUserId?: string;
  chatId?: string;
}

export const DEMO_CONTEXT_STORAGE_KEY = 'scrm.demoContext';

const ID_PATTERN = /^[A-Za-z0-9_\-.@]{1,128}$/;

function cleanId(value: string | null): string | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  return ID_PATTERN.test(trimmed) ? trimmed : undefined;
}

/**
 * Reads the demo context from a query string. Returns null when the query says nothing about it,
 * so a stored context survives in-app navigation to pages without those parameters.
 */
export function parseDemoContext(search: string): DemoContext | null {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const rawEntry = params.get('entry');
  const externalUserId = cleanId(params.get('externalUserId'));
  const chatId = cleanId(params.get('chatId'));
  if (rawEntry === null && !externalUserId && !chatId) return null;

  let entry: EntryType = rawEntry && /^[a-z_]{1,40}$/.test(rawEntry) ? rawEntry : 'normal';
  // A contact id alone implies a single chat, a chat id alone a group chat: the shortest demo link works.
  if (rawEntry === null) entry = externalUserId ? 'single_chat_tools' : 'group_chat_tools';
  const context: DemoContext = { entry };
  if (externalUserId) context.externalUserId = externalUserId;
  if (chatId) context.chatId = chatId;
  return context;
}

/** Validates a context read back from storage (it may be stale or hand-edited). */
export function reviveDemoContext(raw: unknown): DemoContext | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const value = raw as Record<string, unknown>;
  if (typeof value.entry !== 'string') return null;
  const context: DemoContext = { entry: value.entry };
  if (typeof value.externalUserId === 'string' && ID_PATTERN.test(value.externalUserId)) {
    context.externalUserId = value.externalUserId;
  }
  if (typeof value.chatId === 'string' && ID_PATTERN.test(value.chatId)) context.chatId = value.chatId;
  return context;
}

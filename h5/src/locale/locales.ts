/** The UI languages we ship; Simplified Chinese first because it is the default. */
export const LOCALES = ['zh-Hans', 'en'] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = 'zh-Hans';
/** Storage key of the chosen language (kept across sessions and sign-outs). */
export const LOCALE_STORAGE_KEY = 'scrm.locale';

/**
 * Maps whatever was stored (or an older/foreign tag such as `zh-CN`, `en-US`) onto a shipped
 * locale, so a bad or stale value never leaves the UI without texts.
 */
export function normalizeLocale(raw: unknown): AppLocale {
  if (typeof raw !== 'string') return DEFAULT_LOCALE;
  const tag = raw.trim().toLowerCase();
  if (tag === 'en' || tag.startsWith('en-') || tag.startsWith('en_')) return 'en';
  return DEFAULT_LOCALE;
}

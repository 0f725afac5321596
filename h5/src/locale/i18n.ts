import { createI18n } from 'vue-i18n';
import { compileMessage } from './compile';
import zhHans, { type MessageSchema } from './zh-Hans';
import en from './en';
import { DEFAULT_LOCALE, type AppLocale } from './locales';

/** The one vue-i18n instance; the locale store switches its `locale`. */
export const i18n = createI18n<[MessageSchema], AppLocale, false>({
  legacy: false,
  locale: DEFAULT_LOCALE,
  fallbackLocale: DEFAULT_LOCALE,
  messages: { 'zh-Hans': zhHans, en },
  // Ours, not vue-i18n's: the H5 build ships vue-i18n's runtime-only build (see vite.config.ts).
  messageCompiler: compileMessage,
});

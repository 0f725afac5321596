import { useI18n } from 'vue-i18n';
import { useErrorText } from './useErrorText';
import { useLocalizedPage } from './useLocalizedPage';
import { useSignedInPage } from './useSignedInPage';

/**
 * The preamble of every signed-in page, in one call: translations, the error text of a failure,
 * the session (resolved on show; signed out → sign-in) and the page title in the current language.
 * Call a module's `ensure…Messages()` before it. Put `status` / `lastError` / `retry` on the page's
 * `<SessionGate>`.
 *
 * ```ts
 * ensureExpenseMessages();
 * const { t, errorText, me, status, lastError, retry } = usePage('expenses.title.list');
 * ```
 */
export function usePage(titleKey: string, options: { tabPage?: boolean } = {}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { me, status, lastError, retry } = useSignedInPage();
  useLocalizedPage(titleKey, options);
  return { t, errorText, me, status, lastError, retry };
}

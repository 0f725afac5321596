import { useI18n } from 'vue-i18n';
import { isApiError } from '@/api/errors';
import { PlatformError } from '@/platform/types';

/**
 * One sentence for an error, for toasts and error states. The server's message is already a
 * human sentence (in Chinese); network failures get a localised one.
 */
export function useErrorText(): (error: unknown) => string {
  const { t } = useI18n();
  return (error: unknown) => {
    if (isApiError(error)) return error.status === 0 ? t('common.networkError') : error.message;
    if (error instanceof PlatformError || error instanceof Error) return error.message;
    return String(error ?? '');
  };
}

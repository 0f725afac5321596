import { defineStore } from 'pinia';
import { ref } from 'vue';
import { i18n } from '@/locale/i18n';
import { LOCALE_STORAGE_KEY, normalizeLocale, type AppLocale } from '@/locale/locales';

function readStoredLocale(): AppLocale {
  try {
    return normalizeLocale(uni.getStorageSync(LOCALE_STORAGE_KEY));
  } catch {
    // Storage can be unavailable (private mode); Chinese is the safe default.
    return normalizeLocale(undefined);
  }
}

/** The UI language: read from storage at start-up, persisted on every change. */
export const useLocaleStore = defineStore('locale', () => {
  const locale = ref<AppLocale>(readStoredLocale());
  i18n.global.locale.value = locale.value;

  function setLocale(next: AppLocale | string): void {
    const normalized = normalizeLocale(next);
    locale.value = normalized;
    i18n.global.locale.value = normalized;
    try {
      uni.setStorageSync(LOCALE_STORAGE_KEY, normalized);
    } catch {
      // Not persisting only costs the choice on the next visit; the switch itself still works.
    }
  }

  return { locale, setLocale };
});

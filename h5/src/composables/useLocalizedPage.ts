import { onShow } from '@dcloudio/uni-app';
import { watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { TAB_PAGES } from '@/navigation';
import { useLocaleStore } from '@/stores/locale';

/**
 * Keeps the host's chrome in the current language: the page title (the H5 document title, which
 * WeCom shows in its own title bar) and, on tab pages, the tab-bar texts. pages.json can only
 * hold one language, so these are set at run time on every show and on every language switch.
 */
export function useLocalizedPage(titleKey: string, options: { tabPage?: boolean } = {}): void {
  const { t } = useI18n();
  const localeStore = useLocaleStore();

  function apply(): void {
    uni.setNavigationBarTitle({ title: t(titleKey), fail: () => undefined });
    if (!options.tabPage) return;
    TAB_PAGES.forEach((tab, index) => {
      // Only valid while a tab page is shown; failures (e.g. during a page switch) are harmless
      // because the next tab page's onShow sets the texts again.
      uni.setTabBarItem({ index, text: t(tab.textKey), fail: () => undefined });
    });
  }

  onShow(apply);
  watch(() => localeStore.locale, apply);
}

import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '@/locale/i18n';
import { LOCALE_STORAGE_KEY, normalizeLocale } from '@/locale/locales';
import { installFakeUni, type FakeUni } from '@/test/fake-uni';
import { useLocaleStore } from './locale';

describe('normalizeLocale', () => {
  it('maps English tags to en and everything else to Simplified Chinese', () => {
    expect(normalizeLocale('en')).toBe('en');
    expect(normalizeLocale('en-US')).toBe('en');
    expect(normalizeLocale('EN_gb')).toBe('en');
    expect(normalizeLocale('zh-Hans')).toBe('zh-Hans');
    expect(normalizeLocale('zh-CN')).toBe('zh-Hans');
    expect(normalizeLocale('fr')).toBe('zh-Hans');
    expect(normalizeLocale('')).toBe('zh-Hans');
    expect(normalizeLocale(42)).toBe('zh-Hans');
  });
});

describe('useLocaleStore', () => {
  let fake: FakeUni;
  beforeEach(() => {
    fake = installFakeUni();
    setActivePinia(createPinia());
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('starts in Simplified Chinese when nothing is stored', () => {
    const store = useLocaleStore();
    expect(store.locale).toBe('zh-Hans');
    expect(i18n.global.t('tabbar.me')).toBe('我的');
  });

  it('restores the stored language', () => {
    fake.storage.set(LOCALE_STORAGE_KEY, 'en');
    const store = useLocaleStore();
    expect(store.locale).toBe('en');
    expect(i18n.global.t('tabbar.me')).toBe('Me');
  });

  it('switches the texts and persists the choice', () => {
    const store = useLocaleStore();
    store.setLocale('en');
    expect(i18n.global.t('me.logout')).toBe('Sign out');
    expect(fake.storage.get(LOCALE_STORAGE_KEY)).toBe('en');
    store.setLocale('zh-Hans');
    expect(i18n.global.t('me.logout')).toBe('退出登录');
    expect(fake.storage.get(LOCALE_STORAGE_KEY)).toBe('zh-Hans');
  });

  it('ignores a stored value it does not know', () => {
    fake.storage.set(LOCALE_STORAGE_KEY, 'klingon');
    expect(useLocaleStore().locale).toBe('zh-Hans');
  });
});

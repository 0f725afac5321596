/** Page paths in one place, so a rename touches one file. */
export const PAGES = {
  login: '/pages/login/login',
  workbench: '/pages/workbench/workbench',
  customers: '/pages/customers/customers',
  opportunities: '/pages/opportunities/opportunities',
  me: '/pages/me/me',
} as const;

const ignore = (): void => undefined;

/** Opens a tab page (tab pages can't be pushed onto the stack). */
export function openTab(path: string): void {
  uni.switchTab({ url: path, fail: ignore });
}

/** Tab pages in tab-bar order; their texts are set at run time for the current language. */
export const TAB_PAGES = [
  { path: PAGES.workbench, textKey: 'tabbar.workbench' },
  { path: PAGES.customers, textKey: 'tabbar.customers' },
  { path: PAGES.opportunities, textKey: 'tabbar.opportunities' },
  { path: PAGES.me, textKey: 'tabbar.me' },
] as const;

/**
 * Accepts only in-app paths as a post-login target: an absolute path under /pages/ that is not the
 * login page. Anything else (another origin, `//host`, a script URL) falls back to the workbench,
 * so the `redirect` parameter can't be used to bounce users off-site.
 */
export function safeRedirect(raw: unknown): string {
  if (typeof raw !== 'string' || raw === '') return PAGES.workbench;
  let target = raw;
  try {
    target = decodeURIComponent(raw);
  } catch {
    return PAGES.workbench;
  }
  if (!target.startsWith('/pages/') || target.startsWith(PAGES.login)) return PAGES.workbench;
  if (/[\s\\]/.test(target)) return PAGES.workbench;
  return target;
}

/** The mini program's current page as `/route?query`. */
function currentMiniProgramPage(): string {
  const pages = getCurrentPages();
  const page = pages[pages.length - 1] as (Page.PageInstance & { options?: Record<string, string> }) | undefined;
  if (!page?.route) return PAGES.workbench;
  const query = Object.entries(page.options ?? {})
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return `/${page.route}${query ? `?${query}` : ''}`;
}

/** The current page as `/route?query`, to come back to after sign-in. */
export function currentPagePath(): string {
  // #ifdef H5
  // In history mode the address bar is the truth; getCurrentPages() is still empty while the
  // first page's onShow runs, which is exactly when a 401 on launch needs this.
  if (typeof window !== 'undefined') return `${window.location.pathname}${window.location.search}`;
  // #endif
  return currentMiniProgramPage();
}

/** True on the sign-in page, which is also the entry page (`/` on H5). */
export function isOnLoginPage(): boolean {
  const path = currentPagePath().split('?')[0];
  return path === '/' || path === PAGES.login;
}

/** Replaces the whole page stack with sign-in, remembering where to come back to. */
export function goToLogin(redirect: string = currentPagePath()): void {
  const target = safeRedirect(redirect);
  // A `fail` callback keeps uni from returning a promise whose rejection nobody awaits; a
  // superseded navigation (two 401s at launch) is harmless.
  uni.reLaunch({ url: `${PAGES.login}?redirect=${encodeURIComponent(target)}`, fail: ignore });
}

/** After sign-in: open the remembered page (tab pages included) with a fresh stack. */
export function goAfterLogin(redirect: unknown): void {
  uni.reLaunch({ url: safeRedirect(redirect), fail: ignore });
}

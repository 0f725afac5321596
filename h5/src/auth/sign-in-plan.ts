import type { AppInfo } from '@scrm/shared';
import type { PlatformKind } from '@/platform/types';

/** How this client signs in, decided from where it runs and what the server allows. */
export type SignInPlan =
  | { kind: 'wecom-oauth'; url: string }
  | { kind: 'wecom-mp' }
  | { kind: 'dev-picker' }
  | { kind: 'open-in-wecom' };

/**
 * Inside WeCom the user is already known to WeCom, so we never show a picker there: H5 goes
 * through OAuth (the server sets a cookie and sends the browser back to `redirect`), the mini
 * program through `wx.qy.login`. A plain browser can only use the demo picker, and only when the
 * server runs in demo/test mode.
 */
export function planSignIn(platform: PlatformKind, appInfo: Pick<AppInfo, 'devLogin' | 'oauthStartPath'>, redirect: string): SignInPlan {
  if (platform === 'wecom-mp') return { kind: 'wecom-mp' };
  if (platform === 'wecom-h5') {
    const separator = appInfo.oauthStartPath.includes('?') ? '&' : '?';
    return { kind: 'wecom-oauth', url: `${appInfo.oauthStartPath}${separator}redirect=${encodeURIComponent(redirect)}` };
  }
  return appInfo.devLogin ? { kind: 'dev-picker' } : { kind: 'open-in-wecom' };
}

/** Storage key of the last OAuth hop, to stop a redirect loop when OAuth keeps failing. */
export const OAUTH_ATTEMPT_KEY = 'scrm.oauthAttemptAt';
/** An OAuth round trip that came back without a session this soon is treated as failed. */
export const OAUTH_RETRY_AFTER_MS = 30_000;

export function oauthRecentlyAttempted(lastAttemptAt: unknown, now: number): boolean {
  return typeof lastAttemptAt === 'number' && now - lastAttemptAt >= 0 && now - lastAttemptAt < OAUTH_RETRY_AFTER_MS;
}

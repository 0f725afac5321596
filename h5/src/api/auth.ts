import type { AppInfo, DevUser, Me } from '@scrm/shared';
import { request } from './request';

/** `GET /api/app-info`: public facts needed before sign-in (mode, whether dev login exists, OAuth entry). */
export function getAppInfo(): Promise<AppInfo> {
  return request<AppInfo>('/api/app-info');
}

/** `GET /api/auth/dev-users`: demo accounts for the picker (demo/test mode only). */
export function listDevUsers(): Promise<DevUser[]> {
  return request<DevUser[]>('/api/auth/dev-users');
}

/** `POST /api/auth/dev-login`: signs in as a demo user without WeCom. */
export function devLogin(wecomUserId: string): Promise<{ token: string }> {
  return request<{ token: string }>('/api/auth/dev-login', { method: 'POST', body: { wecomUserId } });
}

/** `POST /api/auth/mp-login`: exchanges a `wx.qy.login` code for a session token. */
export function mpLogin(code: string): Promise<{ token: string }> {
  return request<{ token: string }>('/api/auth/mp-login', { method: 'POST', body: { code } });
}

/** `GET /api/me`: the signed-in user. */
export function getMe(): Promise<Me> {
  return request<Me>('/api/me');
}

/** `POST /api/auth/logout`: revokes the current session (cookie and token alike). */
export function logout(): Promise<void> {
  return request<void>('/api/auth/logout', { method: 'POST' });
}

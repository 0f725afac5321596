import { baseUrl } from './browser';

/** Signs in through the dev login and returns a bearer token (test mode only). */
export async function devToken(wecomUserId: string): Promise<string> {
  const res = await fetch(`${baseUrl()}/api/auth/dev-login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ wecomUserId }),
  });
  if (!res.ok) throw new Error(`dev-login ${wecomUserId}: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** Calls the API as the token's user; rejects with the status and body on anything but 2xx. */
export async function api<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Makes sure the emulator's demo external contacts (`wm_demo_<rep>_<n>`) are in the CRM: a full
 * WeCom sync as the admin, the same thing an operator does after installing the app.
 */
export async function syncWecom(): Promise<void> {
  await api(await devToken('demo.admin'), 'POST', '/api/wecom/sync', {});
}

/** A suffix that keeps names unique across runs against one database. */
export const runTag = (): string => Date.now().toString(36).slice(-5);

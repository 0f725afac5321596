import { ApiError, networkError, toApiError } from './errors';
import { getToken } from './token';

export { ApiError } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: HttpMethod;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Milliseconds before giving up; the WeCom sidebar must not hang on a dead network. */
  timeout?: number;
  /**
   * Sent as `Idempotency-Key` so a write retried after a lost answer (flaky mobile network) is
   * replayed by the server instead of applied twice. Generate one per user action.
   */
  idempotencyKey?: string;
}

/**
 * The API origin. Empty on H5: the server serves the app, so requests stay same-origin and the
 * session cookie from WeCom OAuth rides along. The mini program has no origin and needs
 * `VITE_API_BASE` (e.g. https://scrm.example.com).
 */
export function apiBase(): string {
  const configured = import.meta.env.VITE_API_BASE;
  return typeof configured === 'string' ? configured.replace(/\/+$/, '') : '';
}

/** Builds `path?query`, dropping empty values so optional filters can be passed as-is. */
export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  }
  const qs = pairs.join('&');
  return `${apiBase()}${path}${qs ? (path.includes('?') ? '&' : '?') + qs : ''}`;
}

type UnauthorizedHandler = (error: ApiError) => void;
let unauthorizedHandler: UnauthorizedHandler | undefined;

/**
 * Registers what happens on any 401 (the app sends the user to sign-in). Kept as a hook so this
 * module stays free of navigation and UI.
 */
export function onUnauthorized(handler: UnauthorizedHandler | undefined): void {
  unauthorizedHandler = handler;
}

/**
 * Calls the API and resolves with the parsed JSON body of a 2xx answer. Anything else rejects
 * with an ApiError; showing it is the caller's job (this module never toasts).
 */
export function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let method = options.method ?? 'GET';
  const header: Record<string, string> = { Accept: 'application/json' };
  // #ifdef MP-WEIXIN
  // wx.request has no PATCH; tunnel it through POST with the conventional override header.
  if (method === 'PATCH') {
    method = 'POST';
    header['X-HTTP-Method-Override'] = 'PATCH';
  }
  // #endif
  const token = getToken();
  if (token) header.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) header['Content-Type'] = 'application/json';
  if (options.idempotencyKey) header['Idempotency-Key'] = options.idempotencyKey;

  return new Promise<T>((resolve, reject) => {
    uni.request({
      url: buildUrl(path, options.query),
      // uni's typings omit PATCH although uni-h5 accepts it.
      method: method as UniApp.RequestOptions['method'],
      header,
      // uni.request would serialise an object as a query string on GET; we only send bodies on writes.
      data: options.body === undefined ? undefined : (options.body as UniApp.RequestOptions['data']),
      dataType: 'json',
      timeout: options.timeout ?? 15000,
      success(res) {
        if (res.statusCode >= 200 && res.statusCode < 300) {
          resolve((res.data === '' ? undefined : res.data) as T);
          return;
        }
        const error = toApiError(res.statusCode, res.data);
        if (error.status === 401) unauthorizedHandler?.(error);
        reject(error);
      },
      fail(err) {
        reject(networkError(err.errMsg));
      },
    });
  });
}

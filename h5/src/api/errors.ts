/**
 * Every failed API call rejects with this: the server's `{"error":{code,message,details}}`
 * when it sent one, otherwise a code derived from the HTTP status. `status` 0 means the request
 * never got an answer (offline, DNS, timeout).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Codes used when the body carries no `error.code` (proxy pages, empty 502s…). */
const CODE_BY_STATUS: Record<number, string> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  429: 'rate_limited',
  503: 'service_unavailable',
};

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Turns a non-2xx answer into an ApiError, trusting the server's error body only when it has the contract's shape. */
export function toApiError(status: number, body: unknown): ApiError {
  const parsed = parseBody(body);
  const error = isRecord(parsed) && isRecord(parsed.error) ? parsed.error : undefined;
  const code =
    error && typeof error.code === 'string' && error.code !== ''
      ? error.code
      : (CODE_BY_STATUS[status] ?? (status >= 500 ? 'server_error' : 'http_error'));
  const message =
    error && typeof error.message === 'string' && error.message !== '' ? error.message : `HTTP ${status}`;
  return new ApiError(status, code, message, error?.details);
}

/** A request that got no HTTP answer at all. */
export function networkError(reason: string | undefined): ApiError {
  const timedOut = typeof reason === 'string' && /timeout/i.test(reason);
  return new ApiError(0, timedOut ? 'timeout' : 'network_error', reason || 'network error');
}

/** Narrowing helper for catch blocks in UI code. */
export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

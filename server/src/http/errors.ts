import type { FieldIssue } from '@scrm/shared';

/** An error meant for the client: HTTP status, stable snake_case code, human (Chinese) message. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Error factories with stable codes; modules add their own rule codes through `conflict(code,…)`. */
export const errors = {
  validation: (issues: FieldIssue[], message = '提交的数据有误，请检查标出的字段') =>
    new AppError(400, 'validation_failed', message, issues),
  badRequest: (code: string, message: string, details?: unknown) => new AppError(400, code, message, details),
  invalidJson: () => new AppError(400, 'invalid_json', '请求体不是合法的 JSON'),
  unauthenticated: (message = '请先登录') => new AppError(401, 'unauthenticated', message),
  forbidden: (message = '没有权限执行此操作') => new AppError(403, 'forbidden', message),
  notFound: (what = '记录') => new AppError(404, 'not_found', `${what}不存在或无权查看`),
  routeNotFound: () => new AppError(404, 'not_found', '接口不存在'),
  conflict: (code: string, message: string, details?: unknown) => new AppError(409, code, message, details),
  payloadTooLarge: (message = '请求体过大（上限 1 MB）') => new AppError(413, 'payload_too_large', message),
  unsupportedMediaType: (message = '不支持的内容类型') => new AppError(415, 'unsupported_media_type', message),
  rateLimited: (message = '操作太频繁，请稍后再试') => new AppError(429, 'rate_limited', message),
  dbUnavailable: () => new AppError(503, 'database_unavailable', '数据库暂时不可用，请稍后重试'),
};

const DB_DOWN_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'PROTOCOL_CONNECTION_LOST',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'ER_CON_COUNT_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'ER_SERVER_SHUTDOWN',
]);

/** True when the error means the database cannot be reached (→ 503, not 500). */
export function isDatabaseDown(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && DB_DOWN_CODES.has(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** The mysql2 error code of an error or its cause (drizzle wraps driver errors). */
export function sqlErrorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ER_')) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** True for a duplicate-key violation (unique index). */
export const isDuplicateKey = (err: unknown) => sqlErrorCode(err) === 'ER_DUP_ENTRY';

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
  dbBusy: () => new AppError(503, 'database_busy', '系统繁忙，请稍后重试'),
};

const DB_DOWN_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ER_CON_COUNT_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_QUIT',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
  'DB_STATEMENT_TIMEOUT',
]);
/** Codes meaning the database works but is too contended right now (→ 503 database_busy). */
const DB_BUSY_CODES = new Set(['DB_ACQUIRE_TIMEOUT', 'ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

/** The error and its `cause` chain (drizzle wraps driver errors; AggregateError lists several). */
function* errorChain(err: unknown): Generator<Record<string, unknown>> {
  const seen = new Set<unknown>();
  const queue: unknown[] = [err];
  while (queue.length && seen.size < 16) {
    const e = queue.shift();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    yield e as Record<string, unknown>;
    queue.push((e as { cause?: unknown }).cause);
    const inner = (e as { errors?: unknown }).errors;
    if (Array.isArray(inner)) queue.push(...inner);
  }
}

/**
 * True when the error means the database cannot be reached (→ 503, not 500): a connection error
 * anywhere in the cause chain, a statement that timed out, or mysql2's fatal "connection is in
 * closed state" — what drizzle throws when the rollback after a lost connection fails and
 * replaces the original error.
 */
export function isDatabaseDown(err: unknown): boolean {
  for (const e of errorChain(err)) {
    const code = e.code;
    if (typeof code === 'string' && DB_DOWN_CODES.has(code)) return true;
    if (e.fatal === true) return true;
    if (typeof e.message === 'string' && /connection is in closed state|Can't write in closed state|Connection lost: The server closed the connection/.test(e.message)) return true;
  }
  return false;
}

/** True when the database is up but too contended: no free connection in time, or lock retries ran out. */
export function isDatabaseBusy(err: unknown): boolean {
  for (const e of errorChain(err)) {
    const code = e.code;
    if (typeof code === 'string' && DB_BUSY_CODES.has(code)) return true;
  }
  return false;
}

/**
 * One line for logs and `last_error`: the message plus every cause's code, errno and sqlMessage
 * (drizzle's "Failed query: …" keeps the real MySQL error in `cause`). Statement parameters are
 * cut off: they carry user data and possibly secrets.
 */
export function describeError(err: unknown): string {
  const parts: string[] = [];
  for (const e of errorChain(err)) {
    let message = typeof e.message === 'string' ? e.message : String(e);
    message = message.replace(/\nparams:[\s\S]*$/, '').replace(/\s+/g, ' ').trim();
    const tags = [e.code, e.errno, e.sqlState].filter((v) => v !== undefined && v !== null && v !== '').join(' ');
    const sqlMessage = typeof e.sqlMessage === 'string' && !message.includes(e.sqlMessage) ? ` ${e.sqlMessage}` : '';
    parts.push(`${tags ? `[${tags}] ` : ''}${message}${sqlMessage}`.slice(0, 600));
  }
  if (!parts.length) parts.push(String(err));
  return parts.join(' <- caused by: ');
}

/** The mysql2 error code of an error or its cause (drizzle wraps driver errors). */
export function sqlErrorCode(err: unknown): string | undefined {
  for (const e of errorChain(err)) {
    const code = e.code;
    if (typeof code === 'string' && code.startsWith('ER_')) return code;
  }
  return undefined;
}

/** True for a duplicate-key violation (unique index). */
export const isDuplicateKey = (err: unknown) => sqlErrorCode(err) === 'ER_DUP_ENTRY';

import { pino, type Logger } from 'pino';
import { describeError } from './http/errors';

/** Paths never written to logs: secrets, tokens, cookies, WeCom credentials. */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.secret',
  '*.token',
  '*.accessToken',
  '*.access_token',
  '*.corpsecret',
  '*.sessionSecret',
  '*.encodingAesKey',
  '*.ticket',
];

/**
 * Errors with their cause chain (code, errno, sqlMessage of the real MySQL error that drizzle
 * wraps) in one message; statement parameters and the message lines of the stack are left out,
 * they may carry user data or secrets.
 */
export function serializeError(err: unknown): Record<string, unknown> {
  if (!err || typeof err !== 'object') return { message: String(err) };
  const e = err as { name?: string; code?: unknown; stack?: string };
  return {
    type: e.name ?? 'Error',
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    message: describeError(err),
    stack: (e.stack ?? '')
      .split('\n')
      .filter((l) => /^\s+at /.test(l))
      .slice(0, 10)
      .join('\n'),
  };
}

/** Creates the process logger (JSON lines on stdout). */
export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' }, base: undefined, serializers: { err: serializeError } });
}
export type { Logger };

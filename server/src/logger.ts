import { pino, type Logger } from 'pino';

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

/** Creates the process logger (JSON lines on stdout). */
export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' }, base: undefined });
}
export type { Logger };

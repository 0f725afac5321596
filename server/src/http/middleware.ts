import { randomUUID } from 'node:crypto';
import type { Context, Next } from 'koa';
import type { Logger } from '../logger';
import { AppError, errors, isDatabaseBusy, isDatabaseDown } from './errors';

const REQUEST_ID_RE = /^[A-Za-z0-9._-]{1,64}$/;

/** Gives every request an id (from X-Request-Id when sane), a child logger, and an access log line. */
export function requestContext(logger: Logger) {
  return async (ctx: Context, next: Next) => {
    const incoming = ctx.get('x-request-id');
    const requestId = REQUEST_ID_RE.test(incoming) ? incoming : randomUUID();
    const log = logger.child({ reqId: requestId });
    ctx.state.requestId = requestId;
    ctx.state.log = log;
    ctx.set('X-Request-Id', requestId);
    const started = performance.now();
    try {
      await next();
    } finally {
      const ms = Math.round((performance.now() - started) * 10) / 10;
      if (ctx.path !== '/healthz') {
        log.info({ method: ctx.method, path: ctx.path, status: ctx.status, ms }, 'request');
      }
    }
  };
}

/** Writes every failure in the contract's error shape; unknown errors are logged and hidden as internal_error. */
export function errorHandler() {
  return async (ctx: Context, next: Next) => {
    try {
      await next();
    } catch (err) {
      let appErr: AppError;
      if (err instanceof AppError) {
        appErr = err;
      } else if (isDatabaseDown(err)) {
        appErr = errors.dbUnavailable();
        (ctx.state.log as Logger | undefined)?.warn({ err }, 'database unavailable');
      } else if (isDatabaseBusy(err)) {
        appErr = errors.dbBusy();
        (ctx.state.log as Logger | undefined)?.warn({ err }, 'database busy');
      } else if ((err as { status?: number }).status === 413 || (err as { type?: string }).type === 'entity.too.large') {
        appErr = errors.payloadTooLarge();
      } else {
        (ctx.state.log as Logger | undefined)?.error({ err }, 'unhandled error');
        appErr = new AppError(500, 'internal_error', '服务器内部错误，请稍后重试');
      }
      ctx.status = appErr.status;
      ctx.type = 'application/json';
      ctx.body = {
        error: { code: appErr.code, message: appErr.message, ...(appErr.details !== undefined ? { details: appErr.details } : {}) },
      };
    }
  };
}

/** Conservative security headers on every answer. */
export function securityHeaders() {
  return async (ctx: Context, next: Next) => {
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Referrer-Policy', 'strict-origin-when-cross-origin');
    await next();
  };
}

const OVERRIDABLE = new Set(['PATCH', 'PUT', 'DELETE']);

/**
 * The mini program's wx.request has no PATCH: it sends POST with `X-HTTP-Method-Override`.
 * Only POST may be overridden, and only into PATCH/PUT/DELETE, before routing.
 */
export function methodOverride() {
  return async (ctx: Context, next: Next) => {
    if (ctx.method === 'POST') {
      const wanted = ctx.get('x-http-method-override').toUpperCase();
      if (OVERRIDABLE.has(wanted)) ctx.method = wanted;
    }
    await next();
  };
}

import { fileURLToPath } from 'node:url';
import Koa from 'koa';
import Router from '@koa/router';
import { sql } from 'drizzle-orm';
import type { AppDeps } from './http/context';
import { poolHealth } from './db/client';
import { AppError, errors, isDatabaseBusy } from './http/errors';
import { errorHandler, methodOverride, requestContext, securityHeaders } from './http/middleware';
import { buildOpenApi } from './http/openapi';
import { mountRoutes, type RouteSpec } from './http/route';
import { serveH5 } from './http/static';
import { modules, wireModules } from './modules/index';

const DEFAULT_H5_DIST = fileURLToPath(new URL('../../h5/dist/build/h5', import.meta.url));

/** Builds the Koa application (no listening); used by main.ts and the integration tests. */
export function createApp(deps: AppDeps): Koa {
  // Forwarded headers are only believed behind a proxy the operator declared: otherwise any
  // client could pick its own IP (rate limits) or claim https.
  const app = new Koa({ proxy: deps.config.trustProxy });
  app.keys = [deps.config.sessionSecret];
  app.silent = true;
  app.use(requestContext(deps.logger));
  app.use(errorHandler());
  app.use(securityHeaders());
  app.use(methodOverride());

  const router = new Router();
  // Liveness: the process answers, and its pool is not wedged — every connection held far longer
  // than any statement may run while callers wait (connections held by flows waiting on each
  // other; only a restart frees them). A database outage is not a wedge: timed-out statements
  // drop their connections, so liveness stays up and readiness reports the outage.
  const wedgeMs = Math.max(2_000, 2 * (deps.config.db.statementTimeoutMs + deps.config.db.acquireTimeoutMs));
  router.get('/healthz', (ctx) => {
    const pool = poolHealth(deps.pool);
    const starving = pool && (pool.waiting > 0 || Date.now() - pool.lastAcquireTimeoutAt < wedgeMs);
    if (pool && starving && pool.held >= pool.limit && pool.youngestHeldMs > wedgeMs) {
      ctx.status = 503;
      ctx.body = { ok: false, error: { code: 'pool_wedged', message: '数据库连接池已卡死（所有连接长时间被占用）' }, pool };
      return;
    }
    ctx.body = { ok: true };
  });
  // Readiness: a connection within the acquire timeout and an answer within the statement timeout.
  router.get('/readyz', async (ctx) => {
    try {
      await deps.db.execute(sql`SELECT 1`);
      ctx.body = { ok: true, pool: poolHealth(deps.pool) };
    } catch (err) {
      ctx.status = 503;
      const busy = isDatabaseBusy(err);
      ctx.body = {
        ok: false,
        error: busy ? { code: 'database_busy', message: '数据库连接池已满，暂时无法服务' } : { code: 'database_unavailable', message: '数据库暂时不可用' },
        pool: poolHealth(deps.pool),
      };
    }
  });

  // Modules register into each other's registries here, not when imported (idempotent: tests build many apps).
  wireModules();
  const specs: RouteSpec[] = modules.flatMap((m) => m.routes);
  const openApi = buildOpenApi(specs, { title: 'WeCom SCRM API', version: '0.1.0' });
  router.get('/api/openapi.json', (ctx) => {
    ctx.body = openApi;
  });
  mountRoutes(router, deps, specs);

  app.use(router.routes());
  app.use(router.allowedMethods({ throw: false }));
  const h5Dist = deps.config.h5DistDir ?? DEFAULT_H5_DIST;
  app.use(serveH5(h5Dist));
  app.use(async (ctx) => {
    if (ctx.status === 405) {
      throw new AppError(405, 'method_not_allowed', `此接口不支持 ${ctx.method} 方法`);
    }
    throw errors.routeNotFound();
  });
  return app;
}

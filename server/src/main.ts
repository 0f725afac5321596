import { createServer } from 'node:http';
import { createApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { openAppDatabase, withStatementTimeout } from './db/client';
import { ensureDatabaseExists, runMigrations } from './db/migrate';
import type { AppDeps } from './http/context';
import { createLogger } from './logger';
import { modules } from './modules/index';
import type { Worker } from './modules/types';
import { seedDemo } from './seed/demo';

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  throw err;
}

const logger = createLogger(config.logLevel);
if (config.mode !== 'production') await ensureDatabaseExists(config.databaseUrl);
const { db, pool, close } = openAppDatabase(config, (err) => logger.warn({ err }, 'second pool connection inside a transaction'));
const deps: AppDeps = { config, db, pool, logger, now: () => new Date() };
// Start-up work may run long statements (a migration over a large table): no request-sized timeout.
await withStatementTimeout(0, async () => {
  await runMigrations(db);
  if (config.mode !== 'production') await seedDemo(deps);
});

const app = createApp(deps);
const server = createServer(app.callback());
server.keepAliveTimeout = 65_000;
const workers: Worker[] = config.workers ? modules.flatMap((m) => m.startWorkers?.(deps) ?? []) : [];

server.listen(config.port, config.host, () => {
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  logger.info({ mode: config.mode, port }, 'listening');
  process.stdout.write(`SCRM (${config.mode}) ready at http://${config.host}:${port}\n`);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  server.close();
  server.closeIdleConnections();
  await Promise.allSettled(workers.map((w) => w.stop()));
  await close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

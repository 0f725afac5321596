/** `npm run wecom:sync`: full resync of departments, users and external contacts from WeCom (idempotent). */
import { ConfigError, loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { ensureDatabaseExists, runMigrations } from '../db/migrate';
import type { AppDeps } from '../http/context';
import { createLogger } from '../logger';
import { fullSync } from '../wecom/sync';

try {
  const config = loadConfig({ APP_MODE: 'demo', ...process.env });
  // Like the server: outside production a missing database is created (a fresh demo machine).
  if (config.mode !== 'production') await ensureDatabaseExists(config.databaseUrl);
  const { db, pool, close } = openDatabase(config.databaseUrl);
  const deps: AppDeps = { config, db, pool, logger: createLogger('warn'), now: () => new Date() };
  await runMigrations(db);
  try {
    const result = await fullSync(deps, (line) => process.stdout.write(`${line}\n`));
    process.stdout.write(`同步完成：部门 ${result.departments}，成员 ${result.users}，外部联系人 ${result.externalContacts}，跟进关系 ${result.follows}\n`);
  } finally {
    await close();
  }
} catch (err) {
  // A failed query's own message is the whole SQL text: say what the database answered instead.
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  process.stderr.write(`${err instanceof ConfigError ? err.message : `同步失败：${cause instanceof Error ? cause.message : String(cause)}`}\n`);
  process.exit(1);
}

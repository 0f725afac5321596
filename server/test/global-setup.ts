import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import type { TestProject } from 'vitest/node';
import { openDatabase, poolOptions } from '../src/db/client';
import { ensureDatabaseExists, runMigrations } from '../src/db/migrate';

/** The MySQL server to test against (a URL without database is fine): from scripts/ensure-db or 127.0.0.1. */
export function serverUrl(): string {
  return process.env.TEST_DATABASE_SERVER_URL ?? process.env.DATABASE_SERVER_URL ?? 'mysql://root@127.0.0.1:3306';
}

/** Each run migrates its own fresh database, and drops it afterwards. */
export default async function setup(project: TestProject) {
  const name = `scrm_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const u = new URL(serverUrl());
  u.pathname = `/${name}`;
  const url = u.toString();
  await ensureDatabaseExists(url);
  const handle = openDatabase(url, { connectionLimit: 2 });
  await runMigrations(handle.db);
  await handle.close();
  project.provide('testDatabaseUrl', url);
  return async () => {
    const conn = await createConnection({ ...poolOptions(url), database: undefined });
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await conn.end();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseUrl: string;
  }
}

import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/mysql2/migrator';
import { createConnection } from 'mysql2/promise';
import { poolOptions, type Database } from './client';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Creates the database named in the URL when it does not exist (demo/test only), in utf8mb4. */
export async function ensureDatabaseExists(url: string): Promise<void> {
  const opts = poolOptions(url);
  const name = opts.database;
  if (!name) throw new Error('DATABASE_URL names no database');
  const conn = await createConnection({ ...opts, database: undefined });
  try {
    await conn.query(
      `CREATE DATABASE IF NOT EXISTS \`${name.replace(/`/g, '')}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await conn.end();
  }
}

/** Applies pending drizzle-kit migrations (committed SQL under server/drizzle). */
export async function runMigrations(db: Database): Promise<void> {
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}

import { drizzle, type MySql2Database } from 'drizzle-orm/mysql2';
import { createPool, type Pool, type PoolOptions } from 'mysql2/promise';
import * as schema from './schema/index';

export type Schema = typeof schema;
export type Database = MySql2Database<Schema>;
/** A transaction handle; helpers accept `Db` so they work inside or outside a transaction. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Db = Database | Transaction;

export interface DbHandle {
  db: Database;
  pool: Pool;
  close(): Promise<void>;
}

/** Pool options shared by the server, scripts and tests. Time is UTC on the wire and in the session. */
export function poolOptions(url: string, extra: Partial<PoolOptions> = {}): PoolOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 3306,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: u.pathname.replace(/^\//, '') || undefined,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    connectionLimit: 20,
    waitForConnections: true,
    enableKeepAlive: true,
    supportBigNumbers: true,
    bigNumberStrings: false,
    connectTimeout: 5000,
    ...extra,
  };
}

/** Opens a pool and a drizzle instance over it. */
export function openDatabase(url: string, extra: Partial<PoolOptions> = {}): DbHandle {
  const pool = createPool(poolOptions(url, extra));
  // Pin the session zone so CURRENT_TIMESTAMP and DATETIME comparisons are UTC on any server.
  (pool as unknown as { pool: { on(e: string, cb: (c: { query(sql: string): void }) => void): void } }).pool.on(
    'connection',
    (conn) => conn.query("SET time_zone = '+00:00'"),
  );
  const db = drizzle(pool, { schema, mode: 'default', casing: 'snake_case' });
  return { db, pool, close: () => pool.end() };
}

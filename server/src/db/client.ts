import { AsyncLocalStorage } from 'node:async_hooks';
import { drizzle, type MySql2Database } from 'drizzle-orm/mysql2';
import { createPool, type Pool, type PoolConnection, type PoolOptions } from 'mysql2/promise';
import type { Config } from '../config';
import * as schema from './schema/index';

export type Schema = typeof schema;
export type Database = MySql2Database<Schema>;
/** A transaction handle; helpers accept `Db` so they work inside or outside a transaction. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Db = Database | Transaction;

export interface DbHandle {
  db: Database;
  /** The guarded pool (acquire and statement timeouts, transaction guard); typed as mysql2's pool. */
  pool: Pool;
  /** What the pool is doing now: for /readyz, /healthz and diagnostics. */
  health(): PoolHealth;
  close(): Promise<void>;
}

/** Limits of the guarded pool. */
export interface DbGuardOptions {
  /** How long a caller waits for a free connection before `DB_ACQUIRE_TIMEOUT` (default 10 s; the app uses its configuration). */
  acquireTimeoutMs?: number;
  /** How long one statement may run before its connection is dropped with `DB_STATEMENT_TIMEOUT` (default 0 = none; the app uses its configuration). */
  statementTimeoutMs?: number;
  /**
   * A pool connection asked for while the same async flow holds an open transaction — the pattern
   * that wedges a pool once every connection is held that way. `throw` (tests) fails the caller,
   * `warn` reports it through `onViolation` and goes on.
   */
  secondConnection?: 'throw' | 'warn';
  onViolation?: (err: Error) => void;
}

export interface PoolHealth {
  /** Connections the pool may open. */
  limit: number;
  /** Connections checked out now. */
  held: number;
  /** Callers waiting for a connection. */
  waiting: number;
  /** How long the longest-held checked-out connection has been held (ms). */
  oldestHeldMs: number;
  /** How long the most recently checked-out connection has been held (ms); 0 when none is held. */
  youngestHeldMs: number;
  /** Acquire timeouts since start. */
  acquireTimeouts: number;
  /** When a caller last gave up waiting for a connection (epoch ms), 0 = never. */
  lastAcquireTimeoutAt: number;
  /** Statement timeouts since start. */
  statementTimeouts: number;
  /** When a connection was last handed out (epoch ms), 0 = never. */
  lastAcquiredAt: number;
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

/** A timeout of the pool: the caller gets it, the error middleware answers 503. */
export class DbTimeoutError extends Error {
  constructor(
    readonly code: 'DB_ACQUIRE_TIMEOUT' | 'DB_STATEMENT_TIMEOUT',
    message: string,
  ) {
    super(message);
    this.name = 'DbTimeoutError';
  }
}

/** Raised (tests) or reported (production) when a flow holding a transaction asks the pool for another connection. */
export class SecondConnectionError extends Error {
  readonly code = 'DB_SECOND_CONNECTION';
}

interface FlowContext {
  statementTimeoutMs?: number;
  /** Set while the flow is inside `db.transaction(...)`'s callback. */
  tx?: { open: boolean };
}
const flow = new AsyncLocalStorage<FlowContext>();

/**
 * Runs `fn` with another per-statement timeout (e.g. a batch job's set-based passes over a large
 * table), instead of the pool's request-sized default. `0` = no timeout.
 */
export function withStatementTimeout<T>(ms: number, fn: () => Promise<T>): Promise<T> {
  return flow.run({ ...flow.getStore(), statementTimeoutMs: ms }, fn);
}

/** True inside the callback of a `db.transaction(...)` of a guarded database. */
export function inTransaction(): boolean {
  return flow.getStore()?.tx?.open === true;
}

type QueryFn = (...args: unknown[]) => Promise<unknown>;
const listened = new WeakSet<object>();

/**
 * mysql2's pool wrapped with what it lacks: an acquire timeout (mysql2 waits forever), a
 * per-statement timeout that drops the connection (a frozen database holds a socket forever), a
 * guard against a second connection inside a transaction, and health figures. Implements the
 * part of mysql2's promise pool that drizzle and this code base use.
 */
class GuardedPool {
  private readonly held = new Map<PoolConnection, number>();
  private waiting = 0;
  private acquireTimeouts = 0;
  private lastAcquireTimeoutAt = 0;
  private statementTimeouts = 0;
  private lastAcquiredAt = 0;
  private readonly violations = new Set<string>();

  constructor(
    readonly raw: Pool,
    private readonly limit: number,
    private readonly opts: Required<Pick<DbGuardOptions, 'acquireTimeoutMs' | 'statementTimeoutMs' | 'secondConnection'>> & Pick<DbGuardOptions, 'onViolation'>,
  ) {}

  /** A connection for a transaction or a job (drizzle's transaction calls this). */
  async getConnection(): Promise<PoolConnection> {
    this.checkFlow();
    this.waiting++;
    const pending = this.raw.getConnection();
    let timer: NodeJS.Timeout | undefined;
    let conn: PoolConnection;
    try {
      conn = await new Promise<PoolConnection>((resolve, reject) => {
        timer = setTimeout(() => {
          this.acquireTimeouts++;
          this.lastAcquireTimeoutAt = Date.now();
          // Whenever the connection comes, it goes straight back.
          pending.then((c) => c.release(), () => undefined);
          reject(new DbTimeoutError('DB_ACQUIRE_TIMEOUT', `no database connection free within ${this.opts.acquireTimeoutMs} ms`));
        }, this.opts.acquireTimeoutMs);
        pending.then(resolve, reject);
      });
    } finally {
      clearTimeout(timer);
      this.waiting--;
    }
    this.lastAcquiredAt = Date.now();
    return this.wrap(conn);
  }

  query(...args: unknown[]): Promise<unknown> {
    return this.withConnection((c) => (c.query as QueryFn)(...args));
  }

  execute(...args: unknown[]): Promise<unknown> {
    return this.withConnection((c) => (c.execute as QueryFn)(...args));
  }

  end(): Promise<void> {
    return this.raw.end();
  }

  health(): PoolHealth {
    const now = Date.now();
    let oldest = 0;
    let youngest = Infinity;
    for (const at of this.held.values()) {
      oldest = Math.max(oldest, now - at);
      youngest = Math.min(youngest, now - at);
    }
    return {
      limit: this.limit,
      held: this.held.size,
      waiting: this.waiting,
      oldestHeldMs: oldest,
      youngestHeldMs: this.held.size ? youngest : 0,
      acquireTimeouts: this.acquireTimeouts,
      lastAcquireTimeoutAt: this.lastAcquireTimeoutAt,
      statementTimeouts: this.statementTimeouts,
      lastAcquiredAt: this.lastAcquiredAt,
    };
  }

  private async withConnection<T>(fn: (c: PoolConnection) => Promise<T>): Promise<T> {
    const conn = await this.getConnection();
    try {
      return await fn(conn);
    } finally {
      conn.release();
    }
  }

  /** Adds the statement timeout and the held-connection bookkeeping to one checked-out connection. */
  private wrap(conn: PoolConnection): PoolConnection {
    this.held.set(conn, Date.now());
    // A connection dropped by the statement timeout (or lost with the server) may still emit
    // 'error' after mysql2's own one-shot listener is gone: with no listener that would end the
    // process. The error already reached the caller through the statement's promise.
    const core = (conn as unknown as { connection?: NodeJS.EventEmitter }).connection;
    if (core && !listened.has(core)) {
      listened.add(core);
      core.on('error', () => undefined);
    }
    const release = conn.release.bind(conn);
    const destroy = conn.destroy.bind(conn);
    let done = false;
    const forget = () => {
      if (done) return false;
      done = true;
      this.held.delete(conn);
      return true;
    };
    conn.release = () => {
      if (forget()) release();
    };
    conn.destroy = () => {
      forget();
      destroy();
    };
    for (const method of ['query', 'execute'] as const) {
      const original = (conn[method] as QueryFn).bind(conn);
      (conn as unknown as Record<string, QueryFn>)[method] = (...args: unknown[]) => {
        const ms = flow.getStore()?.statementTimeoutMs ?? this.opts.statementTimeoutMs;
        if (!ms) return original(...args);
        return new Promise((resolve, reject) => {
          const timer = setTimeout(() => {
            this.statementTimeouts++;
            // The statement may never answer (a frozen server): the connection cannot be reused.
            conn.destroy();
            reject(new DbTimeoutError('DB_STATEMENT_TIMEOUT', `database statement took longer than ${ms} ms`));
          }, ms);
          original(...args).then(
            (r) => {
              clearTimeout(timer);
              resolve(r);
            },
            (e) => {
              clearTimeout(timer);
              reject(e);
            },
          );
        });
      };
    }
    return conn;
  }

  checkFlow(): void {
    if (!inTransaction()) return;
    const err = new SecondConnectionError(
      'a pool connection was requested while this flow holds an open transaction: use the transaction handle (a second connection can wedge the pool)',
    );
    if (this.opts.secondConnection === 'throw') throw err;
    const where = err.stack?.split('\n').slice(2, 5).join('|') ?? '';
    if (this.violations.has(where)) return;
    this.violations.add(where);
    this.opts.onViolation?.(err);
  }
}

/** The health figures of a pool opened by `openDatabase` (undefined for a plain mysql2 pool). */
export function poolHealth(pool: Pool): PoolHealth | undefined {
  return pool instanceof GuardedPool ? pool.health() : undefined;
}

/** Opens a guarded pool and a drizzle instance over it. */
export function openDatabase(url: string, extra: Partial<PoolOptions> = {}, guard: DbGuardOptions = {}): DbHandle {
  const raw = createPool(poolOptions(url, extra));
  // Pin the session zone so CURRENT_TIMESTAMP and DATETIME comparisons are UTC on any server.
  // A lock wait gives up (ER_LOCK_WAIT_TIMEOUT, retried by the caller) before the statement
  // timeout would drop the connection: contention answers 503 database_busy, not a lost connection.
  const statementMs = guard.statementTimeoutMs ?? 0;
  const lockWaitS = statementMs ? Math.max(1, Math.floor(statementMs / 1000) - 1) : 50;
  (raw as unknown as { pool: { on(e: string, cb: (c: { query(sql: string): void }) => void): void } }).pool.on(
    'connection',
    (conn) => conn.query(`SET time_zone = '+00:00', innodb_lock_wait_timeout = ${lockWaitS}`),
  );
  const guarded = new GuardedPool(raw, poolOptions(url, extra).connectionLimit ?? 10, {
    acquireTimeoutMs: guard.acquireTimeoutMs ?? 10_000,
    statementTimeoutMs: statementMs,
    secondConnection: guard.secondConnection ?? 'warn',
    onViolation: guard.onViolation,
  });
  const pool = guarded as unknown as Pool;
  const db = drizzle(pool, { schema, mode: 'default', casing: 'snake_case' });
  // Mark the flow inside a transaction's callback, so a pool request from it is caught.
  const begin = db.transaction.bind(db);
  db.transaction = ((fn: (tx: Transaction) => Promise<unknown>, config?: Parameters<Database['transaction']>[1]) => {
    guarded.checkFlow();
    const tx = { open: false };
    return flow.run({ ...flow.getStore(), tx }, () =>
      begin(async (handle) => {
        tx.open = true;
        try {
          return await fn(handle);
        } finally {
          tx.open = false;
        }
      }, config),
    );
  }) as Database['transaction'];
  return { db, pool, health: () => guarded.health(), close: () => guarded.end() };
}

/** Opens the application database with the pool limits of the configuration. */
export function openAppDatabase(config: Config, onViolation?: (err: Error) => void, extra: Partial<PoolOptions> = {}): DbHandle {
  return openDatabase(
    config.databaseUrl,
    { connectionLimit: config.db.poolSize, ...extra },
    {
      acquireTimeoutMs: config.db.acquireTimeoutMs,
      statementTimeoutMs: config.db.statementTimeoutMs,
      // Tests fail on the pattern; production reports it once per call site and goes on.
      secondConnection: config.mode === 'test' ? 'throw' : 'warn',
      onViolation,
    },
  );
}

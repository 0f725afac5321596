import { createHash } from 'node:crypto';
import type Router from '@koa/router';
import type { Context } from 'koa';
import { eq, and } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../db/client';
import { idempotencyKeys } from '../db/schema/index';
import { authenticate } from '../auth/sessions';
import { loadScope, type DataScope } from '../auth/scope';
import { retryOnDeadlock } from '../lib/jobs';
import { writeAudit, type AuditEntry } from '../lib/audit';
import type { Logger } from '../logger';
import { moneyScopeOf, type MoneyScope } from '../modules/contracts/visibility';
import type { AppDeps, AuthUser } from './context';
import { readJsonBody } from './body';
import { AppError, errors, isDuplicateKey, sqlErrorCode } from './errors';
import { parseInput } from './validate';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;

/**
 * Which scope a route's `scope()` yields: `data` (default) = the caller's data scope; `money` = the
 * money scope of `modules/contracts/visibility.ts` (the data scope widened to the corp for the
 * finance role), the only scope the money finders accept.
 */
export type ScopeKind = 'data' | 'money';
/** The scope type of a kind (`any` for specs whose kind is not known, e.g. `RouteSpec[]`). */
export type ScopeOf<S> = 0 extends 1 & S ? any : S extends 'money' ? MoneyScope : DataScope;

/** What a handler receives: validated input, the caller, its data scope, a db handle (a transaction for writes). */
export interface HandlerArgs<B, Q, P, S = 'data'> {
  ctx: Context;
  deps: AppDeps;
  db: Db;
  body: B;
  query: Q;
  params: P;
  /** The signed-in caller; throws 401 on routes with `auth: 'none'`. */
  user: AuthUser;
  /**
   * The caller's scope, loaded once per request: the data scope (own / department subtree / all),
   * or on a `scope: 'money'` route the `MoneyScope` (finance widened to the corp).
   */
  scope: () => Promise<ScopeOf<S>>;
  audit: (entry: AuditEntry) => Promise<void>;
  log: Logger;
  requestId: string;
  /** What the route's `prepare` returned (undefined without one). */
  prepared: any;
}

export interface RouteSpec<B extends z.ZodType | undefined = any, Q extends z.ZodType | undefined = any, P extends z.ZodType | undefined = any, S extends ScopeKind = any> {
  method: Method;
  path: string;
  summary: string;
  tags?: string[];
  /** `session` (default) requires a signed-in user; `none` is public. */
  auth?: 'session' | 'none';
  /** How the body is read: JSON (default for writes), or left to the handler (`raw`). */
  bodyType?: 'json' | 'raw';
  body?: B;
  query?: Q;
  params?: P;
  response?: z.ZodType;
  /** HTTP status of success (default 200). */
  status?: number;
  /** Run in one database transaction (default: true for non-GET). */
  transaction?: boolean;
  /**
   * What the handler's `scope()` yields: `data` (default), or `money` for money documents
   * (contracts and what hangs off them, expenses, performance): a `MoneyScope`, so the handler
   * never widens the scope itself.
   */
  scope?: S;
  /** Honour an `Idempotency-Key` header by replaying the stored answer (default: true for POST/PATCH). */
  idempotent?: boolean;
  /**
   * Runs after validation and before the transaction opens, with `db` = the pool (no transaction):
   * the place for outbound calls the handler needs (WeCom API reads, media downloads), so that no
   * transaction is held open across them and a deadlock retry of the transaction never repeats
   * them. Its result reaches the handler as `prepared`.
   */
  prepare?: (args: HandlerArgs<Infer<B>, Infer<Q>, Infer<P>, S>) => Promise<unknown>;
  /** Return the JSON body, or undefined after setting ctx.body/redirect yourself. */
  handler: (args: HandlerArgs<Infer<B>, Infer<Q>, Infer<P>, S>) => Promise<unknown>;
}

/** Identity helper that keeps the schema generics (and the scope kind) for the handler's types. */
export function defineRoute<
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  S extends ScopeKind = 'data',
>(spec: RouteSpec<B, Q, P, S>): RouteSpec<B, Q, P, S> {
  return spec;
}

/** Attempts of a write transaction that InnoDB picked as a deadlock victim or whose lock wait timed out. */
const LOCK_RETRIES = 5;

/**
 * Runs the request's transaction, rerunning it after a deadlock or a lock-wait timeout with a
 * jittered, growing back-off (two writers that collided do not collide again in lock step). When
 * the attempts run out the error surfaces as 503 `database_busy`, never 500.
 */
function runInTransaction<T>(deps: AppDeps, fn: (tx: Db) => Promise<T>): Promise<T> {
  return retryOnDeadlock(() => deps.db.transaction(async (tx) => fn(tx)), LOCK_RETRIES, 10);
}

/** JSON with object keys sorted at every level: the same fields in another order hash the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as Record<string, unknown>)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

interface Replay {
  status: number;
  body: unknown;
}
class ReplayAnswer extends Error {
  constructor(readonly replay: Replay) {
    super('replay');
  }
}

/**
 * Reserves the key inside the request's transaction; a concurrent twin waits on the unique index,
 * then replays. Everything is read through the transaction's own connection: a second pool
 * connection here is how a burst of same-key requests once wedged the pool (each holding one
 * connection, all waiting for another).
 */
async function reserveIdempotencyKey(deps: AppDeps, db: Db, user: AuthUser, key: string, hash: string): Promise<number> {
  try {
    const [row] = await db
      .insert(idempotencyKeys)
      .values({ corpId: user.corpId, userId: user.id, idemKey: key, requestHash: hash, createdAt: deps.now() })
      .$returningId();
    return row!.id;
  } catch (err) {
    const code = sqlErrorCode(err);
    // The twin that holds the key did not finish within the lock wait: tell the client to retry.
    if (code === 'ER_LOCK_WAIT_TIMEOUT') throw errors.conflict('idempotency_in_progress', '相同的请求正在处理中，请稍后重试');
    if (!isDuplicateKey(err)) throw err;
    // A locking read sees the twin's committed row whatever this transaction's snapshot.
    const [existing] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.corpId, user.corpId), eq(idempotencyKeys.userId, user.id), eq(idempotencyKeys.idemKey, key)))
      .for('update');
    if (!existing) throw errors.conflict('idempotency_in_progress', '相同的请求正在处理中，请稍后重试');
    if (existing.requestHash !== hash) {
      throw errors.conflict('idempotency_key_reused', '该 Idempotency-Key 已用于另一个不同的请求');
    }
    if (existing.statusCode == null) throw errors.conflict('idempotency_in_progress', '相同的请求正在处理中，请稍后重试');
    throw new ReplayAnswer({ status: existing.statusCode, body: existing.response });
  }
}

/** Requests in flight per (corp, user, Idempotency-Key) in this process. */
const inFlight = new Map<string, Promise<void>>();
/** How long a twin waits for the first request before trying on its own (it then meets the key's row lock). */
const TWIN_WAIT_MS = 10_000;

/**
 * Waits while a request with the same key is in flight here, then registers this one; the
 * returned function ends it. Across instances the key's unique index does the same job.
 */
async function awaitTwins(key: string): Promise<() => void> {
  const deadline = Date.now() + TWIN_WAIT_MS;
  for (let first = inFlight.get(key); first && Date.now() < deadline; first = inFlight.get(key)) {
    await Promise.race([first, new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())))]);
  }
  let done!: () => void;
  const mine = new Promise<void>((r) => (done = r));
  inFlight.set(key, mine);
  return () => {
    if (inFlight.get(key) === mine) inFlight.delete(key);
    done();
  };
}

/** Mounts route specs on a router: auth → validate → (transaction + idempotency) → handler. */
export function mountRoutes(router: Router, deps: AppDeps, specs: RouteSpec[]): void {
  for (const spec of specs) {
    const isWrite = spec.method !== 'get';
    const useTx = spec.transaction ?? isWrite;
    const useIdem = spec.idempotent ?? (spec.method === 'post' || spec.method === 'patch');
    router[spec.method](spec.path, async (ctx: Context) => {
      const state = ctx.state as { requestId: string; log: Logger; user?: AuthUser };
      if (spec.auth !== 'none') state.user = await authenticate(deps, ctx);
      const user = state.user;
      const rawBody = isWrite && spec.bodyType !== 'raw' ? await readJsonBody(ctx) : undefined;
      const body = spec.body ? parseInput(spec.body, rawBody, 'body') : rawBody;
      const query = spec.query ? parseInput(spec.query, ctx.query, 'query') : undefined;
      const params = spec.params ? parseInput(spec.params, ctx.params, 'params') : undefined;

      let scopePromise: Promise<DataScope | MoneyScope> | undefined;
      let prepared: unknown;
      const makeArgs = (db: Db): HandlerArgs<any, any, any, any> => ({
        ctx,
        deps,
        db,
        body,
        query,
        params,
        get user(): AuthUser {
          if (!user) throw errors.unauthenticated();
          return user;
        },
        scope: () => {
          if (!user) throw errors.unauthenticated();
          // On the handler's own connection: inside a transaction a second pool connection could
          // deadlock the pool once every connection is held by a transaction waiting for another.
          scopePromise ??= spec.scope === 'money' ? loadScope(db, user).then((s) => moneyScopeOf(user, s)) : loadScope(db, user);
          return scopePromise;
        },
        audit: (entry) => {
          if (!user) throw new Error('audit needs a signed-in user');
          return writeAudit(db, { ...entry, corpId: user.corpId, userId: user.id, requestId: state.requestId, at: deps.now() });
        },
        log: state.log,
        requestId: state.requestId,
        prepared,
      });

      const idemKey = useIdem && user ? ctx.get('idempotency-key').trim() : '';
      if (idemKey.length > 128) throw errors.badRequest('invalid_idempotency_key', 'Idempotency-Key 最长 128 个字符');
      let result: unknown;
      let release: (() => void) | undefined;
      const status = spec.status ?? 200;
      try {
        if (spec.prepare) {
          prepared = await spec.prepare(makeArgs(deps.db));
          // The scope loaded on the pool handle is not reused inside the transaction.
          scopePromise = undefined;
        }
        // Twins of a request still in flight in this process wait for it without holding a
        // connection, then replay its stored answer: a burst of one key costs one transaction, not
        // a pool's worth of transactions blocked on the key's unique index.
        if (useTx && idemKey && user) release = await awaitTwins(`${user.corpId}:${user.id}:${idemKey}`);
        if (useTx) {
          result = await runInTransaction(deps, async (tx) => {
            let keyId: number | undefined;
            if (idemKey && user) {
              const hash = createHash('sha256')
                .update(`${spec.method} ${ctx.path}\n${canonicalJson(rawBody ?? null)}`)
                .digest('hex');
              keyId = await reserveIdempotencyKey(deps, tx, user, idemKey, hash);
            }
            const out = await spec.handler(makeArgs(tx));
            if (keyId !== undefined) {
              await tx
                .update(idempotencyKeys)
                .set({ statusCode: status, response: out ?? null })
                .where(eq(idempotencyKeys.id, keyId));
            }
            return out;
          });
        } else {
          result = await spec.handler(makeArgs(deps.db));
        }
      } catch (err) {
        if (err instanceof ReplayAnswer) {
          ctx.status = err.replay.status;
          ctx.body = err.replay.body;
          ctx.set('Idempotent-Replayed', 'true');
          return;
        }
        throw err;
      } finally {
        release?.();
      }
      if (result !== undefined) {
        ctx.status = status;
        ctx.body = result;
      }
    });
  }
}

export { AppError };

import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { wecomTokens } from '../db/schema/index';
import type { AppDeps } from '../http/context';

/** Refresh this long before WeCom's expiry, so no call carries a token about to lapse. */
const REFRESH_MARGIN_MS = 5 * 60_000;
/** How long one instance may hold the refresh lease before another takes over. */
const LEASE_MS = 15_000;
const WAIT_STEP_MS = 100;
const WAIT_STEPS = 150;

export interface FetchedToken {
  value: string;
  expiresInSeconds: number;
}

/** Number of rows an UPDATE changed (mysql2 through drizzle). */
export function affectedRows(res: unknown): number {
  const header = Array.isArray(res) ? res[0] : res;
  return Number((header as { affectedRows?: number } | undefined)?.affectedRows ?? 0);
}

/** The cache key of a credential: a hash, so the secret never lands in the table. */
export function tokenCacheKey(kind: string, ...parts: string[]): string {
  return createHash('sha256').update([kind, ...parts].join('\u0000')).digest('hex');
}

const inProcess = new WeakMap<Database, Map<string, Promise<string>>>();
const owner = randomBytes(8).toString('hex');

/**
 * Returns a valid token/ticket from the database cache, fetching a new one when missing or
 * near expiry. Single-flight: one refresh per process (shared promise) and one across instances
 * (a lease on the row); the others wait and read the refreshed value.
 */
export function getCachedToken(deps: AppDeps, kind: string, key: string, fetcher: () => Promise<FetchedToken>): Promise<string> {
  let flights = inProcess.get(deps.db);
  if (!flights) inProcess.set(deps.db, (flights = new Map()));
  const pending = flights.get(key);
  if (pending) return pending;
  const p = resolveToken(deps, kind, key, fetcher).finally(() => flights.delete(key));
  flights.set(key, p);
  return p;
}

async function readRow(deps: AppDeps, key: string) {
  const [row] = await deps.db.select().from(wecomTokens).where(eq(wecomTokens.cacheKey, key)).limit(1);
  return row;
}

async function resolveToken(deps: AppDeps, kind: string, key: string, fetcher: () => Promise<FetchedToken>): Promise<string> {
  const { db } = deps;
  for (let step = 0; ; step++) {
    const now = deps.now();
    let row = await readRow(deps, key);
    if (row?.value && row.expiresAt && row.expiresAt.getTime() - REFRESH_MARGIN_MS > now.getTime()) return row.value;
    if (!row) {
      await db.insert(wecomTokens).ignore().values({ cacheKey: key, kind, updatedAt: now });
      row = await readRow(deps, key);
    }
    const leased = affectedRows(
      await db
        .update(wecomTokens)
        .set({ leaseUntil: new Date(now.getTime() + LEASE_MS), leaseOwner: owner })
        .where(and(eq(wecomTokens.cacheKey, key), or(isNull(wecomTokens.leaseUntil), lt(wecomTokens.leaseUntil, now)))),
    );
    if (leased === 1) {
      try {
        const fresh = await fetcher();
        const at = deps.now();
        await db
          .update(wecomTokens)
          .set({
            value: fresh.value,
            expiresAt: new Date(at.getTime() + fresh.expiresInSeconds * 1000),
            leaseUntil: null,
            leaseOwner: null,
            fetchCount: sql`${wecomTokens.fetchCount} + 1`,
            updatedAt: at,
          })
          .where(eq(wecomTokens.cacheKey, key));
        return fresh.value;
      } catch (err) {
        await db.update(wecomTokens).set({ leaseUntil: null, leaseOwner: null }).where(eq(wecomTokens.cacheKey, key));
        throw err;
      }
    }
    // Someone else refreshes: a still-valid (if ageing) value is fine meanwhile.
    if (row?.value && row.expiresAt && row.expiresAt.getTime() > now.getTime()) return row.value;
    if (step >= WAIT_STEPS) throw new Error(`timed out waiting for the ${kind} refresh of another instance`);
    await new Promise((r) => setTimeout(r, WAIT_STEP_MS));
  }
}

/** Drops a cached value WeCom called invalid, unless another caller already replaced it. */
export async function invalidateToken(deps: AppDeps, key: string, badValue: string): Promise<void> {
  await deps.db
    .update(wecomTokens)
    .set({ value: null, expiresAt: null, updatedAt: deps.now() })
    .where(and(eq(wecomTokens.cacheKey, key), eq(wecomTokens.value, badValue)));
}

import { createHmac, randomBytes } from 'node:crypto';
import type { Context } from 'koa';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database, Db } from '../db/client';
import { corps, departments, sessions, userDepartments, users, SESSION_KINDS } from '../db/schema/index';
import type { AppDeps, AuthUser } from '../http/context';
import { errors } from '../http/errors';
import { rememberScopeInputs } from './scope';

export const SESSION_COOKIE = 'scrm_session';
const SESSION_DAYS = 30;

/** Stored form of a token: HMAC with SESSION_SECRET, so a leaked table cannot be replayed. */
export function hashToken(secret: string, token: string): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}

/** Creates a session and returns its bearer token (the only time the raw token exists). */
export async function createSession(
  deps: AppDeps,
  db: Db,
  user: { id: number; corpId: number },
  kind: (typeof SESSION_KINDS)[number],
  userAgent?: string,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86400_000);
  await db.insert(sessions).values({
    corpId: user.corpId,
    userId: user.id,
    tokenHash: hashToken(deps.config.sessionSecret, token),
    kind,
    userAgent: userAgent?.slice(0, 255) ?? null,
    createdAt: now,
    expiresAt,
  });
  return { token, expiresAt };
}

/** Sets the H5 session cookie (HttpOnly, SameSite=Lax; Secure when the public URL is https). */
export function setSessionCookie(deps: AppDeps, ctx: Context, token: string, expiresAt: Date): void {
  ctx.cookies.set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.publicBaseUrl.startsWith('https:') && ctx.secure,
    expires: expiresAt,
    path: '/',
    overwrite: true,
  });
}

function readToken(ctx: Context): string | undefined {
  const header = ctx.get('authorization');
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (m) return m[1];
  return ctx.cookies.get(SESSION_COOKIE) || undefined;
}

/**
 * Resolves the caller from a Bearer token or the session cookie; 401 when absent, revoked, expired
 * or the user is inactive. One round trip: the same row carries what the data scope is computed
 * from (the corp's "all" roles and the paths of the departments the user leads), read fresh on
 * every request, so a scope never outlives an org change.
 */
export async function authenticate(deps: AppDeps, ctx: Context): Promise<AuthUser> {
  const token = readToken(ctx);
  if (!token || token.length > 200) throw errors.unauthenticated();
  const [row] = await sessionQuery(deps.db).execute({ tokenHash: hashToken(deps.config.sessionSecret, token), now: deps.now() });
  if (!row) throw errors.unauthenticated('登录已失效，请重新登录');
  const { settings, ledPaths, ...user } = row;
  rememberScopeInputs(user, { allScopeRoles: settings?.allScopeRoles, ledPaths: ledPaths ? ledPaths.split('|') : [] });
  return user;
}

/** The session lookup runs on every request: built once per database handle (drizzle's prepared query). */
function buildSessionQuery(db: Database) {
  return db
    .select({
      sessionId: sessions.id,
      id: users.id,
      corpId: users.corpId,
      wecomUserId: users.wecomUserId,
      name: users.name,
      role: users.role,
      settings: corps.settings,
      ledPaths: sql<string | null>`(SELECT GROUP_CONCAT(${departments.path} SEPARATOR '|') FROM ${userDepartments} JOIN ${departments} ON ${departments.id} = ${userDepartments.departmentId}
        WHERE ${userDepartments.userId} = ${users.id} AND ${userDepartments.isLeader} = TRUE AND ${userDepartments.corpId} = ${users.corpId})`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(corps, eq(corps.id, users.corpId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql.placeholder('now')),
        eq(users.status, 'active'),
      ),
    )
    .limit(1)
    .prepare();
}
const sessionQueries = new WeakMap<Database, ReturnType<typeof buildSessionQuery>>();
function sessionQuery(db: Database) {
  let q = sessionQueries.get(db);
  if (!q) sessionQueries.set(db, (q = buildSessionQuery(db)));
  return q;
}

/** Revokes one session (logout). */
export async function revokeSession(deps: AppDeps, db: Db, sessionId: number): Promise<void> {
  await db.update(sessions).set({ revokedAt: deps.now() }).where(eq(sessions.id, sessionId));
}

/** Revokes every session of a user at once (disabled or deleted in WeCom). */
export async function revokeUserSessions(deps: AppDeps, db: Db, userId: number): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: deps.now() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

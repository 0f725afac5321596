import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { appInfoResponse, devLoginBody, devUser, meResponse, tokenResponse, type DevUser } from '@scrm/shared';
import { departments, userDepartments, users } from '../db/schema/index';
import { errors } from '../http/errors';
import { defineRoute, type RouteSpec } from '../http/route';
import { idStr } from '../lib/ids';
import { findCorpByWecomId } from '../lib/corps';
import { createSession, revokeSession, setSessionCookie, SESSION_COOKIE } from './sessions';

const appInfo = defineRoute({
  method: 'get',
  path: '/api/app-info',
  summary: 'Public facts the front end needs before sign-in',
  tags: ['auth'],
  auth: 'none',
  response: appInfoResponse,
  handler: async ({ deps }) => ({
    mode: deps.config.mode,
    corpId: deps.config.wecom.corpId,
    agentId: deps.config.wecom.agentId,
    devLogin: deps.config.devLogin,
    oauthStartPath: '/auth/wecom/start',
  }),
});

const devUsers = defineRoute({
  method: 'get',
  path: '/api/auth/dev-users',
  summary: 'Demo users offered by the demo sign-in picker (demo/test mode only)',
  tags: ['auth'],
  auth: 'none',
  response: z.array(devUser),
  handler: async ({ deps }) => {
    if (!deps.config.devLogin) throw errors.routeNotFound();
    const corp = await findCorpByWecomId(deps.db, deps.config.wecom.corpId);
    if (!corp) return [];
    const rows = await deps.db
      .select({
        wecomUserId: users.wecomUserId,
        name: users.name,
        role: users.role,
        departmentName: departments.name,
        isLeader: userDepartments.isLeader,
      })
      .from(users)
      .leftJoin(userDepartments, and(eq(userDepartments.userId, users.id), eq(userDepartments.departmentId, users.mainDepartmentId)))
      .leftJoin(departments, eq(departments.id, users.mainDepartmentId))
      .where(and(eq(users.corpId, corp.id), eq(users.status, 'active')))
      .orderBy(asc(users.id))
      .limit(100);
    return rows.map((r): DevUser => ({ ...r, departmentName: r.departmentName ?? null, isLeader: r.isLeader ?? false }));
  },
});

const devLogin = defineRoute({
  method: 'post',
  path: '/api/auth/dev-login',
  summary: 'Sign in as a seeded user without WeCom (demo/test mode only; 404 in production)',
  tags: ['auth'],
  auth: 'none',
  idempotent: false,
  body: devLoginBody,
  response: tokenResponse,
  handler: async ({ deps, db, body, ctx }) => {
    if (!deps.config.devLogin) throw errors.routeNotFound();
    const corp = await findCorpByWecomId(db, deps.config.wecom.corpId);
    if (!corp) throw errors.notFound('演示企业');
    const [user] = await db
      .select({ id: users.id, corpId: users.corpId, status: users.status })
      .from(users)
      .where(and(eq(users.corpId, corp.id), eq(users.wecomUserId, body.wecomUserId)));
    if (!user) throw errors.notFound('用户');
    if (user.status !== 'active') throw errors.forbidden('该用户已停用');
    const { token, expiresAt } = await createSession(deps, db, user, 'dev', ctx.get('user-agent'));
    setSessionCookie(deps, ctx, token, expiresAt);
    return { token };
  },
});

const logout = defineRoute({
  method: 'post',
  path: '/api/auth/logout',
  summary: 'Revoke the current session',
  tags: ['auth'],
  idempotent: false,
  response: z.object({ ok: z.literal(true) }),
  handler: async ({ deps, db, user, ctx }) => {
    await revokeSession(deps, db, user.sessionId);
    ctx.cookies.set(SESSION_COOKIE, '', { expires: new Date(0), path: '/' });
    return { ok: true as const };
  },
});

const me = defineRoute({
  method: 'get',
  path: '/api/me',
  summary: 'The signed-in user',
  tags: ['auth'],
  response: meResponse,
  handler: async ({ deps, user }) => {
    const memberships = await deps.db
      .select({ departmentId: userDepartments.departmentId })
      .from(userDepartments)
      .where(eq(userDepartments.userId, user.id))
      .orderBy(asc(userDepartments.departmentId));
    return {
      id: idStr(user.id),
      wecomUserId: user.wecomUserId,
      name: user.name,
      role: user.role,
      departmentIds: memberships.map((m) => idStr(m.departmentId)),
    };
  },
});

export const authRoutes: RouteSpec[] = [appInfo, devUsers, devLogin, logout, me];

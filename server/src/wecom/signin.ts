import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'koa';
import { and, eq, gt, isNull, lt } from 'drizzle-orm';

import { mpLoginBody, tokenResponse } from '@scrm/shared';
import { createSession, setSessionCookie } from '../auth/sessions';
import type { Db } from '../db/client';
import { wecomOauthStates } from '../db/schema/index';
import type { AppDeps } from '../http/context';
import { AppError, errors } from '../http/errors';
import { defineRoute } from '../http/route';
import { wecomClient } from './client';
import { ensureLocalCorp } from './corp';
import { WecomApiError, WecomConfigError } from './errors';
import { upsertUser } from './org';
import { affectedRows } from './tokens';

const STATE_COOKIE = 'scrm_oauth';
const STATE_TTL_MS = 10 * 60_000;
const AUTHORIZE_URL = 'https://open.weixin.qq.com/connect/oauth2/authorize';
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function base62(n: number): string {
  const bytes = randomBytes(n * 2);
  let out = '';
  for (let i = 0; out.length < n; i++) if (bytes[i]! < 248) out += BASE62[bytes[i]! % 62];
  return out;
}
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** Only our own absolute paths: `/x…`, never `//host`, `/\host`, or a scheme. */
export function safeRedirect(value: unknown): string {
  if (typeof value !== 'string' || value.length > 1000) return '/';
  if (!/^\/(?![/\\])/.test(value) || /[\r\n\t\\]/.test(value)) return '/';
  return value;
}

function page(ctx: Context, status: number, title: string, text: string): undefined {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  ctx.body = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title><body style="font-family:sans-serif;padding:2em"><h1 style="font-size:1.3em">${esc(title)}</h1><p>${esc(text)}</p><p><a href="/auth/wecom/start">重新登录</a></p></body></html>`;
  return undefined;
}

/** Creates or updates the member from its `user/get` answer (fetched before the transaction); null when disabled/quit in WeCom. */
async function provisionMember(deps: AppDeps, db: Db, u: Awaited<ReturnType<ReturnType<typeof wecomClient>['getUser']>>) {
  const corpId = await ensureLocalCorp(db, deps, deps.config.wecom.corpId);
  const { id, active } = await upsertUser(db, deps, corpId, u);
  return active ? { id, corpId } : null;
}

const start = defineRoute({
  method: 'get',
  path: '/auth/wecom/start',
  summary: 'Start WeCom OAuth (snsapi_base): 302 to the authorize URL with a fresh state',
  tags: ['auth'],
  auth: 'none',
  transaction: true,
  handler: async ({ deps, db, ctx }) => {
    const state = base62(32);
    const nonce = randomBytes(24).toString('base64url');
    const now = deps.now();
    await db.delete(wecomOauthStates).where(lt(wecomOauthStates.expiresAt, new Date(now.getTime() - STATE_TTL_MS)));
    await db.insert(wecomOauthStates).values({
      state,
      browserHash: sha(nonce),
      redirectPath: safeRedirect(ctx.query.redirect),
      createdAt: now,
      expiresAt: new Date(now.getTime() + STATE_TTL_MS),
    });
    ctx.cookies.set(STATE_COOKIE, nonce, {
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.publicBaseUrl.startsWith('https:') && ctx.secure,
      maxAge: STATE_TTL_MS,
      path: '/auth/wecom',
    });
    const { corpId, agentId } = deps.config.wecom;
    const redirectUri = `${deps.config.publicBaseUrl}/auth/wecom/callback`;
    const qs = new URLSearchParams({ appid: corpId, redirect_uri: redirectUri, response_type: 'code', scope: 'snsapi_base', state, agentid: agentId });
    ctx.redirect(`${AUTHORIZE_URL}?${qs.toString()}#wechat_redirect`);
    return undefined;
  },
});

const callback = defineRoute({
  method: 'get',
  path: '/auth/wecom/callback',
  summary: 'WeCom OAuth callback: checks state, exchanges the code, creates the session, 302 to our own path',
  tags: ['auth'],
  auth: 'none',
  transaction: true,
  // Everything that talks to WeCom happens before the transaction: the state is used up, the code
  // exchanged and the member read; the transaction then only writes the member and the session.
  prepare: async ({ deps, db, ctx }) => {
    const code = typeof ctx.query.code === 'string' ? ctx.query.code : '';
    const state = typeof ctx.query.state === 'string' ? ctx.query.state : '';
    const nonce = ctx.cookies.get(STATE_COOKIE) ?? '';
    ctx.cookies.set(STATE_COOKIE, '', { expires: new Date(0), path: '/auth/wecom' });
    if (!code || !/^[A-Za-z0-9]{1,128}$/.test(state) || !nonce) return { page: [400, '登录已失效', '登录链接无效或已过期，请重新进入应用。'] as const };
    const now = deps.now();
    const [row] = await db.select().from(wecomOauthStates).where(eq(wecomOauthStates.state, state));
    const used = affectedRows(
      await db
        .update(wecomOauthStates)
        .set({ usedAt: now })
        .where(and(eq(wecomOauthStates.state, state), isNull(wecomOauthStates.usedAt), gt(wecomOauthStates.expiresAt, now), eq(wecomOauthStates.browserHash, sha(nonce)))),
    );
    if (!row || used !== 1) return { page: [400, '登录已失效', '登录请求已使用、已过期或不属于当前浏览器，请重新进入应用。'] as const };
    let info;
    try {
      info = await wecomClient(deps).getUserInfoByCode(code);
    } catch (err) {
      if (err instanceof WecomApiError && !(err instanceof WecomConfigError)) return { page: [400, '登录失败', '企业微信登录码无效或已过期，请重新进入应用。'] as const };
      throw err;
    }
    if (!info.userid) return { page: [403, '仅限企业成员使用', '您不是本企业的成员（外部联系人或微信用户无法登录本应用），如需使用请联系企业管理员。'] as const };
    return { redirectPath: row.redirectPath, member: await wecomClient(deps).getUser(info.userid) };
  },
  handler: async ({ deps, db, ctx, prepared }) => {
    const p = prepared as { page: readonly [number, string, string] } | { redirectPath: string; member: Parameters<typeof provisionMember>[2] };
    if ('page' in p) return page(ctx, ...p.page);
    const member = await provisionMember(deps, db, p.member);
    if (!member) return page(ctx, 403, '账号已停用', '您的企业微信账号已停用或离职，无法登录。');
    const { token, expiresAt } = await createSession(deps, db, member, 'oauth', ctx.get('user-agent'));
    setSessionCookie(deps, ctx, token, expiresAt);
    ctx.redirect(p.redirectPath);
    return undefined;
  },
});

const mpLogin = defineRoute({
  method: 'post',
  path: '/api/auth/mp-login',
  summary: 'Mini-program sign-in: wx.qy.login code → jscode2session → session token',
  tags: ['auth'],
  auth: 'none',
  idempotent: false,
  body: mpLoginBody,
  response: tokenResponse,
  // WeCom first (code exchange, member read), outside the transaction; then the writes.
  prepare: async ({ deps, body }) => {
    let s;
    try {
      s = await wecomClient(deps).jscode2session(body.code);
    } catch (err) {
      if (err instanceof WecomApiError && !(err instanceof WecomConfigError)) throw new AppError(401, 'invalid_code', '登录 code 无效或已过期');
      throw err;
    }
    if (s.corpid !== deps.config.wecom.corpId || !s.userid) throw errors.forbidden('仅限本企业成员使用');
    return wecomClient(deps).getUser(s.userid);
  },
  handler: async ({ deps, db, ctx, prepared }) => {
    const member = await provisionMember(deps, db, prepared);
    if (!member) throw errors.forbidden('您的企业微信账号已停用或离职');
    const { token } = await createSession(deps, db, member, 'mp', ctx.get('user-agent'));
    return { token };
  },
});

export const signinRoutes = [start, callback, mpLogin];

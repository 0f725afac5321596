import type { Context } from 'koa';
import { readRawBody } from '../http/body';
import type { AppDeps } from '../http/context';
import { AppError } from '../http/errors';
import { defineRoute } from '../http/route';
import { CallbackRejected, parseCallbackXml, SAMPLE_CALLBACK_TOKEN, SAMPLE_ENCODING_AES_KEY, verifyAndDecrypt, type CallbackKeys } from './crypto';
import { storeCallback } from './inbox';

const CALLBACK_BODY_LIMIT = 256 * 1024;

/** Callback keys from config; demo/test fall back to WeCom's official sample token/key. Null in production when unset. */
export function callbackKeys(deps: AppDeps): CallbackKeys | null {
  const c = deps.config.wecom;
  const sample = deps.config.mode !== 'production';
  const token = c.token ?? (sample ? SAMPLE_CALLBACK_TOKEN : undefined);
  const encodingAesKey = c.encodingAesKey ?? (sample ? SAMPLE_ENCODING_AES_KEY : undefined);
  return token && encodingAesKey ? { token, encodingAesKey, corpId: c.corpId } : null;
}

function keysOrRefuse(deps: AppDeps): CallbackKeys {
  const keys = callbackKeys(deps);
  if (!keys) throw new AppError(503, 'wecom_callback_not_configured', '未配置 WECOM_TOKEN / WECOM_ENCODING_AES_KEY，无法接收企业微信回调');
  return keys;
}

const rejected = () => new AppError(401, 'invalid_callback', '回调签名校验或解密失败');

function signatureQuery(ctx: Context) {
  const q = ctx.query as Record<string, string | undefined>;
  const one = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return { msg_signature: one(q.msg_signature), timestamp: one(q.timestamp), nonce: one(q.nonce), echostr: one(q.echostr) };
}

const verifyUrl = defineRoute({
  method: 'get',
  path: '/wecom/callback',
  summary: 'WeCom callback URL verification (echoes the decrypted echostr)',
  tags: ['wecom'],
  auth: 'none',
  handler: async ({ deps, ctx }) => {
    const keys = keysOrRefuse(deps);
    const q = signatureQuery(ctx);
    try {
      ctx.body = verifyAndDecrypt(keys, q, q.echostr ?? '');
    } catch (err) {
      if (err instanceof CallbackRejected) throw rejected();
      throw err;
    }
    ctx.type = 'text/plain';
    return undefined;
  },
});

const receive = defineRoute({
  method: 'post',
  path: '/wecom/callback',
  summary: 'WeCom event callback: verified, decrypted, stored durably, then answered `success`',
  tags: ['wecom'],
  auth: 'none',
  bodyType: 'raw',
  transaction: false,
  idempotent: false,
  handler: async ({ deps, ctx }) => {
    const keys = keysOrRefuse(deps);
    const raw = await readRawBody(ctx, CALLBACK_BODY_LIMIT);
    let message: string;
    let payload: Record<string, any>;
    try {
      const outer = parseCallbackXml(raw.toString('utf8'));
      message = verifyAndDecrypt(keys, signatureQuery(ctx), typeof outer.Encrypt === 'string' ? outer.Encrypt : '');
      payload = parseCallbackXml(message);
    } catch (err) {
      if (err instanceof CallbackRejected) throw rejected();
      throw err;
    }
    await storeCallback(deps, keys.corpId, message, payload);
    ctx.type = 'text/plain';
    ctx.body = 'success';
    return undefined;
  },
});

export const callbackRoutes = [verifyUrl, receive];

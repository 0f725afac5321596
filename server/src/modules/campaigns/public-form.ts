import type { Context } from 'koa';
import type { Db } from '../../db/client';
import type { campaigns } from '../../db/schema/index';
import { decodeUtf8Body, readRawBody } from '../../http/body';
import { AppError, errors } from '../../http/errors';
import { findCampaignByPublicKey } from './repo';

/**
 * The public web form is posted by landing pages on other sites. CORS is answered here, for the
 * route `/api/public/campaigns/:key/leads` only (no other /api route answers cross-origin):
 * - the campaign's `allowedOrigins` (null / empty = any origin) decides `Access-Control-Allow-Origin`:
 *   `*` when any origin may post, else the request's own Origin when listed (with `Vary: Origin`);
 *   a listed-origins campaign gives an unlisted Origin no CORS header at all;
 * - no credentials: the form needs no cookie, so none is ever allowed.
 * Bodies: JSON, or `application/x-www-form-urlencoded` (a plain HTML `<form method="post">`),
 * validated by the same schema.
 */
export type FormCampaign = typeof campaigns.$inferSelect;

/** The campaign behind a public form key (32 hex chars), or null. */
export async function findFormCampaign(db: Db, key: string): Promise<FormCampaign | null> {
  if (!/^[0-9a-f]{32}$/.test(key)) return null;
  return (await findCampaignByPublicKey(db, key)) ?? null;
}

/** The `Access-Control-Allow-Origin` value for this request, or null when the origin may not post. */
export function allowOriginFor(c: Pick<FormCampaign, 'allowedOrigins'>, origin: string): string | null {
  const list = c.allowedOrigins ?? [];
  if (!list.length) return '*';
  return origin && list.includes(origin.toLowerCase()) ? origin : null;
}

/** Sets the CORS answer headers (nothing for a disallowed origin); true when the origin is allowed. */
export function setFormCors(ctx: Context, c: Pick<FormCampaign, 'allowedOrigins'> | null, preflight = false): boolean {
  const origin = ctx.get('origin');
  const allow = c ? allowOriginFor(c, origin) : null;
  if (c?.allowedOrigins?.length) ctx.vary('Origin');
  if (!allow) return false;
  ctx.set('Access-Control-Allow-Origin', allow);
  if (preflight) {
    ctx.set('Access-Control-Allow-Methods', 'POST, OPTIONS');
    ctx.set('Access-Control-Allow-Headers', 'Content-Type');
    ctx.set('Access-Control-Max-Age', '600');
  }
  return true;
}

/** A campaign limited to listed origins refuses a browser post from another origin (403); no Origin (server-side posts) is fine. */
export function assertOriginMayPost(ctx: Context, c: FormCampaign): void {
  const origin = ctx.get('origin');
  if (origin && c.allowedOrigins?.length && !allowOriginFor(c, origin)) {
    throw new AppError(403, 'origin_not_allowed', '该网站未被允许提交此活动表单');
  }
}

/** Optional fields an HTML form sends empty are treated as not filled in. */
const REQUIRED_FORM_FIELDS = new Set(['name', 'mobile']);

/** Reads the body as JSON or as an HTML form (url-encoded); anything else is 415. An empty body is `{}`. */
export async function readFormBody(ctx: Context): Promise<unknown> {
  const type = ctx.get('content-type');
  const raw = await readRawBody(ctx);
  if (raw.length === 0) return {};
  if (/^application\/x-www-form-urlencoded\b/i.test(type)) {
    const out: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(decodeUtf8Body(raw))) {
      if (v.trim() === '' && !REQUIRED_FORM_FIELDS.has(k)) continue;
      out[k] = v;
    }
    return out;
  }
  if (type && !/^application\/(.+\+)?json\b/i.test(type)) {
    throw errors.unsupportedMediaType('请求体必须是 JSON 或表单（application/x-www-form-urlencoded）');
  }
  const text = decodeUtf8Body(raw);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw errors.invalidJson();
  }
}

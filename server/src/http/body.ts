import type { Context } from 'koa';
import { LIMITS } from '@scrm/shared';
import { errors } from './errors';

/** Reads the raw request body, refusing more than `limit` bytes with 413 (before reading when declared). */
export async function readRawBody(ctx: Context, limit: number = LIMITS.jsonBodyBytes): Promise<Buffer> {
  const declared = Number(ctx.get('content-length') || '0');
  if (declared > limit) {
    ctx.set('Connection', 'close');
    throw errors.payloadTooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) {
      ctx.set('Connection', 'close');
      throw errors.payloadTooLarge();
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON request body; an empty body is `{}`; a non-JSON content type is 415. */
export async function readJsonBody(ctx: Context): Promise<unknown> {
  const type = ctx.get('content-type');
  const raw = await readRawBody(ctx);
  if (raw.length === 0) return {};
  if (type && !/^application\/(.+\+)?json\b/i.test(type)) {
    throw errors.unsupportedMediaType('请求体必须是 JSON（Content-Type: application/json）');
  }
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw errors.invalidJson();
  }
}

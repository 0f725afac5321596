import type { IncomingMessage } from 'node:http';
import type { Context } from 'koa';
import { LIMITS } from '@scrm/shared';
import { AppError, errors } from './errors';

/**
 * How much of an oversized body is read and thrown away before the 413 is sent: past the limit,
 * at most this many more bytes, for at most this long. Answering while the client is still
 * sending and then closing makes the kernel reset the connection, and most clients (those that
 * finish sending before they read) then see ECONNRESET/EPIPE instead of the 413. Past these caps
 * the server stops reading and answers anyway; such a client may then see a reset.
 */
const DISCARD_MAX_BYTES = 16 * 1024 * 1024;
const DISCARD_MAX_MS = 5_000;

/** Decodes strictly: a malformed sequence is an error, not U+FFFD. A leading BOM is dropped (ignoreBOM: false). */
const utf8 = new TextDecoder('utf-8', { fatal: true });

const invalidEncoding = () => new AppError(400, 'invalid_encoding', '请求体不是合法的 UTF-8 编码');
const aborted = () => new AppError(400, 'request_aborted', '请求体未完整接收（连接已中断）');

type ReadOutcome = { kind: 'body'; body: Buffer } | { kind: 'too_large' };

/**
 * Reads the request stream to its end, keeping at most `limit` bytes. Once the body is over the
 * limit the rest is read and discarded (within the caps above) so the answer can be read by the
 * client; when a cap is hit reading stops and `too_large` is returned at once.
 */
function readStream(req: IncomingMessage, limit: number, alreadyTooLarge: boolean): Promise<ReadOutcome> {
  if (req.readableEnded) return Promise.resolve(alreadyTooLarge ? { kind: 'too_large' } : { kind: 'body', body: Buffer.alloc(0) });
  return new Promise<ReadOutcome>((resolve, reject) => {
    let chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    let timer: NodeJS.Timeout | undefined;
    let settled = false;

    const cleanup = () => {
      if (timer) clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      cleanup();
      fn();
    };
    /** Stops discarding: the 413 goes out now, and the connection closes after it. */
    const giveUp = () =>
      settle(() => {
        req.pause();
        resolve({ kind: 'too_large' });
      });
    const startDiscarding = () => {
      tooLarge = true;
      chunks = [];
      timer = setTimeout(giveUp, DISCARD_MAX_MS);
      timer.unref?.();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (tooLarge) {
        if (size > limit + DISCARD_MAX_BYTES) giveUp();
        return;
      }
      if (size > limit) {
        startDiscarding();
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => settle(() => resolve(tooLarge ? { kind: 'too_large' } : { kind: 'body', body: Buffer.concat(chunks, size) }));
    // The request stream only fails when the client goes away mid-body (`aborted`, ECONNRESET):
    // a client problem, not a server or database one (ECONNRESET would read as a database outage).
    const onError = (err: Error) => settle(() => reject(tooLarge ? errors.payloadTooLarge() : Object.assign(aborted(), { cause: err })));
    // 'close' before 'end': the client went away mid-body.
    const onClose = () => settle(() => reject(tooLarge ? errors.payloadTooLarge() : aborted()));

    if (alreadyTooLarge) startDiscarding();
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

/**
 * Reads the raw request body, refusing more than `limit` bytes with 413 `payload_too_large`,
 * declared (Content-Length) or streamed (chunked). The 413 is sent after the rest of the body
 * has been read and discarded (up to 16 MB past the limit or 5 s), with `Connection: close`, so
 * the client reads it instead of a connection reset; a body declared beyond that is refused
 * without reading.
 */
export async function readRawBody(ctx: Context, limit: number = LIMITS.jsonBodyBytes): Promise<Buffer> {
  const declared = Number(ctx.get('content-length') || '0');
  const declaredTooLarge = Number.isFinite(declared) && declared > limit;
  if (declaredTooLarge && declared > limit + DISCARD_MAX_BYTES) {
    ctx.set('Connection', 'close');
    throw errors.payloadTooLarge();
  }
  const outcome = await readStream(ctx.req, limit, declaredTooLarge);
  if (outcome.kind === 'too_large') {
    ctx.set('Connection', 'close');
    throw errors.payloadTooLarge();
  }
  return outcome.body;
}

/** Decodes a body as UTF-8 (a leading BOM dropped); malformed bytes are 400 `invalid_encoding`. */
export function decodeUtf8Body(raw: Buffer): string {
  try {
    return utf8.decode(raw);
  } catch {
    throw invalidEncoding();
  }
}

/**
 * Parses a JSON request body; an empty body is `{}`; a non-JSON content type is 415; bytes that
 * are not UTF-8 are 400 `invalid_encoding` (never stored as U+FFFD); bad JSON is 400 `invalid_json`.
 */
export async function readJsonBody(ctx: Context): Promise<unknown> {
  const type = ctx.get('content-type');
  const raw = await readRawBody(ctx);
  if (raw.length === 0) return {};
  if (type && !/^application\/(.+\+)?json\b/i.test(type)) {
    throw errors.unsupportedMediaType('请求体必须是 JSON（Content-Type: application/json）');
  }
  const text = decodeUtf8Body(raw);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw errors.invalidJson();
  }
}

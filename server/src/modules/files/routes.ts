import { createReadStream } from 'node:fs';
import Busboy from 'busboy';
import type { Context } from 'koa';
import { fileResponse, idParams, UPLOAD_MAX_BYTES, wecomMediaBody } from '@scrm/shared';
import { readRawBody } from '../../http/body';
import { errors } from '../../http/errors';
import { defineRoute, type RouteSpec } from '../../http/route';
import { idNum } from '../../lib/ids';
import { fileForDownload, filePath, isAllowedType, presentFile, storeFile, TOO_LARGE_MESSAGE, UNSUPPORTED_MESSAGE } from './service';
import { fetchWecomMedia, storeWecomMedia } from './wecom-media';

/** Multipart overhead allowed on top of the file itself. */
const MULTIPART_SLACK = 64 * 1024;

/** Reads the `file` field of a multipart/form-data body with busboy (size-limited). */
function readMultipartFile(ctx: Context): Promise<{ buffer: Buffer; contentType: string; filename: string | null }> {
  return new Promise((resolvePromise, reject) => {
    let bb: Busboy.Busboy;
    try {
      bb = Busboy({ headers: ctx.req.headers, limits: { fileSize: UPLOAD_MAX_BYTES, files: 1, fields: 10 } });
    } catch {
      reject(errors.badRequest('invalid_multipart', '无法解析 multipart/form-data 请求体'));
      return;
    }
    let found: { buffer: Buffer; contentType: string; filename: string | null } | null = null;
    let failure: Error | null = null;
    bb.on('file', (name, stream, info) => {
      if (name !== 'file') {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () => {
        failure = errors.payloadTooLarge(TOO_LARGE_MESSAGE);
        stream.resume();
      });
      stream.on('end', () => {
        if (!failure) found = { buffer: Buffer.concat(chunks), contentType: info.mimeType, filename: info.filename ?? null };
      });
    });
    bb.on('error', () => reject(errors.badRequest('invalid_multipart', '无法解析 multipart/form-data 请求体')));
    bb.on('close', () => {
      if (failure) reject(failure);
      else if (!found) reject(errors.validation([{ path: 'body.file', message: '请选择要上传的文件（表单字段 file）' }]));
      else resolvePromise(found);
    });
    ctx.req.pipe(bb);
  });
}

const upload = defineRoute({
  method: 'post',
  path: '/api/files',
  summary: 'Upload a photo or PDF (multipart field `file`, or the raw bytes with their Content-Type); JPEG/PNG/WebP/PDF ≤ 10 MB',
  tags: ['files'],
  bodyType: 'raw',
  idempotent: false,
  response: fileResponse,
  status: 201,
  handler: async ({ ctx, db, deps, user, audit }) => {
    const type = (ctx.get('content-type') || '').toLowerCase();
    const declared = Number(ctx.get('content-length') || '0');
    let input: { buffer: Buffer; contentType: string; filename: string | null };
    if (type.startsWith('multipart/form-data')) {
      if (declared > UPLOAD_MAX_BYTES + MULTIPART_SLACK) {
        ctx.set('Connection', 'close');
        throw errors.payloadTooLarge(TOO_LARGE_MESSAGE);
      }
      input = await readMultipartFile(ctx);
    } else {
      const mime = type.split(';')[0]!.trim();
      if (!isAllowedType(mime)) throw errors.unsupportedMediaType(UNSUPPORTED_MESSAGE);
      if (declared > UPLOAD_MAX_BYTES) {
        ctx.set('Connection', 'close');
        throw errors.payloadTooLarge(TOO_LARGE_MESSAGE);
      }
      const buffer = await readRawBody(ctx, UPLOAD_MAX_BYTES).catch((err: unknown) => {
        throw (err as { status?: number }).status === 413 ? errors.payloadTooLarge(TOO_LARGE_MESSAGE) : err;
      });
      input = { buffer, contentType: mime, filename: null };
    }
    const stored = await storeFile(db, deps, {
      corpId: user.corpId,
      uploaderId: user.id,
      buffer: input.buffer,
      contentType: input.contentType,
      originalName: input.filename,
    });
    await audit({ action: 'file.upload', entityType: 'file', entityId: stored.id, after: { sha256: stored.sha256, size: stored.size } });
    const { row: _row, ...out } = stored;
    return out;
  },
});

const fromWecom = defineRoute({
  method: 'post',
  path: '/api/files/wecom-media',
  summary: 'Store a WeCom JS-SDK upload by its serverId (media/get; WeCom keeps it 3 days); same answer and type/size rules as POST /api/files',
  tags: ['files'],
  body: wecomMediaBody,
  response: fileResponse,
  status: 201,
  prepare: ({ deps, body }) => fetchWecomMedia(deps, body.mediaId),
  handler: async ({ db, deps, user, body, audit, prepared }) => {
    const stored = await storeWecomMedia(db, deps, { corpId: user.corpId, uploaderId: user.id, mediaId: body.mediaId }, prepared);
    await audit({ action: 'file.upload', entityType: 'file', entityId: stored.id, after: { sha256: stored.sha256, size: stored.size, wecomMediaId: body.mediaId } });
    const { row: _row, ...out } = stored;
    return out;
  },
});

const download = defineRoute({
  method: 'get',
  path: '/api/files/:id',
  summary: 'Download a file: uploader, whoever\'s scope covers the uploader, or who can see a document it is attached to',
  tags: ['files'],
  params: idParams,
  handler: async ({ ctx, db, deps, user, scope, params }) => {
    const f = await fileForDownload(db, user, scope, idNum(params.id));
    ctx.status = 200;
    ctx.type = f.contentType;
    ctx.length = f.size;
    ctx.set('Cache-Control', 'private, max-age=86400');
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('ETag', `"${f.sha256}"`);
    ctx.body = createReadStream(filePath(deps, f));
    return undefined;
  },
});

export const fileRoutes: RouteSpec[] = [upload, fromWecom, download];
export { presentFile };

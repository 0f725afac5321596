import { createHash, randomBytes } from 'node:crypto';
import { access, mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UPLOAD_CONTENT_TYPES, UPLOAD_MAX_BYTES, type FileInfo, type UploadContentType } from '@scrm/shared';
import { canSeeOwner, type DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import type { AppDeps, AuthUser } from '../../http/context';
import { errors } from '../../http/errors';
import { idStr } from '../../lib/ids';
import * as repo from './repo';
import type { FileRow } from './repo';

export type { FileRow };

export const UNSUPPORTED_MESSAGE = '只支持上传 JPEG、PNG、WebP 图片或 PDF 文件';
export const TOO_LARGE_MESSAGE = `文件过大，单个文件不能超过 ${UPLOAD_MAX_BYTES / 1024 / 1024} MB`;

/** The real type of the bytes (magic numbers); declared types are not trusted. */
export function sniffContentType(buf: Buffer): UploadContentType | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (buf.length >= 12 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  if (buf.length >= 5 && buf.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  return null;
}

export const isAllowedType = (t: string): t is UploadContentType => (UPLOAD_CONTENT_TYPES as readonly string[]).includes(t);

const storagePath = (deps: AppDeps, sha256: string) => join(resolve(deps.config.uploadDir), sha256.slice(0, 2), sha256);

export function presentFile(f: FileRow): FileInfo {
  return { id: idStr(f.id), url: `/api/files/${f.id}`, contentType: f.contentType as UploadContentType, size: f.size, sha256: f.sha256 };
}

/**
 * Stores bytes by content hash under UPLOAD_DIR (written once, atomically) and records a files
 * row for this corp and uploader. Checks the type (by content; 415) and size (413). Other modules
 * call it with bytes they fetched themselves, e.g. a JS-SDK image from `media/get`.
 */
export async function storeFile(
  db: Db,
  deps: AppDeps,
  input: { corpId: number; uploaderId: number; buffer: Buffer; contentType?: string; originalName?: string | null },
): Promise<FileInfo & { row: FileRow }> {
  if (input.buffer.length > UPLOAD_MAX_BYTES) throw errors.payloadTooLarge(TOO_LARGE_MESSAGE);
  if (input.buffer.length === 0) throw errors.badRequest('empty_file', '文件为空');
  const sniffed = sniffContentType(input.buffer);
  if (!sniffed) throw errors.unsupportedMediaType(UNSUPPORTED_MESSAGE);
  const declared = input.contentType?.split(';')[0]?.trim().toLowerCase();
  if (declared && declared !== 'application/octet-stream' && declared !== sniffed && !(declared === 'image/jpg' && sniffed === 'image/jpeg')) {
    throw errors.unsupportedMediaType(`文件内容与声明的类型（${declared}）不符；${UNSUPPORTED_MESSAGE}`);
  }
  const sha256 = createHash('sha256').update(input.buffer).digest('hex');
  const path = storagePath(deps, sha256);
  const exists = await access(path).then(
    () => true,
    () => false,
  );
  if (!exists) {
    await mkdir(join(path, '..'), { recursive: true });
    const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(tmp, input.buffer);
    await rename(tmp, path);
  }
  const row = await repo.insertFile(db, {
    corpId: input.corpId,
    uploaderId: input.uploaderId,
    sha256,
    contentType: sniffed,
    size: input.buffer.length,
    originalName: input.originalName?.slice(0, 200) || null,
    createdAt: deps.now(),
  });
  return { ...presentFile(row), row };
}

/** Where a stored file's bytes are. */
export const filePath = (deps: AppDeps, f: FileRow) => storagePath(deps, f.sha256);

/** Decides whether `user` may see document `docId` of a type (registered by the document's module). */
export type AttachmentVisibility = (db: Db, user: AuthUser, scope: DataScope, docId: number) => Promise<boolean>;
const visibility = new Map<string, AttachmentVisibility>();

/**
 * Modules that attach files register who can see their documents (so those people may download),
 * from their module's `wire` hook (visits: photos, expenses: vouchers). Registering a type again
 * replaces its check (idempotent). Files of a type nobody registered are downloadable only by the
 * uploader and whoever's data scope covers the uploader.
 */
export function registerAttachmentVisibility(docType: string, check: AttachmentVisibility): void {
  visibility.set(docType, check);
}

/**
 * Links files to a document. Only the caller's own uploads of this corp may be attached
 * (409 `file_not_attachable` otherwise). Replaces the document's previous links when `replace`.
 */
export async function attachFiles(
  db: Db,
  deps: AppDeps,
  input: { corpId: number; uploaderId: number; fileIds: number[]; docType: string; docId: number; replace?: boolean },
): Promise<FileRow[]> {
  const uniq = [...new Set(input.fileIds)];
  const rows = await repo.filesByIds(db, input.corpId, uniq);
  const bad = uniq.filter((id) => !rows.some((r) => r.id === id && r.uploaderId === input.uploaderId));
  if (bad.length) throw errors.conflict('file_not_attachable', '只能附加自己上传的文件', { fileIds: bad.map(String) });
  if (input.replace) await repo.unlinkDocument(db, input.corpId, input.docType, input.docId);
  await repo.linkFiles(db, input.corpId, input.docType, input.docId, uniq, deps.now());
  return uniq.map((id) => rows.find((r) => r.id === id)!);
}

/** Files attached to a document, in upload order. */
export const filesOf = (db: Db, corpId: number, docType: string, docId: number): Promise<FileRow[]> => repo.filesOfDocument(db, corpId, docType, docId);

/**
 * Download rule: same corp, and one of — the caller uploaded it; the caller's data scope covers
 * the uploader (leaders: their subtree; admin: all); or the caller can see a document the file
 * is attached to (each module registers that check).
 */
export async function canDownload(db: Db, user: AuthUser, scope: DataScope, f: FileRow): Promise<boolean> {
  if (f.corpId !== user.corpId) return false;
  if (f.uploaderId === user.id || canSeeOwner(scope, f.uploaderId)) return true;
  const links = await repo.linksOfFile(db, f.corpId, f.id);
  for (const l of links) {
    const check = visibility.get(l.docType);
    if (check && (await check(db, user, scope, l.docId))) return true;
  }
  return false;
}

/** The file the caller may download (`canDownload`), or 404 — never revealing that it exists. */
export async function fileForDownload(db: Db, user: AuthUser, scope: () => Promise<DataScope>, id: number): Promise<FileRow> {
  const f = await repo.findFile(db, user.corpId, id);
  if (!f || !(await canDownload(db, user, await scope(), f))) throw errors.notFound('文件');
  return f;
}

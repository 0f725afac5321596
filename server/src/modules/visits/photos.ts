import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { files } from '../../db/schema/index';
import type { AppDeps, AuthUser } from '../../http/context';
import { errors } from '../../http/errors';
import { attachFiles, registerAttachmentVisibility, type AttachmentVisibility } from '../files/service';
import { storeWecomMedia } from '../files/wecom-media';
import { findVisibleVisit } from './visibility';

/** Photos a check-in accepts; PDFs (vouchers) are not on-site photos. */
export const PHOTO_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'];
export const PHOTO_DOC_TYPE = 'visit';

/** A visit's photo may be downloaded by whoever may see the visit (assignee, creator, their leaders). */
const visitPhotoVisible: AttachmentVisibility = async (db, _user, scope, docId) => (await findVisibleVisit(db, scope, docId)) !== null;

/** Registers visit photos with the files module (the visits module's `wire` hook; idempotent). */
export function registerVisitPhotoVisibility(): void {
  registerAttachmentVisibility(PHOTO_DOC_TYPE, visitPhotoVisible);
}

/**
 * Stores a WeCom JS-SDK `uploadImage` (fetched by `fetchWecomMedia` before the transaction) by content
 * hash through the files module (type → 415, size → 413, WeCom failures → 400/429/502/503).
 */
export async function storeWecomPhoto(db: Db, deps: AppDeps, user: AuthUser, mediaId: string, media: { buffer: Buffer }): Promise<number> {
  const stored = await storeWecomMedia(db, deps, { corpId: user.corpId, uploaderId: user.id, mediaId }, media);
  if (!PHOTO_TYPES.includes(stored.contentType)) throw errors.unsupportedMediaType('只支持 JPEG、PNG 或 WebP 格式的照片');
  return stored.row.id;
}

/** A photo the caller uploaded (`POST /api/files`) in this corp; else a 400 on `photoFileId`. */
export async function ownPhotoFile(db: Db, user: AuthUser, fileId: number): Promise<number> {
  const [f] = await db
    .select({ id: files.id, contentType: files.contentType })
    .from(files)
    .where(and(eq(files.corpId, user.corpId), eq(files.id, fileId), eq(files.uploaderId, user.id)));
  if (!f || !PHOTO_TYPES.includes(f.contentType)) {
    throw errors.validation([{ path: 'body.photoFileId', message: '照片不存在，或不是 JPEG、PNG、WebP 图片' }]);
  }
  return f.id;
}

/** Attaches the photo to the visit, so the files module serves it to callers who can see the visit. */
export async function linkPhoto(db: Db, deps: AppDeps, user: AuthUser, fileId: number, visitId: number): Promise<void> {
  await attachFiles(db, deps, { corpId: user.corpId, uploaderId: user.id, fileIds: [fileId], docType: PHOTO_DOC_TYPE, docId: visitId });
}

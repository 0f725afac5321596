import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { files } from '../../db/schema/index';
import type { AppDeps, AuthUser } from '../../http/context';
import { errors } from '../../http/errors';
import { wecomClient } from '../../wecom/client';
import { attachFiles, registerAttachmentVisibility, storeFile } from '../files/service';
import { findVisit } from './repo';

/** Photos a check-in accepts; PDFs (vouchers) are not on-site photos. */
export const PHOTO_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'];
export const PHOTO_DOC_TYPE = 'visit';

// A visit's photo may be downloaded by whoever may see the visit (assignee, creator, their leaders).
registerAttachmentVisibility(PHOTO_DOC_TYPE, async (db, _user, scope, docId) => (await findVisit(db, scope, docId)) !== null);

/**
 * Fetches a WeCom JS-SDK `uploadImage` serverId (`cgi-bin/media/get`) and stores it by content
 * hash (the files module checks type → 415 and size → 413).
 */
export async function storeWecomPhoto(db: Db, deps: AppDeps, user: AuthUser, mediaId: string): Promise<number> {
  let media: { buffer: Buffer; contentType: string };
  try {
    media = await wecomClient(deps).getMedia(mediaId);
  } catch (err) {
    deps.logger.warn({ err, mediaId }, 'visit photo: media/get failed');
    throw errors.conflict('photo_fetch_failed', '无法从企业微信获取照片（可能已过期），请重新拍照');
  }
  const stored = await storeFile(db, deps, { corpId: user.corpId, uploaderId: user.id, buffer: media.buffer, originalName: `wecom-${mediaId.slice(0, 40)}.jpg` });
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

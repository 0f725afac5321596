import type { Db } from '../../db/client';
import type { AppDeps } from '../../http/context';
import { AppError } from '../../http/errors';
import { wecomClient } from '../../wecom/client';
import { WecomApiError, WecomConfigError, WecomRateLimitError, WecomTransportError } from '../../wecom/errors';
import { toAppError } from '../../wecom/http-errors';
import { storeFile } from './service';

/** media/get errcodes meaning "no such media (any more)": a temporary media lives 3 days. */
const MEDIA_GONE_CODES = new Set([40007]);

/** What a failed `cgi-bin/media/get` means to the caller (Chinese message, 4xx or 502). */
export function mediaFetchError(err: unknown): unknown {
  if (err instanceof WecomConfigError || err instanceof WecomRateLimitError) return toAppError(err);
  if (err instanceof WecomApiError && MEDIA_GONE_CODES.has(err.errcode)) {
    return new AppError(400, 'wecom_media_expired', '企业微信中找不到该文件：临时素材只保留 3 天，可能已过期，请重新选择上传');
  }
  if (err instanceof WecomApiError) return new AppError(502, 'wecom_error', `企业微信返回错误（错误码 ${err.errcode}），暂时无法获取文件，请稍后重试`);
  if (err instanceof WecomTransportError) return new AppError(502, 'wecom_unavailable', '暂时无法连接企业微信获取文件，请稍后重试');
  return err;
}

/** Fetches a WeCom JS-SDK upload (`serverId` → `cgi-bin/media/get`); WeCom failures → `mediaFetchError`. Call it outside any transaction. */
export async function fetchWecomMedia(deps: AppDeps, mediaId: string): Promise<{ buffer: Buffer; contentType: string }> {
  try {
    return await wecomClient(deps).getMedia(mediaId);
  } catch (err) {
    deps.logger.warn({ err, mediaId }, 'media/get failed');
    throw mediaFetchError(err);
  }
}

/**
 * Stores a fetched WeCom upload like `POST /api/files` (type by content → 415, size → 413).
 * The fetch (`fetchWecomMedia`) happens before the transaction, in the route's `prepare`.
 */
export async function storeWecomMedia(db: Db, deps: AppDeps, input: { corpId: number; uploaderId: number; mediaId: string }, media: { buffer: Buffer }) {
  return storeFile(db, deps, {
    corpId: input.corpId,
    uploaderId: input.uploaderId,
    // The bytes decide the type (WeCom's Content-Type is not trusted, as for any upload).
    buffer: media.buffer,
    originalName: `wecom-${input.mediaId.slice(0, 40)}`,
  });
}

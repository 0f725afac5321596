import type { FileInfo } from '@scrm/shared';
import { networkError, toApiError } from './errors';
import { buildUrl, request } from './request';
import { getToken } from './token';

function parseMaybeJson(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return data;
  }
}

/**
 * `POST /api/files` (multipart field `file`) with a local path from uni.chooseImage (a blob URL
 * on H5, a temp file in the mini program). Rejects with ApiError: 415 wrong type, 413 too large,
 * both with the server's Chinese sentence.
 */
export function uploadFile(filePath: string): Promise<FileInfo> {
  const header: Record<string, string> = {};
  const token = getToken();
  if (token) header.Authorization = `Bearer ${token}`;
  return new Promise((resolve, reject) => {
    uni.uploadFile({
      url: buildUrl('/api/files'),
      filePath,
      name: 'file',
      header,
      timeout: 60000,
      success(res) {
        const data = parseMaybeJson(res.data);
        if (res.statusCode >= 200 && res.statusCode < 300) resolve(data as FileInfo);
        else reject(toApiError(res.statusCode, data));
      },
      fail(err) {
        reject(networkError(err.errMsg));
      },
    });
  });
}

/**
 * `POST /api/files/wecom-media {mediaId}`: stores a WeCom JS-SDK upload (its serverId, kept by
 * WeCom for 3 days) as one of our files; same answer and 415/413 rules as `POST /api/files`,
 * plus 400 `wecom_media_expired`, 429 and 502 with the server's Chinese sentence.
 */
export const storeWecomMedia = (mediaId: string) =>
  request<FileInfo>('/api/files/wecom-media', { method: 'POST', body: { mediaId }, timeout: 60000 });

/**
 * A displayable source for a stored file (`/api/files/:id`). H5 sends the session cookie with
 * `<image>`; the mini program has no cookie, so it downloads with the bearer token first.
 */
export function fileSrc(url: string): Promise<string> {
  // #ifdef MP-WEIXIN
  return new Promise((resolve, reject) => {
    uni.downloadFile({
      url: buildUrl(url),
      header: { Authorization: `Bearer ${getToken()}` },
      success: (res) => (res.statusCode === 200 ? resolve(res.tempFilePath) : reject(toApiError(res.statusCode, undefined))),
      fail: (err) => reject(networkError(err.errMsg)),
    });
  });
  // #endif
  // #ifndef MP-WEIXIN
  return Promise.resolve(buildUrl(url));
  // #endif
}

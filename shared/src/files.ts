import { z } from 'zod';
import { idSchema, LIMITS } from './common';

/** What may be uploaded (photos and PDF vouchers). */
export const UPLOAD_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type UploadContentType = (typeof UPLOAD_CONTENT_TYPES)[number];
export const UPLOAD_MAX_BYTES = LIMITS.uploadBytes;

/** Answer of `POST /api/files`. */
export const fileResponse = z.object({
  id: idSchema,
  url: z.string(),
  contentType: z.enum(UPLOAD_CONTENT_TYPES),
  size: z.number().int(),
  sha256: z.string(),
});
export type FileInfo = z.infer<typeof fileResponse>;

/** Body of `POST /api/files/wecom-media`: a WeCom JS-SDK upload's serverId (kept by WeCom for 3 days). */
export const wecomMediaBody = z.object({
  mediaId: z
    .string({ error: '请提供企业微信媒体编号 mediaId' })
    .trim()
    .min(1, { error: '请提供企业微信媒体编号 mediaId' })
    .max(256, { error: '媒体编号过长' }),
});
export type WecomMediaBody = z.infer<typeof wecomMediaBody>;

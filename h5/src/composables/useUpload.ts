import type { FileInfo } from '@scrm/shared';
import { storeWecomMedia, uploadFile } from '@/api/files';
import { usePlatform, type PickedImage } from '@/platform';
import { PlatformError } from '@/platform/types';

/** A picked photo and what can be shown of it before it is stored. */
export interface PickedPhoto {
  image: PickedImage;
  /** a local path/blob URL to preview; '' for a WeCom upload (only WeCom holds the bytes) */
  preview: string;
  /** bytes, when the host says (local files) */
  size?: number;
}

/**
 * Photos into our file store, the one place that knows the hosts differ. The platform adapter
 * decides what a pick is: inside WeCom H5 the JS-SDK has already uploaded it to WeCom
 * (`{kind:'wecom-media', serverId}`) and we ask the server to fetch it
 * (`POST /api/files/wecom-media`); in the browser and the mini program it is a local file we
 * upload (`POST /api/files`). Either way the caller gets the same `FileInfo`.
 */
export function useUpload() {
  const platform = usePlatform();

  /** Stores one picked photo → file (rejects with ApiError: 415/413, expired media, …). */
  function store(image: PickedImage): Promise<FileInfo> {
    return image.kind === 'wecom-media' ? storeWecomMedia(image.serverId) : uploadFile(image.filePath);
  }

  /** One photo through the host adapter; rejects with PlatformError `cancelled` when none is chosen. */
  async function pickOne(): Promise<PickedPhoto> {
    const image = await platform.chooseAndUploadImage();
    return { image, preview: image.kind === 'file' ? image.filePath : '' };
  }

  /**
   * Up to `count` photos (camera or album). Where the pick is a local file, several at once with
   * their sizes (so a too-large one is refused before sending); inside WeCom one JS-SDK upload.
   * Resolves [] when the user cancels.
   */
  function pickMany(count: number): Promise<PickedPhoto[]> {
    if (count <= 0) return Promise.resolve([]);
    if (platform.kind === 'wecom-h5') {
      return pickOne().then(
        (p) => [p],
        (e: unknown) => (e instanceof PlatformError && e.code === 'cancelled' ? [] : Promise.reject(e)),
      );
    }
    return new Promise((resolve) => {
      uni.chooseImage({
        count: Math.min(9, count),
        sizeType: ['compressed'],
        sourceType: ['camera', 'album'],
        success(res) {
          const paths = Array.isArray(res.tempFilePaths) ? res.tempFilePaths : [res.tempFilePaths];
          const files = (Array.isArray(res.tempFiles) ? res.tempFiles : [res.tempFiles]) as { size?: number }[];
          resolve(paths.slice(0, count).map((filePath, i) => ({ image: { kind: 'file' as const, filePath }, preview: filePath, size: files[i]?.size })));
        },
        fail: () => resolve([]),
      });
    });
  }

  return { store, pickOne, pickMany };
}

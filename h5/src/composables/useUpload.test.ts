import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PickedImage, Platform } from '@/platform';

const files = vi.hoisted(() => ({
  storeWecomMedia: vi.fn(async (mediaId: string) => ({ id: `w-${mediaId}`, url: '/api/files/1', contentType: 'image/jpeg', size: 1, sha256: 'x' })),
  uploadFile: vi.fn(async (path: string) => ({ id: `f-${path}`, url: '/api/files/2', contentType: 'image/png', size: 1, sha256: 'y' })),
}));
const host = vi.hoisted(() => ({ platform: null as unknown as Partial<Platform> }));
vi.mock('@/api/files', () => files);
vi.mock('@/platform', () => ({ usePlatform: () => host.platform }));

const { useUpload } = await import('./useUpload');

describe('useUpload', () => {
  beforeEach(() => {
    files.storeWecomMedia.mockClear();
    files.uploadFile.mockClear();
  });

  it('stores a WeCom JS-SDK upload by its media id and uploads a local file', async () => {
    host.platform = { kind: 'browser' };
    const { store } = useUpload();
    await expect(store({ kind: 'wecom-media', serverId: 'MEDIA1' })).resolves.toMatchObject({ id: 'w-MEDIA1' });
    expect(files.storeWecomMedia).toHaveBeenCalledWith('MEDIA1');
    await expect(store({ kind: 'file', filePath: 'blob:1' })).resolves.toMatchObject({ id: 'f-blob:1' });
    expect(files.uploadFile).toHaveBeenCalledWith('blob:1');
  });

  it('inside WeCom H5 picks through the adapter (one media id, nothing local to preview); a cancel is an empty pick', async () => {
    const picked: PickedImage = { kind: 'wecom-media', serverId: 'S1' };
    host.platform = { kind: 'wecom-h5', chooseAndUploadImage: vi.fn(async () => picked) };
    await expect(useUpload().pickMany(5)).resolves.toEqual([{ image: picked, preview: '' }]);
    const { PlatformError } = await import('@/platform/types');
    host.platform = { kind: 'wecom-h5', chooseAndUploadImage: vi.fn(async () => Promise.reject(new PlatformError('cancelled', 'x'))) };
    await expect(useUpload().pickMany(5)).resolves.toEqual([]);
  });
});

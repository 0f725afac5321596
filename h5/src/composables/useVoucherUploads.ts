import { computed, ref } from 'vue';
import { EXPENSE_LIMITS, UPLOAD_MAX_BYTES } from '@scrm/shared';
import { isApiError } from '@/api/errors';
import { uploadFile } from '@/api/files';

export interface VoucherSlot {
  key: string;
  /** what the thumbnail shows: the local pick while uploading, then the stored file */
  src: string;
  fileId: string | null;
  contentType: string;
  state: 'uploading' | 'done' | 'error';
  error: string;
  /** false when sending again cannot help (too large) */
  retryable: boolean;
}

let seq = 0;

/**
 * Voucher photos of a claim: pick (camera or album) → upload to `POST /api/files` → file ids.
 *
 * Picks go through `uni.chooseImage` rather than the platform adapter: inside WeCom the adapter
 * answers a JS-SDK media id, and the API has no route that turns a media id into a file for
 * expenses; `uni.chooseImage` yields a local file on every host (an `<input type=file>` on H5),
 * which `uploadFile` sends to our server directly.
 */
export function useVoucherUploads(describeError: (e: unknown) => string, tooLargeText: string) {
  const slots = ref<VoucherSlot[]>([]);
  const max = EXPENSE_LIMITS.vouchersMax;

  const uploading = computed(() => slots.value.some((s) => s.state === 'uploading'));
  const fileIds = computed(() => slots.value.filter((s) => s.state === 'done' && s.fileId).map((s) => s.fileId!));
  const remaining = computed(() => max - slots.value.filter((s) => s.state !== 'error').length);

  function patch(key: string, change: Partial<VoucherSlot>): void {
    slots.value = slots.value.map((s) => (s.key === key ? { ...s, ...change } : s));
  }

  async function upload(key: string, path: string): Promise<void> {
    patch(key, { state: 'uploading', error: '' });
    try {
      const file = await uploadFile(path);
      patch(key, { state: 'done', fileId: file.id, contentType: file.contentType });
    } catch (e) {
      // 415 (not an image/PDF) and 413 (too large) come with the server's Chinese sentence.
      patch(key, { state: 'error', error: describeError(e), retryable: !(isApiError(e) && (e.status === 413 || e.status === 415)) });
    }
  }

  /** Opens the picker; each chosen photo uploads on its own so one failure doesn't block the rest. */
  function add(): Promise<void> {
    const count = Math.min(9, remaining.value);
    if (count <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      uni.chooseImage({
        count,
        sizeType: ['compressed'],
        sourceType: ['camera', 'album'],
        success(res) {
          const paths = Array.isArray(res.tempFilePaths) ? res.tempFilePaths : [res.tempFilePaths];
          const files = (Array.isArray(res.tempFiles) ? res.tempFiles : [res.tempFiles]) as { size?: number }[];
          const added: VoucherSlot[] = paths.slice(0, count).map((path, i) => {
            // Refused before sending: a server that cuts a too-large upload short often reaches
            // the browser as a network error, not as the 413 sentence.
            const big = (files[i]?.size ?? 0) > UPLOAD_MAX_BYTES;
            return { key: `v${++seq}`, src: path, fileId: null, contentType: 'image/*', state: big ? 'error' : 'uploading', error: big ? tooLargeText : '', retryable: !big };
          });
          slots.value = [...slots.value, ...added];
          void Promise.all(added.filter((s) => s.state === 'uploading').map((s) => upload(s.key, s.src))).then(() => resolve());
        },
        fail: () => resolve(),
      });
    });
  }

  function retry(key: string): void {
    const slot = slots.value.find((s) => s.key === key);
    if (slot?.retryable) void upload(key, slot.src);
  }

  function remove(key: string): void {
    slots.value = slots.value.filter((s) => s.key !== key);
  }

  /** Shows the vouchers already on a saved draft. */
  function setExisting(list: { id: string; src: string; contentType: string }[]): void {
    slots.value = list.map((v) => ({ key: `v${++seq}`, src: v.src, fileId: v.id, contentType: v.contentType, state: 'done', error: '', retryable: false }));
  }

  return { slots, uploading, fileIds, remaining, max, add, retry, remove, setExisting };
}

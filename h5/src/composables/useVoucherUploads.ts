import { computed, ref } from 'vue';
import { EXPENSE_LIMITS, UPLOAD_MAX_BYTES } from '@scrm/shared';
import { isApiError } from '@/api/errors';
import { fileSrc } from '@/api/files';
import type { PickedImage } from '@/platform';
import { useUpload } from './useUpload';

export interface VoucherSlot {
  key: string;
  /** what the thumbnail shows: the local pick while uploading ('' for a WeCom upload), then the stored file */
  src: string;
  /** what was picked (kept so a retry sends it again); null for a voucher already on the claim */
  image: PickedImage | null;
  fileId: string | null;
  contentType: string;
  state: 'uploading' | 'done' | 'error';
  error: string;
  /** false when sending again cannot help (too large) */
  retryable: boolean;
}

let seq = 0;

/**
 * Voucher photos of a claim: pick (camera or album) → store → file ids. Picking and storing go
 * through `useUpload`, which knows the hosts: a local file is uploaded (`POST /api/files`), a
 * WeCom JS-SDK upload inside WeCom is fetched by the server (`POST /api/files/wecom-media`).
 */
export function useVoucherUploads(describeError: (e: unknown) => string, tooLargeText: string) {
  const uploads = useUpload();
  const slots = ref<VoucherSlot[]>([]);
  const max = EXPENSE_LIMITS.vouchersMax;

  const uploading = computed(() => slots.value.some((s) => s.state === 'uploading'));
  const fileIds = computed(() => slots.value.filter((s) => s.state === 'done' && s.fileId).map((s) => s.fileId!));
  const remaining = computed(() => max - slots.value.filter((s) => s.state !== 'error').length);

  function patch(key: string, change: Partial<VoucherSlot>): void {
    slots.value = slots.value.map((s) => (s.key === key ? { ...s, ...change } : s));
  }

  async function upload(key: string, image: PickedImage): Promise<void> {
    patch(key, { state: 'uploading', error: '' });
    try {
      const file = await uploads.store(image);
      patch(key, { state: 'done', fileId: file.id, contentType: file.contentType });
      // Nothing local to show for a WeCom upload: show the stored file.
      if (image.kind === 'wecom-media') patch(key, { src: await fileSrc(file.url).catch(() => '') });
    } catch (e) {
      // 415 (not an image/PDF) and 413 (too large) come with the server's Chinese sentence.
      patch(key, { state: 'error', error: describeError(e), retryable: !(isApiError(e) && (e.status === 413 || e.status === 415)) });
    }
  }

  /** Opens the picker; each chosen photo uploads on its own so one failure doesn't block the rest. */
  async function add(): Promise<void> {
    let picked;
    try {
      picked = await uploads.pickMany(remaining.value);
    } catch (e) {
      // The picker itself failed (not cancelled: that is an empty pick).
      uni.showToast({ title: describeError(e), icon: 'none', duration: 3000 });
      return;
    }
    const added: VoucherSlot[] = picked.map((p) => {
      // Refused before sending: a server that cuts a too-large upload short often reaches
      // the browser as a network error, not as the 413 sentence.
      const big = (p.size ?? 0) > UPLOAD_MAX_BYTES;
      return { key: `v${++seq}`, src: p.preview, image: p.image, fileId: null, contentType: 'image/*', state: big ? 'error' : 'uploading', error: big ? tooLargeText : '', retryable: !big };
    });
    slots.value = [...slots.value, ...added];
    await Promise.all(added.filter((s) => s.state === 'uploading').map((s) => upload(s.key, s.image!)));
  }

  function retry(key: string): void {
    const slot = slots.value.find((s) => s.key === key);
    if (slot?.retryable && slot.image) void upload(key, slot.image);
  }

  function remove(key: string): void {
    slots.value = slots.value.filter((s) => s.key !== key);
  }

  /** Shows the vouchers already on a saved draft. */
  function setExisting(list: { id: string; src: string; contentType: string }[]): void {
    slots.value = list.map((v) => ({ key: `v${++seq}`, src: v.src, image: null, fileId: v.id, contentType: v.contentType, state: 'done', error: '', retryable: false }));
  }

  return { slots, uploading, fileIds, remaining, max, add, retry, remove, setExisting };
}

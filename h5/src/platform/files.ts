import { getToken } from '@/api/token';
import { toApiError } from '@/api/errors';
import { PlatformError } from './types';

/**
 * File transfer with the user's session, for Excel import / export. H5 only: the browser (and
 * WeCom's webview) can save a blob and pick a local file; the mini program can't offer a
 * useful .xlsx download or a file picker for it, so there it says so.
 */
export const fileTransferSupported = (): boolean => {
  // #ifdef H5
  return true;
  // #endif
  // eslint-disable-next-line no-unreachable
  return false;
};

function authHeaders(): Record<string, string> {
  const token = getToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** Filename from `Content-Disposition` (`filename*=UTF-8''…` first), else the fallback. */
export function filenameOf(disposition: string | null, fallback: string): string {
  const star = disposition?.match(/filename\*=UTF-8''([^;]+)/i);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      /* fall through */
    }
  }
  const plain = disposition?.match(/filename="?([^";]+)"?/i);
  return plain?.[1] ?? fallback;
}

/** GETs `url` with the session and saves the answer as a file; rejects with ApiError on non-2xx. */
export async function downloadWithSession(url: string, fallbackName: string): Promise<string> {
  // #ifdef H5
  const res = await fetch(url, { headers: authHeaders(), credentials: 'same-origin' });
  if (!res.ok) {
    const text = await res.text();
    throw toApiError(res.status, text);
  }
  const name = filenameOf(res.headers.get('Content-Disposition'), fallbackName);
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 30_000);
  return name;
  // #endif
  // eslint-disable-next-line no-unreachable
  throw new PlatformError('unsupported', 'file download is H5-only');
}

/** Lets the user pick one file (`accept` e.g. `.xlsx`); rejects with `cancelled` when none is chosen. */
export function pickFile(accept: string): Promise<File> {
  // #ifdef H5
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      if (file) resolve(file);
      else reject(new PlatformError('cancelled', 'no file chosen'));
    });
    document.body.appendChild(input);
    input.click();
  });
  // #endif
  // eslint-disable-next-line no-unreachable
  return Promise.reject(new PlatformError('unsupported', 'file upload is H5-only'));
}

/** POSTs the file's bytes as the request body (the import routes read the raw body) → parsed JSON. */
export async function uploadRaw<T>(url: string, file: Blob): Promise<T> {
  // #ifdef H5
  const res = await fetch(url, {
    method: 'POST',
    headers: { ...authHeaders(), 'Content-Type': file.type || 'application/octet-stream', Accept: 'application/json' },
    body: file,
    credentials: 'same-origin',
  });
  const text = await res.text();
  if (!res.ok) throw toApiError(res.status, text);
  return JSON.parse(text) as T;
  // #endif
  // eslint-disable-next-line no-unreachable
  throw new PlatformError('unsupported', 'file upload is H5-only');
}

import {
  DEMO_CONTEXT_STORAGE_KEY,
  parseDemoContext,
  reviveDemoContext,
  type DemoContext,
} from './demo-context';
import { PlatformError, toPlatformError, type Platform } from './types';

function readStoredContext(): DemoContext | null {
  try {
    return reviveDemoContext(uni.getStorageSync(DEMO_CONTEXT_STORAGE_KEY));
  } catch {
    return null;
  }
}

/**
 * The demo shim for a plain browser: no WeCom, so the chat context comes from the URL (kept in
 * storage for later pages), location from the browser, photos from a file picker, and "sending"
 * to a chat copies the text for the user to paste.
 */
export function createBrowserPlatform(): Platform {
  let context: DemoContext = { entry: 'normal' };

  return {
    kind: 'browser',

    async init() {
      const fromUrl = typeof window === 'undefined' ? null : parseDemoContext(window.location.search);
      if (fromUrl) {
        context = fromUrl;
        try {
          uni.setStorageSync(DEMO_CONTEXT_STORAGE_KEY, fromUrl);
        } catch {
          // Without storage the context just lasts for this page load.
        }
      } else {
        context = readStoredContext() ?? context;
      }
    },

    async getContext() {
      return { entry: context.entry };
    },

    async getCurExternalContact() {
      if (!context.externalUserId) {
        throw new PlatformError('no_context', 'no external contact: open with ?externalUserId=wm…');
      }
      return { externalUserId: context.externalUserId };
    },

    async getCurExternalChat() {
      if (!context.chatId) throw new PlatformError('no_context', 'no external chat: open with ?chatId=wr…');
      return { chatId: context.chatId };
    },

    getLocation() {
      return new Promise((resolve, reject) => {
        if (typeof navigator === 'undefined' || !navigator.geolocation) {
          reject(new PlatformError('unsupported', 'geolocation is not available'));
          return;
        }
        navigator.geolocation.getCurrentPosition(
          (position) =>
            resolve({
              latitude: position.coords.latitude,
              longitude: position.coords.longitude,
              accuracy: position.coords.accuracy,
            }),
          (error) =>
            reject(new PlatformError(error.code === error.PERMISSION_DENIED ? 'denied' : 'failed', error.message)),
          { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
        );
      });
    },

    chooseAndUploadImage() {
      return new Promise((resolve, reject) => {
        uni.chooseImage({
          count: 1,
          sizeType: ['compressed'],
          success(res) {
            const paths = Array.isArray(res.tempFilePaths) ? res.tempFilePaths : [res.tempFilePaths];
            const filePath = paths[0];
            if (filePath) resolve({ kind: 'file', filePath });
            else reject(new PlatformError('cancelled', 'no image chosen'));
          },
          fail(err) {
            reject(toPlatformError(err));
          },
        });
      });
    },

    sendChatMessage(text: string) {
      return new Promise((resolve, reject) => {
        // uni shows its own "copied" toast on success, which tells the demo user what happened.
        uni.setClipboardData({
          data: text,
          success: () => resolve(),
          fail: (err) => reject(toPlatformError(err)),
        });
      });
    },
  };
}

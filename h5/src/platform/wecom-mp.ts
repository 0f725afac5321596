import { PlatformError, toPlatformError, type Platform } from './types';

/** The slice of WeCom's mini-program API (`wx.qy.*`) we call; WeChat's typings don't include it. */
interface WxCallbacks<T> {
  success?: (res: T) => void;
  fail?: (err: { errMsg?: string }) => void;
}
interface WxQy {
  login(options: WxCallbacks<{ code: string }>): void;
  getContext(options: WxCallbacks<{ entry: string }>): void;
  getCurExternalContact(options: WxCallbacks<{ userId: string }>): void;
  getCurExternalChat(options: WxCallbacks<{ chatId: string }>): void;
  sendChatMessage(options: { msgtype: 'text'; text: { content: string } } & WxCallbacks<unknown>): void;
}
interface WxHost {
  qy?: WxQy;
  getLocation(options: { type: 'gcj02' | 'wgs84' } & WxCallbacks<{ latitude: number; longitude: number; accuracy: number }>): void;
  chooseImage(options: { count: number; sizeType: string[] } & WxCallbacks<{ tempFilePaths: string[] }>): void;
}

// The mini program's global; declared here because only this file may touch it.
declare const wx: WxHost;

function qy(): WxQy {
  if (!wx.qy) throw new PlatformError('unsupported', 'wx.qy is missing: open the mini program inside WeCom');
  return wx.qy;
}

/** Promisifies a callback-style wx API and normalises its failures. */
function promisify<T>(invoke: (callbacks: WxCallbacks<T>) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      invoke({ success: resolve, fail: (err) => reject(toPlatformError(err)) });
    } catch (error) {
      reject(toPlatformError(error));
    }
  });
}

/** `wx.qy.login` → a one-time code for `POST /api/auth/mp-login`. */
export function wecomMpLoginCode(): Promise<string> {
  return promisify<{ code: string }>((cb) => qy().login(cb)).then((res) => res.code);
}

/** WeCom's mini-program runtime: the same capabilities as the H5 SDK under `wx.qy`. */
export function createWecomMpPlatform(): Platform {
  return {
    kind: 'wecom-mp',

    async init() {
      qy();
    },

    getContext: () => promisify<{ entry: string }>((cb) => qy().getContext(cb)).then((r) => ({ entry: r.entry })),

    getCurExternalContact: () =>
      promisify<{ userId: string }>((cb) => qy().getCurExternalContact(cb)).then((r) => ({
        externalUserId: r.userId,
      })),

    getCurExternalChat: () =>
      promisify<{ chatId: string }>((cb) => qy().getCurExternalChat(cb)).then((r) => ({ chatId: r.chatId })),

    getLocation: () =>
      promisify<{ latitude: number; longitude: number; accuracy: number }>((cb) =>
        wx.getLocation({ type: 'gcj02', ...cb }),
      ).then((r) => ({ latitude: r.latitude, longitude: r.longitude, accuracy: r.accuracy })),

    chooseAndUploadImage: () =>
      promisify<{ tempFilePaths: string[] }>((cb) => wx.chooseImage({ count: 1, sizeType: ['compressed'], ...cb })).then(
        (r) => {
          const filePath = r.tempFilePaths[0];
          if (!filePath) throw new PlatformError('cancelled', 'no image chosen');
          return { kind: 'file' as const, filePath };
        },
      ),

    sendChatMessage: (text: string) =>
      promisify<unknown>((cb) => qy().sendChatMessage({ msgtype: 'text', text: { content: text }, ...cb })).then(
        () => undefined,
      ),
  };
}

import { getJsSdkConfig, type JsSdkConfig, type JsSdkSignature } from '@/api/wecom';
import { PlatformError, toPlatformError, type Platform } from './types';

/** Every JS-SDK API the app uses; WeCom rejects calls to APIs not listed at registration. */
const JS_API_LIST = [
  'getContext',
  'getCurExternalContact',
  'getCurExternalChat',
  'sendChatMessage',
  'getLocation',
  'chooseImage',
  'uploadImage',
  'openUserProfile',
  'selectExternalContact',
];

type WeComSdk = typeof import('@wecom/jssdk');

/** Signatures cover the URL without its fragment (WeCom's rule). */
function pageUrl(): string {
  return window.location.href.split('#')[0] ?? window.location.href;
}

/**
 * WeCom's H5 webview, through `@wecom/jssdk`. The SDK is loaded lazily so the plain-browser demo
 * and the first screen don't carry it. Signatures come from the server, which caches the
 * tickets per corp/app (they are rate-limited).
 */
export function createWecomH5Platform(): Platform {
  let sdk: Promise<WeComSdk> | null = null;
  // The server answers both signatures in one call; remember it per URL so register's two
  // callbacks (and re-registration on SPA navigation) cost one request per URL.
  const configs = new Map<string, Promise<JsSdkConfig>>();

  function configFor(url: string): Promise<JsSdkConfig> {
    let config = configs.get(url);
    if (!config) {
      config = getJsSdkConfig(url);
      config.catch(() => configs.delete(url));
      configs.set(url, config);
    }
    return config;
  }

  function signature(pick: (c: JsSdkConfig) => JsSdkSignature) {
    return async (url: string) => {
      const s = pick(await configFor(url));
      return { timestamp: s.timestamp, nonceStr: s.nonceStr, signature: s.signature };
    };
  }

  async function ready(): Promise<WeComSdk> {
    if (!sdk) {
      sdk = (async () => {
        const [ww, config] = await Promise.all([import('@wecom/jssdk'), configFor(pageUrl())]);
        ww.register({
          corpId: config.corpId,
          agentId: config.agentId,
          jsApiList: JS_API_LIST,
          getConfigSignature: signature((c) => c.config),
          getAgentConfigSignature: signature((c) => c.agentConfig),
        });
        return ww;
      })();
      sdk.catch(() => {
        sdk = null;
      });
    }
    return sdk;
  }

  async function call<T>(fn: (ww: WeComSdk) => Promise<T>): Promise<T> {
    const ww = await ready();
    try {
      return await fn(ww);
    } catch (error) {
      throw toPlatformError(error);
    }
  }

  return {
    kind: 'wecom-h5',

    async init() {
      await ready();
    },

    getContext: () => call(async (ww) => ({ entry: (await ww.getContext()).entry as string })),

    getCurExternalContact: () =>
      call(async (ww) => ({ externalUserId: (await ww.getCurExternalContact()).userId })),

    getCurExternalChat: () => call(async (ww) => ({ chatId: (await ww.getCurExternalChat()).chatId })),

    getLocation: () =>
      call(async (ww) => {
        const res = await ww.getLocation({ type: ww.LocationType.gcj02 });
        return { latitude: res.latitude, longitude: res.longitude, accuracy: res.accuracy };
      }),

    chooseAndUploadImage: () =>
      call(async (ww) => {
        const chosen = await ww.chooseImage({ count: 1, sizeType: [ww.SizeType.compressed] });
        const localId = chosen.localIds[0];
        if (!localId) throw new PlatformError('cancelled', 'no image chosen');
        const uploaded = await ww.uploadImage({ localId, isShowProgressTips: true });
        return { kind: 'wecom-media' as const, serverId: uploaded.serverId };
      }),

    sendChatMessage: (text: string) =>
      call(async (ww) => {
        await ww.sendChatMessage({ msgtype: 'text', text: { content: text } });
      }),
  };
}

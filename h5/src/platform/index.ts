import type { Platform } from './types';
// #ifdef H5
import { createBrowserPlatform } from './browser';
import { isWeComUserAgent } from './detect';
import { createWecomH5Platform } from './wecom-h5';
// #endif
// #ifdef MP-WEIXIN
import { createWecomMpPlatform } from './wecom-mp';
// #endif

export type { Platform, PlatformKind, PickedImage, GeoPoint, PlatformContext } from './types';
export { PlatformError } from './types';

let current: Platform | undefined;

function createPlatform(): Platform {
  // #ifdef MP-WEIXIN
  return createWecomMpPlatform();
  // #endif
  // #ifdef H5
  return isWeComUserAgent(navigator.userAgent) ? createWecomH5Platform() : createBrowserPlatform();
  // #endif
}

/**
 * The host adapter for this build and environment, chosen once: the mini-program build only
 * contains `wx.qy`; the H5 build picks WeCom's JS-SDK inside WeCom and the demo shim elsewhere.
 */
export function usePlatform(): Platform {
  current ??= createPlatform();
  return current;
}

/**
 * Whether an H5 page runs inside WeCom's webview. WeCom's user agent carries `wxwork`; this is the
 * same test `ww.env.isWeCom` makes, done without loading the JS-SDK so plain browsers never pay
 * for it.
 */
export function isWeComUserAgent(userAgent: string): boolean {
  return /wxwork/i.test(userAgent);
}

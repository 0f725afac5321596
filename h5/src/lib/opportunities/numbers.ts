/**
 * Number helpers for the opportunity pages: discounts in basis points, quantities, time in a stage.
 * Money (fen ⇄ yuan) is `@/utils/money`.
 */

/**
 * Discount in basis points off the list price → the percentage a rep types (1500 → `15`),
 * and back. The server stores basis points so 12.5% is exact.
 */
export function bpToPercent(bp: number): string {
  return String(bp / 100);
}

/** `15` / `12.5` → 1500 / 1250; null unless 0–100 with at most two decimals. */
export function percentToBp(input: string): number | null {
  const s = input.trim();
  if (s === '') return 0;
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null;
  const bp = Math.round(Number(s) * 100);
  return bp >= 0 && bp <= 10000 ? bp : null;
}

/** 八五折 style label for a discount in basis points (1500 → 8.5折), empty for no discount. */
export function zheLabel(bp: number): string {
  if (bp <= 0) return '';
  const zhe = (10000 - bp) / 1000;
  return `${String(Number(zhe.toFixed(2)))}折`;
}

/** A positive quantity with at most three decimals (the server's rule), else null. */
export function parseQuantity(input: string): number | null {
  const s = input.trim();
  if (!/^\d+(\.\d{1,3})?$/.test(s)) return null;
  const n = Number(s);
  return n > 0 && n <= 1e9 ? n : null;
}

/** Time in a stage, `3天4小时` / `2h 5m`, from seconds. */
export function formatDuration(seconds: number, locale: 'zh-Hans' | 'en' = 'zh-Hans'): string {
  const s = Math.max(0, Math.floor(seconds));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const zh = locale !== 'en';
  const parts: string[] = [];
  if (d) parts.push(zh ? `${d}天` : `${d}d`);
  if (h) parts.push(zh ? `${h}小时` : `${h}h`);
  if (!d && m) parts.push(zh ? `${m}分钟` : `${m}m`);
  if (!parts.length) return zh ? '不到1分钟' : '<1m';
  return parts.join(zh ? '' : ' ');
}

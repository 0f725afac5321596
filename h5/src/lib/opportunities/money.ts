/**
 * Money and number helpers for the opportunity pages. Amounts travel as integer fen; these only
 * format and parse — every amount that matters (line totals, sums, weighted amounts) is the
 * server's, so the UI never does money arithmetic of its own beyond display.
 */

const SYMBOLS: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', HKD: 'HK$' };

/** Groups an integer string by thousands: 1234567 → 1,234,567. */
function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * `¥1,234.50` from 123450 fen. Integer arithmetic on the digits, so large amounts never pick up
 * floating-point noise. `decimals: false` drops the fen part when it is zero (`¥1,234`).
 */
export function formatFen(fen: number, currency = 'CNY', options: { trimZeroFen?: boolean } = {}): string {
  const symbol = SYMBOLS[currency] ?? `${currency} `;
  if (!Number.isFinite(fen)) return `${symbol}—`;
  const negative = fen < 0;
  const abs = Math.round(Math.abs(fen));
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  const body = options.trimZeroFen && cents === 0 ? group(String(yuan)) : `${group(String(yuan))}.${String(cents).padStart(2, '0')}`;
  return `${negative ? '-' : ''}${symbol}${body}`;
}

/**
 * Short form for charts and cards: `¥12.3万`, `¥1.2亿`, below 10,000 yuan the plain amount.
 * Chinese readers count in 万/亿; English readers get k/M.
 */
export function formatFenShort(fen: number, locale: 'zh-Hans' | 'en' = 'zh-Hans'): string {
  const yuan = fen / 100;
  const abs = Math.abs(yuan);
  const sign = yuan < 0 ? '-' : '';
  const trim = (n: number) => String(Number(n.toFixed(1)));
  if (locale === 'en') {
    if (abs >= 1e6) return `${sign}¥${trim(abs / 1e6)}M`;
    if (abs >= 1e3) return `${sign}¥${trim(abs / 1e3)}k`;
    return `${sign}¥${Math.round(abs)}`;
  }
  if (abs >= 1e8) return `${sign}¥${trim(abs / 1e8)}亿`;
  if (abs >= 1e4) return `${sign}¥${trim(abs / 1e4)}万`;
  return `${sign}¥${Math.round(abs)}`;
}

/**
 * Parses what a user typed as yuan (`12,345.6`, `¥100`) into fen; null when it is not a
 * non-negative amount with at most two decimals.
 */
export function parseYuanToFen(input: string): number | null {
  const s = input.replace(/[¥,\s，]/g, '');
  if (!/^\d+(\.\d{0,2})?$/.test(s)) return null;
  const [int, frac = ''] = s.split('.');
  const fen = Number(int) * 100 + Number(frac.padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

/** Fen as an editable yuan string: 123450 → `1234.5`, 100 → `1`. */
export function fenToYuanInput(fen: number | null | undefined): string {
  if (fen == null) return '';
  const yuan = Math.floor(fen / 100);
  const cents = fen % 100;
  if (cents === 0) return String(yuan);
  return `${yuan}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}

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

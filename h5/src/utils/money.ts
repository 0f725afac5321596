/**
 * The one place the UI turns money into text and text into money. Amounts travel as integer fen
 * (the server's BIGINT); people type and read 元 ("12.5", "1,280.00"). Parsing reads the decimal
 * string digit by digit and formatting works on integer yuan and fen, so float noise
 * (`0.29 * 100` is 28.999999999999996, `0.1 + 0.2` is 0.30000000000000004) never reaches an amount.
 */

export const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = { CNY: '¥', USD: '$', EUR: '€', HKD: 'HK$' };

/** The server's money range: ±1e15 fen. Nothing larger is accepted from a form. */
export const MAX_FEN = 1e15;

/** Largest amount an expense form accepts: 1 亿元 per line is far above any expense and far below 2^53 fen. */
export const MAX_YUAN_FEN = 100_000_000 * 100;

function symbolOf(currency: string): string {
  return CURRENCY_SYMBOLS[currency] ?? `${currency} `;
}

/** Groups an integer string by thousands: 1234567 → 1,234,567. */
function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

// ---------------------------------------------------------------------------------------------
// Display

/**
 * `¥1,234.56` from 123456 fen; `-¥1.50` for a negative amount. `trim` drops `.00` on whole
 * amounts (cards, lists). Nothing to show (null, NaN) reads `¥—`.
 */
export function formatFen(fen: number | null | undefined, currency = 'CNY', options: { trim?: boolean } = {}): string {
  const symbol = symbolOf(currency);
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return `${symbol}—`;
  const abs = Math.round(Math.abs(fen));
  const yuan = group(String(Math.floor(abs / 100)));
  const cents = abs % 100;
  const tail = options.trim && cents === 0 ? '' : `.${String(cents).padStart(2, '0')}`;
  return `${fen < 0 && abs > 0 ? '-' : ''}${symbol}${yuan}${tail}`;
}

/**
 * Short form for small cards and charts: `¥12.3万`, `¥2.5亿` (English: `¥123.5k`, `¥1.2M`); below
 * 10,000 yuan the exact amount without `.00`, or with `wholeYuan` the yuan rounded (chart labels).
 * Nothing to show reads `—`.
 */
export function formatFenShort(
  fen: number | null | undefined,
  options: { currency?: string; locale?: 'zh-Hans' | 'en'; wholeYuan?: boolean } = {},
): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '—';
  const currency = options.currency ?? 'CNY';
  const symbol = symbolOf(currency);
  const abs = Math.abs(fen) / 100;
  const sign = fen < 0 ? '-' : '';
  const one = (n: number) => String(Number(n.toFixed(1)));
  const steps: Array<[number, string]> = options.locale === 'en' ? [[1e6, 'M'], [1e3, 'k']] : [[1e8, '亿'], [1e4, '万']];
  for (const [size, unit] of steps) if (abs >= size) return `${sign}${symbol}${one(abs / size)}${unit}`;
  if (options.wholeYuan) return `${sign}${symbol}${Math.round(abs)}`;
  return formatFen(fen, currency, { trim: true });
}

/**
 * Fen as the yuan text of an input: `1250` → `"12.50"`; with `trim` → `"12.5"` (`100` → `"1"`).
 * Integer arithmetic only; a negative amount keeps its sign; nothing → `""`.
 */
export function fenToYuanText(fen: number | null | undefined, options: { trim?: boolean } = {}): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '';
  const abs = Math.abs(Math.round(fen));
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  const body = !options.trim ? `${yuan}.${cents}` : cents === '00' ? String(yuan) : `${yuan}.${cents.replace(/0$/, '')}`;
  return fen < 0 && abs > 0 ? `-${body}` : body;
}

// ---------------------------------------------------------------------------------------------
// Input

export type YuanParseError = 'empty' | 'invalid' | 'too_many_decimals' | 'too_large' | 'not_positive';

export type YuanParseResult = { ok: true; fen: number } | { ok: false; error: YuanParseError };

/**
 * What a user typed in 元 → exact fen: `"12.5"` → 1250, `"0.30"` → 30. Accepts an optional leading
 * `¥`/`￥`, thousands separators (`,` `，`), surrounding spaces, `"12."` and `".5"`. Refuses a sign,
 * exponents (`1e15`), more than two decimals (分), amounts above `maxFen` (default: the server's
 * range) and, unless `allowZero`, zero. Forms only take amounts ≥ 0: refunds and reversals are
 * actions of their own.
 */
export function parseYuan(
  input: string | number | null | undefined,
  options: { allowZero?: boolean; maxFen?: number } = {},
): YuanParseResult {
  if (input === null || input === undefined) return { ok: false, error: 'empty' };
  const text = String(input).trim().replace(/^[¥￥]\s*/, '').replace(/[,，]/g, '');
  if (text === '') return { ok: false, error: 'empty' };
  const match = /^(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) return { ok: false, error: 'invalid' };
  const whole = (match[1] ?? '').replace(/^0+(?=\d)/, '');
  const decimals = match[2] ?? '';
  if (decimals.length > 2) return { ok: false, error: 'too_many_decimals' };
  // Up to 14 digits of yuan the fen value is within a few units of exact, enough to compare with
  // the limit (≤ 1e13 元); anything longer is beyond every limit anyway.
  if (whole.length > 14) return { ok: false, error: 'too_large' };
  const fen = Number(whole || '0') * 100 + Number(decimals.padEnd(2, '0'));
  if (fen > (options.maxFen ?? MAX_FEN)) return { ok: false, error: 'too_large' };
  if (fen === 0 && !options.allowZero) return { ok: false, error: 'not_positive' };
  return { ok: true, fen };
}

/** {@link parseYuan} for fields where any valid amount, zero included, will do: fen, or null. */
export function yuanToFen(input: string | number | null | undefined, options: { maxFen?: number } = {}): number | null {
  const parsed = parseYuan(input, { allowZero: true, maxFen: options.maxFen });
  return parsed.ok ? parsed.fen : null;
}

// ---------------------------------------------------------------------------------------------
// Arithmetic (integers stay exact up to 2^53)

/** Sum of fen amounts. */
export function sumFen(amounts: readonly number[]): number {
  return amounts.reduce((s, a) => s + a, 0);
}

/** Integer division of an amount into `n` parts; the rounding remainder lands on the last part. */
export function splitEvenly(amount: number, n: number): number[] {
  if (n <= 0) return [];
  const base = Math.floor(amount / n);
  const parts = Array.from({ length: n }, () => base);
  parts[n - 1] = amount - base * (n - 1);
  return parts;
}

/**
 * A progress share as a whole percent for bars, floored so 99.6% never shows as done, clamped
 * to 0–100. A zero total reads as 0 (nothing to make progress on).
 */
export function percentOf(part: number, total: number): number {
  if (!(total > 0) || !(part > 0)) return 0;
  if (part >= total) return 100;
  return Math.min(99, Math.floor((part * 100) / total));
}

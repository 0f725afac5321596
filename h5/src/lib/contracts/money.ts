/**
 * Money helpers for the contract pages (合同 / 回款计划 / 收款). Amounts are integer fen end to
 * end; what a user types in 元 is parsed as text (never through a float), so `0.1 + 0.2`-style
 * noise can't turn 1,234.56 元 into 123455 fen.
 */

const SYMBOLS: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', HKD: 'HK$' };
/** Largest fen amount we accept from a form (the server's money range is ±1e15). */
const MAX_FEN = 1e15;

/** `¥1,234.56` from 123456 fen; `trim` drops `.00` on whole amounts (cards, lists). */
export function formatFen(fen: number | null | undefined, currency = 'CNY', options: { trim?: boolean } = {}): string {
  const symbol = SYMBOLS[currency] ?? `${currency} `;
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return `${symbol}—`;
  const abs = Math.abs(Math.trunc(fen));
  const yuan = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = abs % 100;
  const tail = options.trim && cents === 0 ? '' : `.${String(cents).padStart(2, '0')}`;
  return `${fen < 0 ? '-' : ''}${symbol}${yuan}${tail}`;
}

/**
 * Parses yuan as typed (`12,345.6`, `¥100`, `０.５` is refused) into fen, digit by digit.
 * Null unless it is a non-negative amount with at most two decimals inside the money range.
 */
export function parseYuan(input: string | number | null | undefined): number | null {
  if (input === null || input === undefined) return null;
  const s = String(input).replace(/[¥,，\s]/g, '');
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return null;
  const whole = m[1]!.replace(/^0+(?=\d)/, '');
  if (whole.length > 13) return null;
  const fen = Number(whole) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) && fen <= MAX_FEN ? fen : null;
}

/** Fen as an editable yuan string: 123450 → `1234.5`, 100 → `1`, 5 → `0.05`. */
export function fenToYuanText(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '';
  const abs = Math.abs(Math.trunc(fen));
  const cents = abs % 100;
  const body = cents === 0 ? String(Math.floor(abs / 100)) : `${Math.floor(abs / 100)}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
  return fen < 0 ? `-${body}` : body;
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

/** Integer division of an amount into `n` parts; the rounding remainder lands on the last part. */
export function splitEvenly(amount: number, n: number): number[] {
  if (n <= 0) return [];
  const base = Math.floor(amount / n);
  const parts = Array.from({ length: n }, () => base);
  parts[n - 1] = amount - base * (n - 1);
  return parts;
}

/**
 * Money in the UI: people type 元 ("12.5", "1,280.00"), the API wants integer fen. Parsing the
 * decimal string digit by digit avoids float errors (`0.29 * 100` is 28.999999999999996).
 */

/** Largest amount a form accepts: 1 亿元 per line is far above any expense and far below 2^53 fen. */
export const MAX_YUAN_FEN = 100_000_000 * 100;

export type YuanParseError = 'empty' | 'invalid' | 'too_many_decimals' | 'too_large' | 'not_positive';

export type YuanParseResult = { ok: true; fen: number } | { ok: false; error: YuanParseError };

/**
 * `"12.5"` → 1250 fen, exactly. Accepts an optional leading `¥`/`￥`, thousands separators and
 * surrounding spaces; at most two decimals (分). Negative amounts are rejected: expenses are positive.
 */
export function parseYuan(input: string, options: { allowZero?: boolean } = {}): YuanParseResult {
  const text = input.trim().replace(/^[¥￥]\s*/, '').replace(/[,，]/g, '');
  if (text === '') return { ok: false, error: 'empty' };
  const match = /^(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) return { ok: false, error: 'invalid' };
  const whole = match[1] ?? '';
  const decimals = match[2] ?? '';
  if (decimals.length > 2) return { ok: false, error: 'too_many_decimals' };
  const wholeDigits = whole.replace(/^0+(?=\d)/, '');
  if (wholeDigits.length > 9) return { ok: false, error: 'too_large' };
  const fen = Number(wholeDigits || '0') * 100 + Number(decimals.padEnd(2, '0'));
  if (fen > MAX_YUAN_FEN) return { ok: false, error: 'too_large' };
  if (fen === 0 && !options.allowZero) return { ok: false, error: 'not_positive' };
  return { ok: true, fen };
}

/** `1250` → `"12.50"`; integer arithmetic only, negative amounts keep their sign. */
export function fenToYuanString(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  return `${sign}${yuan}.${cents.toString().padStart(2, '0')}`;
}

/** `128000` → `"¥1,280.00"` for display. */
export function formatFen(fen: number): string {
  const [whole = '0', cents = '00'] = fenToYuanString(fen).split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${digits}.${cents}`;
}

/** Sum of fen amounts (integers stay exact up to 2^53). */
export function sumFen(amounts: readonly number[]): number {
  return amounts.reduce((s, a) => s + a, 0);
}

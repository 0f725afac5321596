const SYMBOLS: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', HKD: 'HK$' };

/**
 * Money in minor units (fen) → `¥1,234.56`. Integer arithmetic only, so large amounts never pick
 * up float noise; `compact` drops `.00` for whole amounts (cards and lists).
 */
export function formatMoney(fen: number | null | undefined, currency = 'CNY', options: { compact?: boolean } = {}): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '—';
  const symbol = SYMBOLS[currency] ?? `${currency} `;
  const negative = fen < 0;
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const tail = options.compact && cents === 0 ? '' : `.${String(cents).padStart(2, '0')}`;
  return `${negative ? '-' : ''}${symbol}${grouped}${tail}`;
}

/** Large amounts for small cards: `¥12.3万`, `¥1.2亿`; below 10,000 yuan the exact amount. */
export function formatMoneyShort(fen: number | null | undefined, currency = 'CNY'): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '—';
  const yuan = Math.abs(fen) / 100;
  const symbol = SYMBOLS[currency] ?? `${currency} `;
  const sign = fen < 0 ? '-' : '';
  if (yuan >= 1e8) return `${sign}${symbol}${trimZeros((yuan / 1e8).toFixed(1))}亿`;
  if (yuan >= 1e4) return `${sign}${symbol}${trimZeros((yuan / 1e4).toFixed(1))}万`;
  return formatMoney(fen, currency, { compact: true });
}

function trimZeros(s: string): string {
  return s.replace(/\.0$/, '');
}

/** Yuan typed by a user (`12.5`, `1,000`) → fen; `null` when it is not a non-negative amount with ≤ 2 decimals. */
export function parseYuanToFen(input: string): number | null {
  const s = input.replace(/[,，\s¥]/g, '');
  if (s === '') return null;
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

import { describe, expect, it } from 'vitest';
import { formatMoney, formatMoneyShort, parseYuanToFen } from './money';

describe('money in fen', () => {
  it('formats fen as yuan with grouping and two decimals', () => {
    expect(formatMoney(123456)).toBe('¥1,234.56');
    expect(formatMoney(5)).toBe('¥0.05');
    expect(formatMoney(-100050)).toBe('-¥1,000.50');
    expect(formatMoney(900719925474099)).toBe('¥9,007,199,254,740.99');
  });
  it('drops .00 only when asked, and shows a dash for nothing', () => {
    expect(formatMoney(100000, 'CNY', { compact: true })).toBe('¥1,000');
    expect(formatMoney(100001, 'CNY', { compact: true })).toBe('¥1,000.01');
    expect(formatMoney(null)).toBe('—');
    expect(formatMoney(100, 'USD')).toBe('$1.00');
  });
  it('shortens big amounts to 万 / 亿', () => {
    expect(formatMoneyShort(12_340_000)).toBe('¥12.3万');
    expect(formatMoneyShort(100_000_000)).toBe('¥100万');
    expect(formatMoneyShort(25_000_000_000)).toBe('¥2.5亿');
    expect(formatMoneyShort(99_900)).toBe('¥999');
  });
  it('parses typed yuan into fen without float error', () => {
    expect(parseYuanToFen('12.5')).toBe(1250);
    expect(parseYuanToFen('1,000.01')).toBe(100001);
    expect(parseYuanToFen('0.29')).toBe(29);
    expect(parseYuanToFen('1.234')).toBeNull();
    expect(parseYuanToFen('-1')).toBeNull();
    expect(parseYuanToFen('')).toBeNull();
  });
});

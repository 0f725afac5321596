import { describe, expect, it } from 'vitest';
import { MAX_FEN, MAX_YUAN_FEN, fenToYuanText, formatFen, formatFenShort, parseYuan, percentOf, splitEvenly, sumFen, yuanToFen } from './money';

describe('parseYuan (元 typed → exact fen)', () => {
  it('parses amounts a float would get wrong', () => {
    expect(parseYuan('0.29')).toEqual({ ok: true, fen: 29 }); // 0.29 * 100 = 28.999999999999996
    expect(parseYuan('1.15')).toEqual({ ok: true, fen: 115 }); // 1.15 * 100 = 114.99999999999999
    expect(parseYuan('0.30')).toEqual({ ok: true, fen: 30 }); // what 0.1 + 0.2 should have been
    expect(parseYuan('0.3')).toEqual({ ok: true, fen: 30 });
    expect(parseYuan('19.99')).toEqual({ ok: true, fen: 1999 });
    expect(parseYuan('4.35')).toEqual({ ok: true, fen: 435 });
    expect(parseYuan('1234567.89')).toEqual({ ok: true, fen: 123456789 });
    expect(parseYuan('0.01')).toEqual({ ok: true, fen: 1 });
  });

  it('accepts a currency sign, thousands separators, spaces and a bare point', () => {
    expect(parseYuan(' ¥1,280.50 ')).toEqual({ ok: true, fen: 128050 });
    expect(parseYuan('￥ 3，000')).toEqual({ ok: true, fen: 300000 });
    expect(parseYuan('12,345,678.9')).toEqual({ ok: true, fen: 1234567890 });
    expect(parseYuan('007.10')).toEqual({ ok: true, fen: 710 });
    expect(parseYuan('12.')).toEqual({ ok: true, fen: 1200 });
    expect(parseYuan('.5')).toEqual({ ok: true, fen: 50 });
    expect(parseYuan(50000)).toEqual({ ok: true, fen: 5000000 });
  });

  it('refuses empty input', () => {
    expect(parseYuan('')).toEqual({ ok: false, error: 'empty' });
    expect(parseYuan('   ')).toEqual({ ok: false, error: 'empty' });
    expect(parseYuan('¥')).toEqual({ ok: false, error: 'empty' });
    expect(parseYuan(null)).toEqual({ ok: false, error: 'empty' });
    expect(parseYuan(undefined)).toEqual({ ok: false, error: 'empty' });
  });

  it('refuses negatives, exponents and what is not a number of 元', () => {
    for (const bad of ['-5', '-0.01', '+5', '1e3', '1e15', '1E15', 'abc', '.', '1.2.3', '1 000', '０.５', 'Infinity', 'NaN', '0x10']) {
      expect(parseYuan(bad), bad).toEqual({ ok: false, error: 'invalid' });
    }
    expect(parseYuan(-5)).toEqual({ ok: false, error: 'invalid' });
    expect(parseYuan(1e21)).toEqual({ ok: false, error: 'invalid' }); // String(1e21) is '1e+21'
  });

  it('refuses more than two decimals instead of rounding', () => {
    expect(parseYuan('0.123')).toEqual({ ok: false, error: 'too_many_decimals' });
    expect(parseYuan('1.005')).toEqual({ ok: false, error: 'too_many_decimals' });
    expect(parseYuan('0.30000000000000004')).toEqual({ ok: false, error: 'too_many_decimals' });
  });

  it('refuses amounts beyond the money range, and beyond a form’s own limit', () => {
    expect(parseYuan('10000000000000')).toEqual({ ok: true, fen: MAX_FEN }); // 1e13 元 = 1e15 fen
    expect(parseYuan('10000000000000.01')).toEqual({ ok: false, error: 'too_large' });
    expect(parseYuan('9999999999999999')).toEqual({ ok: false, error: 'too_large' });
    expect(parseYuan('1'.padEnd(40, '0'))).toEqual({ ok: false, error: 'too_large' });
    expect(parseYuan('99999999.99', { maxFen: MAX_YUAN_FEN })).toEqual({ ok: true, fen: 9999999999 });
    expect(parseYuan('100000000.01', { maxFen: MAX_YUAN_FEN })).toEqual({ ok: false, error: 'too_large' });
    expect(parseYuan('1000000000', { maxFen: MAX_YUAN_FEN })).toEqual({ ok: false, error: 'too_large' });
  });

  it('refuses zero unless the field allows it', () => {
    expect(parseYuan('0')).toEqual({ ok: false, error: 'not_positive' });
    expect(parseYuan('0.00')).toEqual({ ok: false, error: 'not_positive' });
    expect(parseYuan('0', { allowZero: true })).toEqual({ ok: true, fen: 0 });
  });
});

describe('yuanToFen (fen or null)', () => {
  it('takes any valid amount, zero included', () => {
    expect(yuanToFen('12.5')).toBe(1250);
    expect(yuanToFen('0')).toBe(0);
    expect(yuanToFen('1,000.01')).toBe(100001);
    expect(yuanToFen('')).toBeNull();
    expect(yuanToFen('-1')).toBeNull();
    expect(yuanToFen('1.234')).toBeNull();
    expect(yuanToFen('1e15')).toBeNull();
    expect(yuanToFen('200', { maxFen: 10000 })).toBeNull();
  });
});

describe('formatFen', () => {
  it('groups thousands and always keeps the fen', () => {
    expect(formatFen(123456789)).toBe('¥1,234,567.89');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(999)).toBe('¥9.99');
    expect(formatFen(100000)).toBe('¥1,000.00');
  });

  it('puts the sign before the currency', () => {
    expect(formatFen(-150)).toBe('-¥1.50');
    expect(formatFen(-150000)).toBe('-¥1,500.00');
    expect(formatFen(-0)).toBe('¥0.00');
  });

  it('stays exact for huge amounts', () => {
    expect(formatFen(MAX_FEN)).toBe('¥10,000,000,000,000.00');
    expect(formatFen(900719925474099)).toBe('¥9,007,199,254,740.99');
    expect(formatFen(-MAX_FEN)).toBe('-¥10,000,000,000,000.00');
  });

  it('shows float noise as the nearest fen', () => {
    expect(formatFen(0.1 * 100 + 0.2 * 100)).toBe('¥0.30'); // 30.000000000000004
    expect(formatFen(0.29 * 100)).toBe('¥0.29'); // 28.999999999999996
  });

  it('drops .00 only when asked, knows other currencies and shows a dash for nothing', () => {
    expect(formatFen(100000, 'CNY', { trim: true })).toBe('¥1,000');
    expect(formatFen(100001, 'CNY', { trim: true })).toBe('¥1,000.01');
    expect(formatFen(-10000, 'CNY', { trim: true })).toBe('-¥100');
    expect(formatFen(100_000_00, 'USD', { trim: true })).toBe('$100,000');
    expect(formatFen(100, 'USD')).toBe('$1.00');
    expect(formatFen(100, 'JPY')).toBe('JPY 1.00');
    expect(formatFen(null)).toBe('¥—');
    expect(formatFen(undefined)).toBe('¥—');
    expect(formatFen(Number.NaN)).toBe('¥—');
  });
});

describe('formatFenShort', () => {
  it('counts in 万 / 亿 for Chinese readers', () => {
    expect(formatFenShort(12_340_000)).toBe('¥12.3万');
    expect(formatFenShort(100_000_000)).toBe('¥100万');
    expect(formatFenShort(25_000_000_000)).toBe('¥2.5亿');
    expect(formatFenShort(-12_340_000)).toBe('-¥12.3万');
    expect(formatFenShort(12_340_000, { currency: 'USD' })).toBe('$12.3万');
  });

  it('counts in k / M for English readers', () => {
    expect(formatFenShort(123_456_00, { locale: 'en' })).toBe('¥123.5k');
    expect(formatFenShort(250_000_000, { locale: 'en' })).toBe('¥2.5M');
  });

  it('shows smaller amounts exactly, or rounded to the yuan for charts', () => {
    expect(formatFenShort(99_900)).toBe('¥999');
    expect(formatFenShort(99_950)).toBe('¥999.50');
    expect(formatFenShort(999_900)).toBe('¥9,999');
    expect(formatFenShort(999_900, { wholeYuan: true })).toBe('¥9999');
    expect(formatFenShort(99_950, { wholeYuan: true })).toBe('¥1000');
    expect(formatFenShort(0)).toBe('¥0');
    expect(formatFenShort(null)).toBe('—');
  });
});

describe('fenToYuanText (the text of an amount input)', () => {
  it('writes two decimals, or trims them', () => {
    expect(fenToYuanText(29)).toBe('0.29');
    expect(fenToYuanText(128050)).toBe('1280.50');
    expect(fenToYuanText(-5)).toBe('-0.05');
    expect(fenToYuanText(0)).toBe('0.00');
    expect(fenToYuanText(123450, { trim: true })).toBe('1234.5');
    expect(fenToYuanText(100, { trim: true })).toBe('1');
    expect(fenToYuanText(5, { trim: true })).toBe('0.05');
    expect(fenToYuanText(-10000, { trim: true })).toBe('-100');
    expect(fenToYuanText(MAX_FEN)).toBe('10000000000000.00');
    expect(fenToYuanText(null)).toBe('');
  });

  it('round-trips every cent of a range exactly', () => {
    for (let fen = 0; fen <= 100_000; fen += 7) {
      expect(parseYuan(fenToYuanText(fen), { allowZero: true })).toEqual({ ok: true, fen });
      expect(yuanToFen(fenToYuanText(fen, { trim: true }))).toBe(fen);
    }
    expect(yuanToFen(fenToYuanText(MAX_FEN))).toBe(MAX_FEN);
  });
});

describe('fen arithmetic', () => {
  it('sums line amounts exactly', () => {
    expect(sumFen([10, 20])).toBe(30);
    expect(sumFen([])).toBe(0);
  });

  it('splits to the fen with the remainder on the last part', () => {
    expect(splitEvenly(10000, 3)).toEqual([3333, 3333, 3334]);
    expect(sumFen(splitEvenly(10000, 3))).toBe(10000);
    expect(splitEvenly(7, 1)).toEqual([7]);
    expect(splitEvenly(7, 0)).toEqual([]);
  });

  it('floors progress so an unfinished amount never reads 100%, and clamps', () => {
    expect(percentOf(99_999, 100_000)).toBe(99);
    expect(percentOf(100_000, 100_000)).toBe(100);
    expect(percentOf(30_000, 100_000)).toBe(30);
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(150, 100)).toBe(100);
    expect(percentOf(-5, 100)).toBe(0);
    expect(percentOf(5, 0)).toBe(0);
  });
});

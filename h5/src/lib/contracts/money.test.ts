import { describe, expect, it } from 'vitest';
import { fenToYuanText, formatFen, parseYuan, percentOf, splitEvenly } from './money';

describe('parseYuan (元 → fen, exact)', () => {
  it('parses amounts a float would get wrong', () => {
    expect(parseYuan('0.29')).toBe(29); // 0.29 * 100 = 28.999999999999996
    expect(parseYuan('1.15')).toBe(115); // 1.15 * 100 = 114.99999999999999
    expect(parseYuan('19.99')).toBe(1999);
    expect(parseYuan('4.35')).toBe(435);
    expect(parseYuan('1234567.89')).toBe(123456789);
  });
  it('accepts separators, a currency sign and one or no decimals', () => {
    expect(parseYuan('12,345.6')).toBe(1234560);
    expect(parseYuan('¥ 100')).toBe(10000);
    expect(parseYuan('100.')).toBe(10000);
    expect(parseYuan('007.5')).toBe(750);
    expect(parseYuan(50000)).toBe(5000000);
  });
  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '1.234', '-5', '1e3', '.5', '1.2.3', '9999999999999999']) expect(parseYuan(bad)).toBeNull();
    expect(parseYuan(null)).toBeNull();
  });
  it('round-trips through the editable text', () => {
    for (const fen of [0, 5, 10, 99, 100, 123450, 123456, 10000000]) expect(parseYuan(fenToYuanText(fen))).toBe(fen);
  });
});

describe('formatFen', () => {
  it('groups thousands and keeps the fen', () => {
    expect(formatFen(123456789)).toBe('¥1,234,567.89');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(-10000, 'CNY', { trim: true })).toBe('-¥100');
    expect(formatFen(null)).toBe('¥—');
  });
});

describe('percentOf (progress bars)', () => {
  it('floors so an unfinished amount never reads 100%', () => {
    expect(percentOf(99_999, 100_000)).toBe(99);
    expect(percentOf(100_000, 100_000)).toBe(100);
    expect(percentOf(30_000, 100_000)).toBe(30);
    expect(percentOf(1, 3)).toBe(33);
  });
  it('clamps and survives an empty total', () => {
    expect(percentOf(150, 100)).toBe(100);
    expect(percentOf(-5, 100)).toBe(0);
    expect(percentOf(5, 0)).toBe(0);
  });
});

describe('splitEvenly', () => {
  it('splits to the fen with the remainder on the last part', () => {
    expect(splitEvenly(10000, 3)).toEqual([3333, 3333, 3334]);
    expect(splitEvenly(10000, 3).reduce((a, b) => a + b, 0)).toBe(10000);
    expect(splitEvenly(7, 1)).toEqual([7]);
    expect(splitEvenly(7, 0)).toEqual([]);
  });
});

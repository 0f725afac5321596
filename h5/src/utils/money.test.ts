import { describe, expect, it } from 'vitest';
import { fenToYuanString, formatFen, parseYuan, sumFen } from './money';

describe('parseYuan', () => {
  it('turns 元 strings into exact fen without float rounding', () => {
    expect(parseYuan('0.29')).toEqual({ ok: true, fen: 29 });
    expect(parseYuan('19.99')).toEqual({ ok: true, fen: 1999 });
    expect(parseYuan('4.35')).toEqual({ ok: true, fen: 435 });
    expect(parseYuan('1.1')).toEqual({ ok: true, fen: 110 });
    expect(parseYuan('12')).toEqual({ ok: true, fen: 1200 });
    expect(parseYuan('12.')).toEqual({ ok: true, fen: 1200 });
    expect(parseYuan('.5')).toEqual({ ok: true, fen: 50 });
    expect(parseYuan('0.01')).toEqual({ ok: true, fen: 1 });
    expect(parseYuan('99999999.99')).toEqual({ ok: true, fen: 9999999999 });
    expect(parseYuan('100000000.01')).toEqual({ ok: false, error: 'too_large' });
  });

  it('accepts a currency sign, thousands separators and spaces', () => {
    expect(parseYuan(' ¥1,280.50 ')).toEqual({ ok: true, fen: 128050 });
    expect(parseYuan('￥ 3，000')).toEqual({ ok: true, fen: 300000 });
    expect(parseYuan('007.10')).toEqual({ ok: true, fen: 710 });
  });

  it('rejects what is not an amount of 元 with at most two decimals', () => {
    expect(parseYuan('')).toEqual({ ok: false, error: 'empty' });
    expect(parseYuan('   ')).toEqual({ ok: false, error: 'empty' });
    expect(parseYuan('.')).toEqual({ ok: false, error: 'invalid' });
    expect(parseYuan('abc')).toEqual({ ok: false, error: 'invalid' });
    expect(parseYuan('-5')).toEqual({ ok: false, error: 'invalid' });
    expect(parseYuan('1e3')).toEqual({ ok: false, error: 'invalid' });
    expect(parseYuan('1.2.3')).toEqual({ ok: false, error: 'invalid' });
    expect(parseYuan('0.123')).toEqual({ ok: false, error: 'too_many_decimals' });
    expect(parseYuan('1000000000')).toEqual({ ok: false, error: 'too_large' });
    expect(parseYuan('0')).toEqual({ ok: false, error: 'not_positive' });
    expect(parseYuan('0.00')).toEqual({ ok: false, error: 'not_positive' });
    expect(parseYuan('0', { allowZero: true })).toEqual({ ok: true, fen: 0 });
  });
});

describe('formatting fen', () => {
  it('shows fen as 元 with two decimals', () => {
    expect(fenToYuanString(29)).toBe('0.29');
    expect(fenToYuanString(128050)).toBe('1280.50');
    expect(fenToYuanString(-5)).toBe('-0.05');
    expect(formatFen(12345678999)).toBe('¥123,456,789.99');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(-150000)).toBe('-¥1,500.00');
  });

  it('round-trips every cent of a range exactly', () => {
    for (let fen = 0; fen <= 100_000; fen += 7) {
      const parsed = parseYuan(fenToYuanString(fen), { allowZero: true });
      expect(parsed).toEqual({ ok: true, fen });
    }
  });

  it('sums line amounts exactly', () => {
    expect(sumFen([10, 20])).toBe(30);
    expect(sumFen([])).toBe(0);
  });
});

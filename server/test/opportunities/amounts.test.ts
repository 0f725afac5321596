import { describe, expect, it } from 'vitest';
import { lineAmount, weighted } from '../../src/modules/opportunities/amounts';

describe('line amounts (half-up per line, exact fen)', () => {
  it('applies the discount and rounds half up to the fen', () => {
    // 333 fen × 1 × 85% = 283.05 → 283
    expect(lineAmount(333, 1000, 1500)).toBe(283);
    // 1 fen × 0.5 = 0.5 → 1 (half up)
    expect(lineAmount(1, 500, 0)).toBe(1);
    // 99.99 yuan × 3 at 33.33% off = 19998.0003... → 20001? compute exactly
    expect(lineAmount(9999, 3000, 3333)).toBe(Math.round((9999 * 3 * 6667) / 10000));
  });
  it('stays exact for big quantities and prices', () => {
    // 1,234,567.89 yuan × 1,000,000 units at 12.34% off
    expect(lineAmount(123456789, 1_000_000_000, 1234)).toBe(108222221237400);
    expect(() => lineAmount(1e12, 1e12, 0)).toThrow(RangeError);
  });
  it('supports fractional quantities (thousandths)', () => {
    expect(lineAmount(1000, 1500, 0)).toBe(1500);
    expect(lineAmount(333, 1333, 0)).toBe(444); // 443.889 → 444
  });
  it('weights by win rate, half up', () => {
    expect(weighted(1005, 50)).toBe(503);
    expect(weighted(100000, 30)).toBe(30000);
  });
});

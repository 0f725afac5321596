import { describe, expect, it } from 'vitest';
import { barPercent, funnelWidths, niceMax } from './chart';

describe('chart scaling', () => {
  it('rounds the axis maximum up to a readable number', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(180)).toBe(200);
    expect(niceMax(2100)).toBe(2500);
    expect(niceMax(4_200_000)).toBe(5_000_000);
    expect(niceMax(1000)).toBe(1000);
  });

  it('sizes bars against the maximum and keeps small non-zero values visible', () => {
    expect(barPercent(50, 200)).toBe(25);
    expect(barPercent(1, 100_000)).toBe(2);
    expect(barPercent(0, 100)).toBe(0);
    expect(barPercent(300, 200)).toBe(100);
    expect(barPercent(5, 0)).toBe(0);
  });

  it('sizes funnel bars by share of the largest stage with a readable minimum', () => {
    const widths = funnelWidths([
      { key: 'a', value: 10 },
      { key: 'b', value: 20 },
      { key: 'c', value: 5 },
      { key: 'd', value: 0 },
    ]);
    expect(widths).toEqual([50, 100, 25, 24]);
    expect(funnelWidths([{ key: 'a', value: 0 }])).toEqual([24]);
    expect(funnelWidths([])).toEqual([]);
  });
});

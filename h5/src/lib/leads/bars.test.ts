import { describe, expect, it } from 'vitest';
import { formatRoi, toBars } from './bars';

describe('campaign chart bars', () => {
  it('scales to the largest value and keeps small non-zero bars visible', () => {
    const bars = toBars([
      { key: 'a', label: 'A', value: 200 },
      { key: 'b', label: 'B', value: 1 },
      { key: 'c', label: 'C', value: 0 },
    ]);
    expect(bars.map((b) => b.percent)).toEqual([100, 2, 0]);
  });
  it('handles all-zero input and formats ROI', () => {
    expect(toBars([{ key: 'a', label: 'A', value: 0 }])[0]!.percent).toBe(0);
    expect(formatRoi(null)).toBe('—');
    expect(formatRoi(1.5)).toBe('+150%');
    expect(formatRoi(-0.2)).toBe('-20%');
  });
});

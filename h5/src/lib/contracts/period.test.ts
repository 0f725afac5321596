import { describe, expect, it } from 'vitest';
import { bpToPercent, periodMonths } from './period';

describe('periodMonths', () => {
  it('gives this month, quarter and year', () => {
    expect(periodMonths('month', '2026-11-27')).toEqual({ from: '2026-11', to: '2026-11' });
    expect(periodMonths('quarter', '2026-11-27')).toEqual({ from: '2026-10', to: '2026-12' });
    expect(periodMonths('quarter', '2026-01-05')).toEqual({ from: '2026-01', to: '2026-03' });
    expect(periodMonths('year', '2026-11-27')).toEqual({ from: '2026-01', to: '2026-12' });
  });
});

describe('bpToPercent', () => {
  it('floors basis points to a percent and keeps over-achievement', () => {
    expect(bpToPercent(9999)).toBe(99);
    expect(bpToPercent(12345)).toBe(123);
    expect(bpToPercent(null)).toBeNull();
  });
});

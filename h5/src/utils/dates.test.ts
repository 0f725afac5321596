import { describe, expect, it } from 'vitest';
import { monthRange, shanghaiToday, shortTime, yearRange } from './dates';

describe('dates', () => {
  it('uses the Shanghai calendar day', () => {
    expect(shanghaiToday(new Date('2026-11-26T17:30:00Z'))).toBe('2026-11-27');
    expect(shanghaiToday(new Date('2026-11-26T15:30:00Z'))).toBe('2026-11-26');
  });

  it('builds month ranges across year ends and leap years', () => {
    expect(monthRange('2026-11-27')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(monthRange('2026-01-15', -1)).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(monthRange('2028-03-01', -1)).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-12-31', 1)).toEqual({ from: '2027-01-01', to: '2027-01-31' });
    expect(yearRange('2026-11-27')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('shortens server times to month-day hour:minute', () => {
    expect(shortTime('2026-11-27T10:05:00+08:00')).toBe('11-27 10:05');
    expect(shortTime(null)).toBe('');
  });
});

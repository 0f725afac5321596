import { describe, expect, it } from 'vitest';
import { addMonths, checkPlan, planBody, shanghaiToday, type InstalmentDraft } from './plan';

const row = (dueOn: string, amountText: string, key = dueOn + amountText): InstalmentDraft => ({ key, dueOn, amountText });

describe('checkPlan (instalments must sum exactly to the contract amount)', () => {
  it('shows what is still to plan', () => {
    const c = checkPlan([row('2026-12-01', '30000'), row('2027-01-01', '50000')], 10_000_000);
    expect(c.total).toBe(8_000_000);
    expect(c.difference).toBe(2_000_000);
    expect(c.ok).toBe(false);
  });
  it('shows an over-planned amount as a negative difference', () => {
    const c = checkPlan([row('2026-12-01', '60000'), row('2027-01-01', '40000.01')], 10_000_000);
    expect(c.difference).toBe(-1);
    expect(c.ok).toBe(false);
  });
  it('balances to the fen with amounts a float sum would miss', () => {
    // 0.1 + 0.2 !== 0.3 in floats; in fen it is exact.
    const c = checkPlan([row('2026-12-01', '0.1'), row('2026-12-02', '0.2')], 30);
    expect(c.difference).toBe(0);
    expect(c.ok).toBe(true);
  });
  it('flags empty or malformed amounts and dates out of order', () => {
    const c = checkPlan([row('2027-02-01', 'abc'), row('2027-01-01', '0'), row('', '1')], 1);
    expect(c.invalidRows).toEqual([0, 1]);
    expect(c.badDates).toEqual([1, 2]);
    expect(c.ok).toBe(false);
  });
  it('is not ok without any instalment', () => {
    expect(checkPlan([], 0).ok).toBe(false);
  });
});

describe('planBody', () => {
  it('numbers periods from 1 and sends fen', () => {
    expect(planBody([row('2026-12-01', '1,000.5'), row('2027-01-01', '2')])).toEqual([
      { period: 1, dueOn: '2026-12-01', amount: 100050 },
      { period: 2, dueOn: '2027-01-01', amount: 200 },
    ]);
  });
});

describe('dates', () => {
  it('adds months, clamping to the month end and crossing years', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-27', 2)).toBe('2027-01-27');
    expect(addMonths('2028-03-31', -1)).toBe('2028-02-29');
  });
  it('uses the Shanghai day', () => {
    expect(shanghaiToday(new Date('2026-11-27T17:30:00Z'))).toBe('2026-11-28');
    expect(shanghaiToday(new Date('2026-11-27T15:59:00Z'))).toBe('2026-11-27');
  });
});

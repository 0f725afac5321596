import { describe, expect, it } from 'vitest';
import { allocateEarliestFirst, checkAllocation, type DueInstalment } from './allocation';

const plan: DueInstalment[] = [
  { id: '2', period: 2, amount: 50_000, receivedAmount: 0, outstanding: 50_000 },
  { id: '1', period: 1, amount: 50_000, receivedAmount: 20_000, outstanding: 30_000 },
];

describe('allocateEarliestFirst', () => {
  it('fills the earliest period still owed, then the next', () => {
    expect([...allocateEarliestFirst(plan, 40_000)]).toEqual([
      ['1', 30_000],
      ['2', 10_000],
    ]);
  });
  it('never allocates beyond what is due', () => {
    expect([...allocateEarliestFirst(plan, 1_000_000).values()].reduce((a, b) => a + b, 0)).toBe(80_000);
  });
});

describe('checkAllocation', () => {
  it('accepts an allocation that adds up and stays within what is due', () => {
    const c = checkAllocation(plan, 40_000, new Map([['1', 30_000], ['2', 10_000]]));
    expect(c.ok).toBe(true);
    expect(c.remainingAfter.get('1')).toBe(0);
    expect(c.remainingAfter.get('2')).toBe(40_000);
  });
  it('reports money not yet allocated', () => {
    const c = checkAllocation(plan, 40_000, new Map([['1', 30_000]]));
    expect(c.unallocated).toBe(10_000);
    expect(c.ok).toBe(false);
  });
  it('reports an instalment given more than it owes', () => {
    const c = checkAllocation(plan, 40_000, new Map([['1', 40_000]]));
    expect(c.exceeding).toEqual(['1']);
    expect(c.ok).toBe(false);
  });
  it('refuses a malformed amount', () => {
    expect(checkAllocation(plan, 30_000, new Map<string, number | null>([['1', 30_000], ['2', null]])).ok).toBe(false);
  });
});

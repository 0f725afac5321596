import { describe, expect, it } from 'vitest';
import { grossOf, pickedTotal, toContractLines, type SourceLine } from './lines';

const line = (id: string, listPrice: number, quantity: number, amount: number): SourceLine => ({ id, skuId: `s${id}`, productName: '企微 SCRM', skuName: '标准版', listPrice, quantity, amount });

describe('contract lines from a won opportunity / accepted quote', () => {
  it('keeps each line amount to the fen (list price + discount)', () => {
    const [l] = toContractLines([line('1', 99_900, 3, 254_745)]);
    expect(l).toMatchObject({ skuId: 's1', name: '企微 SCRM 标准版', unitPrice: 99_900, quantity: 3, discount: 299_700 - 254_745 });
  });
  it('rounds fractional quantities half up like the server', () => {
    expect(grossOf(333, 1.5)).toBe(500); // 499.5 → 500
    expect(grossOf(100, 0.333)).toBe(33);
  });
  it('totals only the picked lines', () => {
    const lines = [line('1', 10_000, 2, 18_000), line('2', 5_000, 1, 5_000)];
    expect(pickedTotal(lines, new Set(['1']))).toBe(18_000);
    expect(pickedTotal(lines, new Set(['1', '2']))).toBe(23_000);
  });
});

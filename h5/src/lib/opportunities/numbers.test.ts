import { describe, expect, it } from 'vitest';
import { draftFromLines, draftFromPick, linesToInput } from './lines-draft';
import { bpToPercent, formatDuration, parseQuantity, percentToBp, zheLabel } from './numbers';

describe('parsing what a rep types', () => {
  it('maps discount percentages to basis points and 折 labels', () => {
    expect(percentToBp('15')).toBe(1500);
    expect(percentToBp('12.5')).toBe(1250);
    expect(percentToBp('')).toBe(0);
    expect(percentToBp('101')).toBeNull();
    expect(percentToBp('1.234')).toBeNull();
    expect(bpToPercent(1250)).toBe('12.5');
    expect(zheLabel(1500)).toBe('8.5折');
    expect(zheLabel(2000)).toBe('8折');
    expect(zheLabel(0)).toBe('');
  });

  it('accepts quantities with up to three decimals', () => {
    expect(parseQuantity('2')).toBe(2);
    expect(parseQuantity('1.125')).toBe(1.125);
    expect(parseQuantity('0')).toBeNull();
    expect(parseQuantity('1.1234')).toBeNull();
  });
});

describe('time in stage', () => {
  it('reads as days and hours, or minutes when short', () => {
    expect(formatDuration(3 * 86400 + 4 * 3600 + 59)).toBe('3天4小时');
    expect(formatDuration(125 * 60)).toBe('2小时5分钟');
    expect(formatDuration(10)).toBe('不到1分钟');
    expect(formatDuration(2 * 3600 + 300, 'en')).toBe('2h 5m');
  });
});

describe('line drafts', () => {
  it('turns typed rows into the lines body and reports the first bad row', () => {
    const a = draftFromPick({ skuId: '7', productName: 'CRM', skuName: '标准版', unit: '套' });
    const [b] = draftFromLines([{ id: '1', skuId: '8', productName: 'CRM', skuName: '增购用户', unit: '用户', quantity: 20, discountBp: 1250, listPrice: 120000, amount: 2100000, remark: null }]);
    expect(b!.discount).toBe('12.5');
    expect(linesToInput([a, { ...b!, quantity: '30' }])).toEqual({
      ok: true,
      lines: [
        { skuId: '7', quantity: 1, discountBp: 0 },
        { skuId: '8', quantity: 30, discountBp: 1250 },
      ],
    });
    expect(linesToInput([a, { ...b!, quantity: '0' }])).toEqual({ ok: false, index: 1, field: 'quantity' });
    expect(linesToInput([{ ...a, discount: '120' }])).toEqual({ ok: false, index: 0, field: 'discount' });
  });
});

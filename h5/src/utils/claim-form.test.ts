import { describe, expect, it } from 'vitest';
import { buildClaimBody, buildOffsets, draftTotalFen, type LineDraft } from './claim-form';

const line = (over: Partial<LineDraft> = {}): LineDraft => ({
  key: 'k',
  spentOn: '2026-11-27',
  categoryId: '3',
  amountText: '0.1',
  description: ' 打车 ',
  ...over,
});

describe('buildClaimBody', () => {
  it('builds the API body with exact fen amounts and trimmed texts', () => {
    const result = buildClaimBody(' 客户拜访 ', [line(), line({ amountText: '0.2', description: '' })], ['9']);
    expect(result).toEqual({
      ok: true,
      body: {
        title: '客户拜访',
        lines: [
          { spentOn: '2026-11-27', categoryId: '3', amount: 10, description: '打车' },
          { spentOn: '2026-11-27', categoryId: '3', amount: 20, description: '' },
        ],
        voucherFileIds: ['9'],
      },
    });
  });

  it('names every problem with its 1-based line number', () => {
    const result = buildClaimBody('', [line(), line({ categoryId: '', amountText: '1.234', spentOn: '' })], []);
    expect(result).toEqual({
      ok: false,
      errors: [{ field: 'title' }, { field: 'date', line: 2 }, { field: 'category', line: 2 }, { field: 'amount', line: 2, error: 'too_many_decimals' }],
    });
    expect(buildClaimBody('x', [], [])).toEqual({ ok: false, errors: [{ field: 'lines' }] });
  });

  it('totals the lines exactly (0.1 + 0.2 is 30 fen, not 30.000000000000004)', () => {
    expect(draftTotalFen([line(), line({ amountText: '0.2' })])).toBe(30);
    expect(draftTotalFen([line({ amountText: 'abc' }), line({ amountText: '19.99' })])).toBe(1999);
  });
});

describe('buildOffsets', () => {
  it('pays the claim total minus the advance offsets, exactly', () => {
    expect(buildOffsets(100_00, [])).toEqual({ ok: true, offsets: [], paid: 100_00 });
    expect(
      buildOffsets(1000_10, [
        { advanceId: '1', amountText: '300.1', outstanding: 2000_00 },
        { advanceId: '2', amountText: '', outstanding: 50_00 },
      ]),
    ).toEqual({ ok: true, offsets: [{ advanceId: '1', amount: 300_10 }], paid: 700_00 });
  });

  it('refuses offsets above the advance balance or the claim total', () => {
    expect(buildOffsets(100_00, [{ advanceId: '1', amountText: '60', outstanding: 50_00 }])).toEqual({
      ok: false,
      error: { advanceId: '1', error: 'exceeds_outstanding' },
    });
    expect(
      buildOffsets(100_00, [
        { advanceId: '1', amountText: '60', outstanding: 60_00 },
        { advanceId: '2', amountText: '50', outstanding: 60_00 },
      ]),
    ).toEqual({ ok: false, error: { advanceId: null, error: 'exceeds_claim' } });
    expect(buildOffsets(100_00, [{ advanceId: '1', amountText: 'x', outstanding: 60_00 }])).toEqual({
      ok: false,
      error: { advanceId: '1', error: 'invalid' },
    });
  });
});

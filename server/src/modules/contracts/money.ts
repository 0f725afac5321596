import type { DocLineInput } from '@scrm/shared';
import { errors } from '../../http/errors';
import { dayjs } from '../../lib/time';

/** Quantity in thousandths of a unit; inputs are validated to ≤ 3 decimals. */
export const toMilli = (q: number): number => Math.round(q * 1000);
export const fromMilli = (m: number): number => m / 1000;

/** round-half-up(a × b / d) in exact integer arithmetic (non-negative a, b). */
export function mulDiv(a: number, b: number, d: number): number {
  return Number((BigInt(a) * BigInt(b) * 2n + BigInt(d)) / (BigInt(d) * 2n));
}

/** Unit price × quantity, rounded half up to the fen. */
export const grossOf = (unitPrice: number, quantityMilli: number): number => mulDiv(unitPrice, quantityMilli, 1000);

/** Tax contained in a tax-inclusive amount: amount × r / (1 + r), rounded half up. */
export const taxOf = (amount: number, rateBp: number): number => mulDiv(amount, rateBp, 10000 + rateBp);

/** The Shanghai calendar date of an instant, `YYYY-MM-DD`. */
export const shanghaiDate = (d: Date): string => dayjs(d).utcOffset(480).format('YYYY-MM-DD');

export interface LineValues {
  lineNo: number;
  productId: number | null;
  skuId: number | null;
  categoryId: number | null;
  name: string;
  quantityMilli: number;
  unitPrice: number;
  discount: number;
  amount: number;
  taxRateBp: number;
}

/** Computes stored line values from input; a discount beyond the line's gross is refused. */
export function buildLines(lines: DocLineInput[], categoryOf: (productId: number | null) => number | null = () => null): LineValues[] {
  return lines.map((l, i) => {
    const quantityMilli = toMilli(l.quantity);
    const gross = grossOf(l.unitPrice, quantityMilli);
    if (l.discount > gross) {
      throw errors.validation([{ path: `body.lines.${i}.discount`, message: '折扣不能超过该行金额' }]);
    }
    const productId = l.productId ? Number(l.productId) : null;
    return {
      lineNo: i + 1,
      productId,
      skuId: l.skuId ? Number(l.skuId) : null,
      categoryId: categoryOf(productId),
      name: l.name,
      quantityMilli,
      unitPrice: l.unitPrice,
      discount: l.discount,
      amount: gross - l.discount,
      taxRateBp: l.taxRateBp,
    };
  });
}

export const sumOf = (xs: { amount: number }[]): number => xs.reduce((s, x) => s + x.amount, 0);

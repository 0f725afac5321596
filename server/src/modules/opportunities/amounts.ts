/**
 * Money arithmetic for line items, exact in integer fen.
 *
 * Rounding rule (documented in the API): each line is rounded on its own, half-up (away from
 * zero for the .5 case, amounts are never negative):
 *   line amount = round_half_up(listPrice × quantity × (10000 − discountBp) / 10000)
 * computed with BigInt on quantity in thousandths, so big quantities never lose precision.
 * The opportunity / quote amount is the plain sum of the rounded line amounts.
 */
export function lineAmount(listPriceFen: number, quantityMilli: number, discountBp: number): number {
  const numerator = BigInt(listPriceFen) * BigInt(quantityMilli) * BigInt(10000 - discountBp);
  const denominator = 10_000_000n; // 1000 (milli) × 10000 (bp)
  const q = numerator / denominator;
  const r = numerator % denominator;
  const rounded = r * 2n >= denominator ? q + 1n : q;
  if (rounded > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('line amount overflow');
  return Number(rounded);
}

/** Sum of list price × quantity before discounts (same rounding). */
export const listAmount = (listPriceFen: number, quantityMilli: number) => lineAmount(listPriceFen, quantityMilli, 0);

/** Weighted forecast amount: round_half_up(amount × winRate / 100). */
export function weighted(amount: number, winRate: number): number {
  return Number((BigInt(amount) * BigInt(winRate) * 2n + 100n) / 200n);
}

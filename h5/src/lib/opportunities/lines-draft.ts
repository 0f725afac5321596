import type { LineInput } from '@scrm/shared';
import { bpToPercent, parseQuantity, percentToBp } from './numbers';

/** A SKU chosen in the product picker. */
export interface PickedSku {
  skuId: string;
  productName: string;
  skuName: string;
  unit: string;
}

/** One editable line: what the rep typed (text), plus the server's price and amount once saved. */
export interface DraftLine extends PickedSku {
  key: string;
  quantity: string;
  discount: string;
  remark: string | null;
  /** Server values; null for a line not saved yet (its price comes from the price list on save). */
  listPrice: number | null;
  amount: number | null;
}

interface ServerLine {
  id: string;
  skuId: string;
  productName: string;
  skuName: string;
  unit: string;
  quantity: number;
  discountBp: number;
  listPrice: number;
  amount: number;
  remark: string | null;
}

let counter = 0;
const nextKey = () => `new-${++counter}`;

/** Draft rows from the opportunity's saved lines. */
export function draftFromLines(lines: readonly ServerLine[]): DraftLine[] {
  return lines.map((l) => ({
    key: l.id,
    skuId: l.skuId,
    productName: l.productName,
    skuName: l.skuName,
    unit: l.unit,
    quantity: String(l.quantity),
    discount: bpToPercent(l.discountBp),
    remark: l.remark,
    listPrice: l.listPrice,
    amount: l.amount,
  }));
}

/** A new row for a picked SKU: quantity 1, no discount, priced by the server on save. */
export function draftFromPick(sku: PickedSku): DraftLine {
  return { ...sku, key: nextKey(), quantity: '1', discount: '0', remark: null, listPrice: null, amount: null };
}

export type LinesValidation = { ok: true; lines: LineInput[] } | { ok: false; index: number; field: 'quantity' | 'discount' };

/**
 * The `PUT …/lines` body, or the first row with a bad number. Prices are left to the server
 * (customer's price list, quantity tiers), so a changed quantity can pick up a tier price.
 */
export function linesToInput(rows: readonly DraftLine[]): LinesValidation {
  const lines: LineInput[] = [];
  for (const [index, r] of rows.entries()) {
    const quantity = parseQuantity(r.quantity);
    if (quantity === null) return { ok: false, index, field: 'quantity' };
    const discountBp = percentToBp(r.discount);
    if (discountBp === null) return { ok: false, index, field: 'discount' };
    lines.push({ skuId: r.skuId, quantity, discountBp, ...(r.remark ? { remark: r.remark } : {}) });
  }
  return { ok: true, lines };
}

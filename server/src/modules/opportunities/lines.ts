import { eq } from 'drizzle-orm';
import type { LineInput } from '@scrm/shared';
import type { Db } from '../../db/client';
import { customers } from '../../db/schema/index';
import { errors } from '../../http/errors';
import { idNum, idStr, idStrOrNull } from '../../lib/ids';
import { assertSkus, fromMilli, resolvePrice, shanghaiDate, toMilli, type PriceContext } from '../catalog/service';
import { lineAmount } from './amounts';

/** A computed line as stored on opportunity_lines / quote_lines (without owner ids). */
export interface ComputedLine {
  skuId: number;
  productName: string;
  skuName: string;
  unit: string;
  priceListId: number | null;
  listPrice: number;
  quantityMilli: number;
  discountBp: number;
  amount: number;
  remark: string | null;
  sortOrder: number;
}

/** Price context of a customer: its grade and region, today's Shanghai date. */
export async function priceContextOf(db: Db, customerId: number, now: Date): Promise<PriceContext> {
  const [c] = await db.select({ grade: customers.grade, region: customers.region }).from(customers).where(eq(customers.id, customerId));
  return { grade: c?.grade ?? null, region: c?.region ?? null, date: shanghaiDate(now) };
}

/**
 * Computes lines: the list price comes from the applicable price list (see catalog
 * `resolvePrice`) unless given explicitly; amount per line is rounded half-up (see amounts.ts).
 */
export async function computeLines(db: Db, corpId: number, inputs: LineInput[], ctx: PriceContext): Promise<ComputedLine[]> {
  const skus = new Map((await assertSkus(db, corpId, inputs.map((l) => idNum(l.skuId)))).map((r) => [r.sku.id, r]));
  const out: ComputedLine[] = [];
  for (const [i, l] of inputs.entries()) {
    const skuId = idNum(l.skuId);
    const { sku, product } = skus.get(skuId)!;
    const quantityMilli = toMilli(l.quantity);
    let listPrice = l.listPrice;
    let priceListId: number | null = null;
    if (listPrice === undefined) {
      const p = await resolvePrice(db, corpId, skuId, quantityMilli, ctx);
      if (!p) throw errors.conflict('price_not_found', `「${product.name} ${sku.name}」没有适用的价目表价格，请手工填写单价`);
      listPrice = p.price;
      priceListId = idNum(p.priceListId);
    }
    out.push({
      skuId,
      productName: product.name,
      skuName: sku.name,
      unit: sku.unit ?? product.unit,
      priceListId,
      listPrice,
      quantityMilli,
      discountBp: l.discountBp,
      amount: lineAmount(listPrice, quantityMilli, l.discountBp),
      remark: l.remark ?? null,
      sortOrder: i,
    });
  }
  return out;
}

export const sumLines = (lines: { amount: number }[]) => lines.reduce((s, l) => s + l.amount, 0);

export const presentLine = (l: ComputedLine & { id: number }) => ({
  id: idStr(l.id),
  skuId: idStr(l.skuId),
  productName: l.productName,
  skuName: l.skuName,
  unit: l.unit,
  priceListId: idStrOrNull(l.priceListId),
  listPrice: l.listPrice,
  quantity: fromMilli(l.quantityMilli),
  discountBp: l.discountBp,
  amount: l.amount,
  remark: l.remark,
});

/** Lines back to inputs (explicit prices kept), for pushing down into a quote. */
export const toInputs = (lines: ComputedLine[]): LineInput[] =>
  lines.map((l) => ({ skuId: idStr(l.skuId), quantity: fromMilli(l.quantityMilli), discountBp: l.discountBp, listPrice: l.listPrice, remark: l.remark ?? undefined }));

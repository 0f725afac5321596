/** A line of a won opportunity or an accepted quote (the shape both answer). */
export interface SourceLine {
  id: string;
  skuId: string;
  productName: string;
  skuName: string;
  listPrice: number;
  quantity: number;
  amount: number;
}

/** A contract line as `POST /api/contracts` takes it (`docLineInput`). */
export interface ContractLineInput {
  skuId: string;
  name: string;
  quantity: number;
  unitPrice: number;
  discount: number;
}

/** round-half-up(price × quantity) in fen, with the quantity in thousandths like the server. */
export function grossOf(unitPrice: number, quantity: number): number {
  const milli = Math.round(quantity * 1000);
  return Math.floor((unitPrice * milli * 2 + 1000) / 2000);
}

/** The display name the server gives a copied line. */
export const lineName = (l: SourceLine): string => `${l.productName} ${l.skuName}`.trim().slice(0, 100);

/**
 * Source lines → contract lines that keep each line's amount to the fen: the list price as unit
 * price and the difference to the line amount as the discount (what the server does when it
 * copies all lines itself).
 */
export function toContractLines(lines: SourceLine[]): ContractLineInput[] {
  return lines.map((l) => ({
    skuId: l.skuId,
    name: lineName(l),
    quantity: l.quantity,
    unitPrice: l.listPrice,
    discount: Math.max(0, grossOf(l.listPrice, l.quantity) - l.amount),
  }));
}

/** What the picked lines add up to (the contract amount the server will compute). */
export function pickedTotal(lines: SourceLine[], picked: ReadonlySet<string>): number {
  return toContractLines(lines.filter((l) => picked.has(l.id))).reduce((s, l) => s + grossOf(l.unitPrice, l.quantity) - l.discount, 0);
}

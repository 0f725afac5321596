/** An instalment as the receipt form sees it. */
export interface DueInstalment {
  id: string;
  period: number;
  amount: number;
  receivedAmount: number;
  outstanding: number;
}

/**
 * The server's default when no allocation is given: the earliest periods still owed first.
 * Used to prefill the form; the user may move money between periods before saving.
 */
export function allocateEarliestFirst(plan: DueInstalment[], amount: number): Map<string, number> {
  const out = new Map<string, number>();
  let left = Math.max(0, amount);
  for (const p of [...plan].sort((a, b) => a.period - b.period)) {
    if (!left) break;
    const take = Math.min(left, Math.max(0, p.outstanding));
    if (take > 0) out.set(p.id, take);
    left -= take;
  }
  return out;
}

export interface AllocationCheck {
  /** receipt amount − allocated: must be 0 to save */
  unallocated: number;
  /** instalments given more than they still owe (the server answers 409 allocation_exceeds_due) */
  exceeding: string[];
  /** what each instalment would still owe after this receipt */
  remainingAfter: Map<string, number>;
  ok: boolean;
}

/** Checks an allocation (fen per instalment id) against the receipt amount and what is due. */
export function checkAllocation(plan: DueInstalment[], amount: number, allocation: Map<string, number | null>): AllocationCheck {
  let allocated = 0;
  const exceeding: string[] = [];
  const remainingAfter = new Map<string, number>();
  let malformed = false;
  for (const p of plan) {
    const a = allocation.get(p.id);
    if (a === null) malformed = true;
    const v = a ?? 0;
    allocated += v;
    if (v > p.outstanding) exceeding.push(p.id);
    remainingAfter.set(p.id, p.outstanding - v);
  }
  const unallocated = amount - allocated;
  return { unallocated, exceeding, remainingAfter, ok: amount > 0 && !malformed && unallocated === 0 && !exceeding.length };
}

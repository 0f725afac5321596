import { yuanToFen } from '@/utils/money';

/** One instalment row of the plan form: amount as typed (元 text), due date `YYYY-MM-DD`. */
export interface InstalmentDraft {
  key: string;
  dueOn: string;
  amountText: string;
}

export interface PlanCheck {
  /** fen per row; null where the text is not an amount */
  amounts: (number | null)[];
  total: number;
  /** contract amount − plan total: > 0 still to plan, < 0 planned too much, 0 balanced */
  difference: number;
  /** rows whose amount is missing, malformed or zero */
  invalidRows: number[];
  /** rows whose due date is missing or earlier than the previous row's */
  badDates: number[];
  ok: boolean;
}

/**
 * Checks a plan draft against the contract amount the way the server will
 * (`plan_sum_mismatch` unless the instalments sum exactly to the amount), so the page can show
 * the remaining difference live and only submit a plan that balances.
 */
export function checkPlan(rows: InstalmentDraft[], contractAmount: number): PlanCheck {
  const amounts = rows.map((r) => yuanToFen(r.amountText));
  const invalidRows: number[] = [];
  amounts.forEach((a, i) => {
    if (a === null || a <= 0) invalidRows.push(i);
  });
  const badDates: number[] = [];
  rows.forEach((r, i) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r.dueOn) || (i > 0 && r.dueOn < rows[i - 1]!.dueOn)) badDates.push(i);
  });
  const total = amounts.reduce<number>((s, a) => s + (a ?? 0), 0);
  const difference = contractAmount - total;
  return { amounts, total, difference, invalidRows, badDates, ok: rows.length > 0 && !invalidRows.length && !badDates.length && difference === 0 };
}

/** The body of `PUT /api/contracts/:id/payment-plan` from a balanced draft (periods 1…n). */
export function planBody(rows: InstalmentDraft[]): { period: number; dueOn: string; amount: number }[] {
  return rows.map((r, i) => ({ period: i + 1, dueOn: r.dueOn, amount: yuanToFen(r.amountText) ?? 0 }));
}

/** `YYYY-MM-DD` plus whole months, clamped to the month's last day (01-31 + 1 month → 02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Today's calendar date in Asia/Shanghai (the server's business day), `YYYY-MM-DD`. */
export function shanghaiToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

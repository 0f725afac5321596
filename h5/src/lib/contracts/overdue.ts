/** The contract fields the overdue list needs (a `ContractView` with its instalments). */
export interface ContractWithPlan {
  id: string;
  number: string;
  title: string;
  customerId: string;
  ownerId: string;
  currency: string;
  status: string;
  instalments?: { id: string; period: number; dueOn: string; amount: number; receivedAmount: number; outstanding: number; status: string }[];
}

export interface OverdueRow {
  contractId: string;
  number: string;
  title: string;
  customerId: string;
  ownerId: string;
  currency: string;
  instalmentId: string;
  period: number;
  dueOn: string;
  outstanding: number;
  daysOverdue: number;
}

/** Whole days from `from` to `to` (`YYYY-MM-DD`, calendar days). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Instalments of effective contracts past their due date with money still owed, most overdue
 * first. Judged by date, not only by the stored status: the server's overdue job runs hourly, so a
 * period that fell due this morning may still read `pending`.
 */
export function overdueOf(contracts: ContractWithPlan[], today: string): OverdueRow[] {
  const rows: OverdueRow[] = [];
  for (const c of contracts) {
    if (c.status !== 'effective') continue;
    for (const i of c.instalments ?? []) {
      if (i.outstanding <= 0 || !(i.dueOn < today)) continue;
      rows.push({
        contractId: c.id,
        number: c.number,
        title: c.title,
        customerId: c.customerId,
        ownerId: c.ownerId,
        currency: c.currency,
        instalmentId: i.id,
        period: i.period,
        dueOn: i.dueOn,
        outstanding: i.outstanding,
        daysOverdue: daysBetween(i.dueOn, today),
      });
    }
  }
  return rows.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : b.outstanding - a.outstanding));
}

export type PeriodKind = 'month' | 'quarter' | 'year';

/** The months `{from, to}` (`YYYY-MM`) of this month / quarter / year around `today` (`YYYY-MM-DD`). */
export function periodMonths(kind: PeriodKind, today: string): { from: string; to: string } {
  const year = today.slice(0, 4);
  const month = Number(today.slice(5, 7));
  const mm = (m: number) => `${year}-${String(m).padStart(2, '0')}`;
  if (kind === 'month') return { from: mm(month), to: mm(month) };
  if (kind === 'year') return { from: mm(1), to: mm(12) };
  const first = Math.floor((month - 1) / 3) * 3 + 1;
  return { from: mm(first), to: mm(first + 2) };
}

/** Completion in basis points → whole percent for display (floored; may exceed 100). */
export const bpToPercent = (bp: number | null | undefined): number | null => (bp === null || bp === undefined ? null : Math.floor(bp / 100));

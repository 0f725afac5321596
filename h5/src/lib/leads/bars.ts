/** One bar of a CSS bar chart. */
export interface Bar {
  key: string;
  label: string;
  value: number;
  /** Width in percent of the largest value (at least 2% so a non-zero bar stays visible). */
  percent: number;
}

/** Scales values to percentages of the largest one, for simple CSS bars (no chart library). */
export function toBars(items: readonly { key: string; label: string; value: number }[]): Bar[] {
  const max = Math.max(0, ...items.map((i) => i.value));
  return items.map((i) => ({ ...i, percent: max <= 0 || i.value <= 0 ? 0 : Math.max(2, Math.round((i.value / max) * 100)) }));
}

/** ROI as a percent string (`+150%`, `-20%`), or `—` when there is no cost yet. */
export function formatRoi(roi: number | null): string {
  if (roi == null) return '—';
  const pct = Math.round(roi * 100);
  return `${pct > 0 ? '+' : ''}${pct}%`;
}

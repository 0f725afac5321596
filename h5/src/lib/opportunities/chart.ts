/**
 * Scaling for the hand-drawn (view + CSS) charts of the pipeline: bar widths as percentages of
 * the track, so the charts need no chart library and render the same on H5 and in the mini program.
 */

/** A "nice" upper bound ≥ max (1, 2, 2.5, 5 × 10^n) so bars leave headroom and axes read well. */
export function niceMax(max: number): number {
  if (!(max > 0) || !Number.isFinite(max)) return 1;
  const exp = Math.floor(Math.log10(max));
  const base = 10 ** exp;
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * base >= max) return step * base;
  }
  return 10 * base;
}

/**
 * Width of a bar as a percentage (0–100) of the track for `value` against `max`. A non-zero value
 * always gets at least `minPercent`, so a small deal stays visible next to a huge one.
 */
export function barPercent(value: number, max: number, minPercent = 2): number {
  if (!(value > 0) || !(max > 0)) return 0;
  const p = (value / max) * 100;
  return Math.min(100, Math.max(minPercent, Math.round(p * 10) / 10));
}

export interface FunnelStep {
  key: string;
  value: number;
}

/**
 * Funnel bar widths (percent of the track): each stage's share of the largest stage, centred by the
 * page so the bars read as a funnel. Every stage keeps at least `minPercent` so its label fits,
 * including an empty one (0 deals is worth seeing too).
 */
export function funnelWidths(steps: readonly FunnelStep[], minPercent = 24): number[] {
  const max = Math.max(0, ...steps.map((s) => s.value));
  return steps.map((s) => Math.max(minPercent, max > 0 ? Math.round((s.value / max) * 100) : 0));
}

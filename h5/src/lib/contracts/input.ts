/**
 * The text of an input event on any host: uni's `{detail: {value}}` (mini program, uni-h5's
 * `<input>`) or the DOM's `target.value`. The Vue typings only know the DOM shape.
 */
export function inputValue(e: unknown): string {
  const ev = e as { detail?: { value?: unknown }; target?: { value?: unknown } } | null;
  const v = ev?.detail?.value ?? ev?.target?.value;
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}

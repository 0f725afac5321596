import type { ClaimBody } from '@scrm/shared';
import { MAX_YUAN_FEN, parseYuan, sumFen, type YuanParseError } from './money';

/** One expense line as the form holds it: the amount stays the typed 元 string until saving. */
export interface LineDraft {
  key: string;
  spentOn: string;
  categoryId: string;
  amountText: string;
  description: string;
}

export type ClaimFormError =
  | { field: 'title' }
  | { field: 'lines' }
  | { field: 'category'; line: number }
  | { field: 'date'; line: number }
  | { field: 'amount'; line: number; error: YuanParseError };

/**
 * Checks the form and builds the API body with exact fen amounts. `line` numbers are 1-based,
 * as the user sees them ("第 2 条明细").
 */
export function buildClaimBody(
  title: string,
  lines: readonly LineDraft[],
  voucherFileIds: readonly string[],
): { ok: true; body: ClaimBody } | { ok: false; errors: ClaimFormError[] } {
  const errors: ClaimFormError[] = [];
  if (!title.trim()) errors.push({ field: 'title' });
  if (lines.length === 0) errors.push({ field: 'lines' });
  const out: ClaimBody['lines'] = [];
  lines.forEach((line, i) => {
    const n = i + 1;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(line.spentOn)) errors.push({ field: 'date', line: n });
    if (!line.categoryId) errors.push({ field: 'category', line: n });
    const amount = parseYuan(line.amountText, { maxFen: MAX_YUAN_FEN });
    if (!amount.ok) {
      errors.push({ field: 'amount', line: n, error: amount.error });
      return;
    }
    out.push({ spentOn: line.spentOn, categoryId: line.categoryId, amount: amount.fen, description: line.description.trim() });
  });
  if (errors.length) return { ok: false, errors };
  return { ok: true, body: { title: title.trim(), lines: out, voucherFileIds: [...voucherFileIds] } };
}

/** The running total shown under the lines; lines with an unparsable amount count as 0. */
export function draftTotalFen(lines: readonly LineDraft[]): number {
  return sumFen(lines.map((l) => {
    const parsed = parseYuan(l.amountText, { maxFen: MAX_YUAN_FEN });
    return parsed.ok ? parsed.fen : 0;
  }));
}

export interface OffsetDraft {
  advanceId: string;
  /** 元 typed by finance; empty = no offset from this advance */
  amountText: string;
  /** fen still owed on the advance */
  outstanding: number;
}

export type OffsetError = { advanceId: string; error: YuanParseError | 'exceeds_outstanding' } | { advanceId: null; error: 'exceeds_claim' };

/**
 * Advance offsets for a reimbursement and the cash to pay (claim total − offsets), all in fen.
 * Mirrors the server's rules so finance sees the problem before pressing 确认付款.
 */
export function buildOffsets(
  totalFen: number,
  drafts: readonly OffsetDraft[],
): { ok: true; offsets: { advanceId: string; amount: number }[]; paid: number } | { ok: false; error: OffsetError } {
  const offsets: { advanceId: string; amount: number }[] = [];
  for (const d of drafts) {
    if (!d.amountText.trim()) continue;
    const parsed = parseYuan(d.amountText, { maxFen: MAX_YUAN_FEN });
    if (!parsed.ok) return { ok: false, error: { advanceId: d.advanceId, error: parsed.error } };
    if (parsed.fen > d.outstanding) return { ok: false, error: { advanceId: d.advanceId, error: 'exceeds_outstanding' } };
    offsets.push({ advanceId: d.advanceId, amount: parsed.fen });
  }
  const offsetTotal = sumFen(offsets.map((o) => o.amount));
  if (offsetTotal > totalFen) return { ok: false, error: { advanceId: null, error: 'exceeds_claim' } };
  return { ok: true, offsets, paid: totalFen - offsetTotal };
}

import { eq, inArray } from 'drizzle-orm';
import type { InstalmentStatus } from '@scrm/shared';
import type { Db } from '../../db/client';
import { paymentInstalments } from '../../db/schema/index';
import { errors } from '../../http/errors';
import type { InstalmentRow } from './repo';

/** pending / partial / done, or overdue once the due date has passed and money is still owed. */
export function instalmentStatus(amount: number, received: number, dueOn: string, today: string): InstalmentStatus {
  if (received >= amount) return 'done';
  if (dueOn < today) return 'overdue';
  return received > 0 ? 'partial' : 'pending';
}

export interface PlanInput {
  id?: string;
  period: number;
  dueOn: string;
  amount: number;
}

/**
 * Checks a (new) plan against the contract amount and the existing instalments: sums must match
 * exactly; an instalment that has money on it is kept (by id) and never cut below what it received.
 */
export function validatePlan(input: PlanInput[], contractAmount: number, existing: InstalmentRow[]): void {
  const sum = input.reduce((s, i) => s + i.amount, 0);
  if (sum !== contractAmount) {
    throw errors.conflict('plan_sum_mismatch', `回款计划合计 ${sum} 分，与合同金额 ${contractAmount} 分不一致`, { planTotal: sum, contractAmount });
  }
  const periods = new Set(input.map((i) => i.period));
  if (periods.size !== input.length) throw errors.conflict('plan_duplicate_period', '回款计划的期数不能重复');
  const byId = new Map(existing.map((e) => [String(e.id), e]));
  const kept = new Set<string>();
  for (const i of input) {
    if (!i.id) continue;
    const e = byId.get(i.id);
    if (!e) throw errors.conflict('instalment_not_in_plan', `第 ${i.period} 期引用的回款计划不属于该合同`);
    if (kept.has(i.id)) throw errors.conflict('plan_duplicate_period', '同一期回款计划出现了两次');
    kept.add(i.id);
    if (i.amount < e.receivedAmount) {
      throw errors.conflict('instalment_below_received', `第 ${i.period} 期金额不能低于已回款 ${e.receivedAmount} 分`);
    }
  }
  for (const e of existing) {
    if (e.receivedAmount > 0 && !kept.has(String(e.id))) {
      throw errors.conflict('instalment_has_receipts', `第 ${e.period} 期已有回款，不能删除`);
    }
  }
}

/** Writes a validated plan: kept instalments are updated, the rest replaced. */
export async function writePlan(db: Db, corpId: number, contractId: number, input: PlanInput[], existing: InstalmentRow[], today: string): Promise<void> {
  const keptIds = new Set(input.filter((i) => i.id).map((i) => Number(i.id)));
  const drop = existing.filter((e) => !keptIds.has(e.id)).map((e) => e.id);
  if (drop.length) await db.delete(paymentInstalments).where(inArray(paymentInstalments.id, drop));
  const receivedOf = new Map(existing.map((e) => [e.id, e.receivedAmount]));
  for (const i of input) {
    const received = i.id ? (receivedOf.get(Number(i.id)) ?? 0) : 0;
    const values = { period: i.period, dueOn: i.dueOn, amount: i.amount, status: instalmentStatus(i.amount, received, i.dueOn, today) };
    if (i.id) await db.update(paymentInstalments).set(values).where(eq(paymentInstalments.id, Number(i.id)));
    else await db.insert(paymentInstalments).values({ ...values, corpId, contractId, receivedAmount: 0 });
  }
}

export const presentInstalment = (i: InstalmentRow) => ({
  id: String(i.id),
  period: i.period,
  dueOn: i.dueOn,
  amount: i.amount,
  receivedAmount: i.receivedAmount,
  outstanding: i.amount - i.receivedAmount,
  status: i.status,
});

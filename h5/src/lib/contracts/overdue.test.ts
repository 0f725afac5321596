import { describe, expect, it } from 'vitest';
import { daysBetween, overdueOf, type ContractWithPlan } from './overdue';

const contract = (id: string, status: string, instalments: NonNullable<ContractWithPlan['instalments']>): ContractWithPlan => ({
  id,
  number: `HT-${id}`,
  title: `合同${id}`,
  customerId: 'c1',
  ownerId: 'u1',
  currency: 'CNY',
  status,
  instalments,
});
const inst = (id: string, dueOn: string, amount: number, received: number, status = 'pending') => ({ id, period: Number(id), dueOn, amount, receivedAmount: received, outstanding: amount - received, status });

describe('overdueOf (the managers\u2019 overdue list)', () => {
  it('lists owed instalments past due, most overdue first', () => {
    const rows = overdueOf(
      [
        contract('1', 'effective', [inst('1', '2026-10-01', 100, 40, 'overdue'), inst('2', '2026-12-01', 100, 0)]),
        contract('2', 'effective', [inst('3', '2026-09-15', 500, 0, 'overdue')]),
      ],
      '2026-11-27',
    );
    expect(rows.map((r) => [r.instalmentId, r.outstanding, r.daysOverdue])).toEqual([
      ['3', 500, 73],
      ['1', 60, 57],
    ]);
  });
  it('catches a period that fell due before the hourly job marked it', () => {
    expect(overdueOf([contract('1', 'effective', [inst('1', '2026-11-26', 100, 0, 'pending')])], '2026-11-27')).toHaveLength(1);
  });
  it('ignores paid periods, periods due today, and contracts not effective', () => {
    const rows = overdueOf(
      [
        contract('1', 'effective', [inst('1', '2026-10-01', 100, 100, 'done'), inst('2', '2026-11-27', 100, 0)]),
        contract('2', 'terminated', [inst('3', '2026-01-01', 100, 0, 'overdue')]),
        contract('3', 'draft', [inst('4', '2026-01-01', 100, 0)]),
      ],
      '2026-11-27',
    );
    expect(rows).toEqual([]);
  });
  it('counts calendar days', () => {
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
  });
});

import { and, eq, inArray } from 'drizzle-orm';
import { systemMoneyScope } from './visibility';
import { contracts, customers, salesTargets } from '../../db/schema/index';
import { dayjs } from '../../lib/time';
import type { AppDeps } from '../../http/context';
import type { SeedContext } from '../types';
import { createInvoice } from '../fulfilment/invoices';
import { createReceipt } from '../receipts/service';
import { shanghaiDate } from './money';
import { nextDocNumber } from './numbering';
import { writePlan } from './plan';
import { refreshContractMoney } from './rollups';

const DEMO_REMARK = '演示数据';

/**
 * Demo money (idempotent): effective contracts for demo reps' customers with plans, partial
 * receipts, an overdue instalment and an invoice; monthly targets so performance shows something.
 */
export async function seedContracts(ctx: SeedContext): Promise<void> {
  const { db, corpId, users, deps } = ctx;
  const [done] = await db.select({ id: contracts.id }).from(contracts).where(and(eq(contracts.corpId, corpId), eq(contracts.remark, DEMO_REMARK))).limit(1);
  if (done) return;
  const reps = ['demo.rep1', 'demo.rep2', 'demo.rep3'].map((k) => users[k]).filter((id): id is number => id != null);
  if (!reps.length) return;
  const owned = await db.select().from(customers).where(and(eq(customers.corpId, corpId), inArray(customers.ownerId, reps))).limit(6);
  const now = deps.now();
  const today = shanghaiDate(now);
  const all = systemMoneyScope({ corpId, userId: users['demo.admin'] ?? reps[0]!, level: 'all', userIds: null, departmentIds: [] });
  const amounts = [120_000_00, 86_500_00, 240_000_00, 45_800_00];
  for (const [i, cust] of owned.slice(0, amounts.length).entries()) {
    const amount = amounts[i]!;
    const signedOn = dayjs(now).subtract(60 - i * 15, 'day').format('YYYY-MM-DD');
    const number = await nextDocNumber(db, corpId, 'contract', now);
    const [row] = await db
      .insert(contracts)
      .values({ corpId, number, title: `${cust.name} 年度采购合同`, customerId: cust.id, ownerId: cust.ownerId!, signedOn, amount, status: 'effective', effectiveAt: now, remark: DEMO_REMARK, createdAt: now, updatedAt: now })
      .$returningId();
    const first = Math.floor(amount * 0.3);
    // instalment 1 fell due a month ago (overdue unless paid), 2 and 3 lie ahead
    const plan = [
      { period: 1, dueOn: dayjs(now).subtract(30, 'day').format('YYYY-MM-DD'), amount: first },
      { period: 2, dueOn: dayjs(now).add(30, 'day').format('YYYY-MM-DD'), amount: Math.floor(amount * 0.4) },
      { period: 3, dueOn: dayjs(now).add(90, 'day').format('YYYY-MM-DD'), amount: amount - first - Math.floor(amount * 0.4) },
    ];
    await writePlan(db, corpId, row!.id, plan, [], today);
    if (i !== 1) {
      await createReceipt(db, deps as AppDeps, { corpId, userId: null }, all, { contractId: String(row!.id), amount: i === 0 ? first : Math.floor(first / 2), receivedOn: dayjs(now).subtract(20, 'day').format('YYYY-MM-DD'), method: 'bank_transfer' });
    }
    if (i === 0) {
      const admin = { id: all.userId, corpId, wecomUserId: 'demo.admin', name: '管理员', role: 'admin' as const, sessionId: 0 };
      await createInvoice(db, deps as AppDeps, admin, all, { contractId: String(row!.id), invoiceType: 'vat_special', issuedOn: today, title: cust.name, lines: [{ name: '首期货款', amount: first, taxRateBp: 1300 }] });
    }
    await refreshContractMoney(db, corpId, row!.id);
  }
  const month = dayjs(now).utcOffset(480).format('YYYY-MM');
  for (const id of reps) {
    await db
      .insert(salesTargets)
      .values({ corpId, month, userId: id, subjectKey: `u${id}`, booked: 200_000_00, received: 100_000_00, invoiced: 80_000_00 })
      .onDuplicateKeyUpdate({ set: { booked: 200_000_00 } });
  }
}

import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contracts, invoices, paymentInstalments } from '../../src/db/schema/index';
import { seedContracts } from '../../src/modules/contracts/seed';
import { markOverdueInstalments } from '../../src/modules/receipts/overdue';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';
import { makeCustomer } from './fixtures';

let t: TestServer;
let corp: TestCorp;
beforeAll(async () => {
  t = await startTestServer();
  corp = await makeCorp(t);
});
afterAll(async () => t.close());

describe('demo seed', () => {
  it('seeds contracts with plans, partial receipts, an overdue instalment and an invoice, once', async () => {
    for (const u of ['rep1', 'rep2', 'rep1']) await makeCustomer(t, corp, corp.users[u]!);
    const users = { 'demo.admin': corp.users.admin!.id, 'demo.rep1': corp.users.rep1!.id, 'demo.rep2': corp.users.rep2!.id };
    const ctx = { deps: t.deps, db: t.db, corpId: corp.id, users, departments: corp.departments };
    await t.db.transaction((tx) => seedContracts({ ...ctx, db: tx }));
    await t.db.transaction((tx) => seedContracts({ ...ctx, db: tx }));
    const rows = await t.db.select().from(contracts).where(eq(contracts.corpId, corp.id));
    expect(rows).toHaveLength(3);
    expect(rows.some((c) => c.receivedAmount > 0 && c.receivedAmount < c.amount)).toBe(true);
    await t.db.transaction((tx) => markOverdueInstalments(tx, t.deps.now()));
    const overdue = await t.db.select().from(paymentInstalments).where(and(eq(paymentInstalments.corpId, corp.id), eq(paymentInstalments.status, 'overdue')));
    expect(overdue.length).toBeGreaterThan(0);
    expect(await t.db.select().from(invoices).where(eq(invoices.corpId, corp.id))).toHaveLength(1);
  });
});

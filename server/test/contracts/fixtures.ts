import { and, desc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { approvalInstances, customers } from '../../src/db/schema/index';
import type { TestCorp, TestServer, TestUser } from '../harness';

let seq = 0;
/** A customer owned by `owner` (inserted directly: customers are another module's concern). */
export async function makeCustomer(t: TestServer, corp: TestCorp, owner: TestUser, name = `客户${++seq}-${Date.now() % 100000}`): Promise<number> {
  const [row] = await t.db
    .insert(customers)
    .values({ corpId: corp.id, name, nameKey: name, ownerId: owner.id, ownedAt: new Date() })
    .$returningId();
  return row!.id;
}

/** Approves every pending step of a document's approval with the users given, in order. */
export async function approveDoc(t: TestServer, corp: TestCorp, docType: string, docId: string | number, approvers: TestUser[] = [corp.users.manager!, corp.users.finance!]) {
  const [inst] = await t.db
    .select()
    .from(approvalInstances)
    .where(and(eq(approvalInstances.corpId, corp.id), eq(approvalInstances.docType, docType), eq(approvalInstances.docId, Number(docId))))
    .orderBy(desc(approvalInstances.id))
    .limit(1);
  expect(inst, `approval of ${docType} ${docId}`).toBeTruthy();
  for (const u of approvers) {
    const res = await u.api.post(`/api/approvals/${inst!.id}/actions/approve`, { comment: '同意' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  return inst!.id;
}

/** Draft contract + plan; `effective` runs it through approval. */
export async function makeContract(
  t: TestServer,
  corp: TestCorp,
  owner: TestUser,
  opts: { amount?: number; plan?: number[]; effective?: boolean; customerId?: number; signedOn?: string } = {},
) {
  const amount = opts.amount ?? 100_000_00;
  const customerId = opts.customerId ?? (await makeCustomer(t, corp, owner));
  const res = await owner.api.post('/api/contracts', { customerId: String(customerId), title: '年度服务合同', signedOn: opts.signedOn ?? '2026-11-01', amount });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const id = res.body.id as string;
  const plan = opts.plan ?? [amount];
  const p = await owner.api.request('PUT', `/api/contracts/${id}/payment-plan`, {
    instalments: plan.map((a, i) => ({ period: i + 1, dueOn: `2026-${String(12 + i > 12 ? 1 : 12).padStart(2, '0')}-${String(10 + i).padStart(2, '0')}`.replace('2026-01', '2027-01'), amount: a })),
  });
  expect(p.status, JSON.stringify(p.body)).toBe(200);
  if (opts.effective !== false) {
    const s = await owner.api.post(`/api/contracts/${id}/actions/submit`, {});
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    const leader = owner === corp.users.rep9 ? corp.users.manager2! : corp.users.manager!;
    await approveDoc(t, corp, 'contract', id, [leader, corp.users.finance!]);
  }
  const c = await owner.api.get(`/api/contracts/${id}`);
  return { id, customerId, contract: c.body };
}

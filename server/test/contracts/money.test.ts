import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { customers } from '../../src/db/schema/index';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';
import { approveDoc, makeContract, makeCustomer } from './fixtures';

let t: TestServer;
let corp: TestCorp;
beforeAll(async () => {
  t = await startTestServer();
  t.clock.set('2026-11-27T10:00:00+08:00');
  corp = await makeCorp(t);
});
afterAll(async () => t.close());

describe('contracts', () => {
  it('numbers contracts per corp and year, HT-2026-000001 upwards', async () => {
    const rep = corp.users.rep1!;
    const customerId = await makeCustomer(t, corp, rep);
    const a = await rep.api.post('/api/contracts', { customerId: String(customerId), title: 'A', signedOn: '2026-11-01', amount: 100 });
    const b = await rep.api.post('/api/contracts', { customerId: String(customerId), title: 'B', signedOn: '2026-11-01', amount: 100 });
    expect(a.body.number).toMatch(/^HT-2026-\d{6}$/);
    expect(Number(b.body.number.slice(-6))).toBe(Number(a.body.number.slice(-6)) + 1);
    expect(a.body.status).toBe('draft');
  });

  it('computes the amount from lines exactly in fen and refuses a mismatching amount', async () => {
    const rep = corp.users.rep1!;
    const customerId = String(await makeCustomer(t, corp, rep));
    const lines = [
      { name: '软件许可', quantity: 3, unitPrice: 333_33, discount: 1 },
      { name: '实施服务', quantity: 1.5, unitPrice: 1_000_01 },
    ];
    const ok = await rep.api.post('/api/contracts', { customerId, title: 'L', signedOn: '2026-11-01', lines });
    expect(ok.status).toBe(201);
    // 3 × 333.33 − 0.01 = 999.98; 1.5 × 1000.01 = 1500.015 → 1500.02 (half up)
    expect(ok.body.amount).toBe(99_998 + 150_002);
    const bad = await rep.api.post('/api/contracts', { customerId, title: 'L', signedOn: '2026-11-01', lines, amount: 1 });
    expect(bad.status).toBe(409);
    expect(bad.body.error.code).toBe('amount_lines_mismatch');
  });

  it('refuses a payment plan whose instalments do not sum to the contract amount', async () => {
    const rep = corp.users.rep1!;
    const customerId = String(await makeCustomer(t, corp, rep));
    const c = await rep.api.post('/api/contracts', { customerId, title: 'P', signedOn: '2026-11-01', amount: 10_000 });
    const res = await rep.api.request('PUT', `/api/contracts/${c.body.id}/payment-plan`, {
      instalments: [
        { period: 1, dueOn: '2026-12-01', amount: 5_000 },
        { period: 2, dueOn: '2027-01-01', amount: 4_999 },
      ],
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('plan_sum_mismatch');
  });

  it('a contract in approval cannot take receipts; once approved it can', async () => {
    const rep = corp.users.rep1!;
    const { id } = await makeContract(t, corp, rep, { amount: 10_000, effective: false });
    await rep.api.post(`/api/contracts/${id}/actions/submit`, {});
    const refused = await rep.api.post('/api/receipts', { contractId: id, amount: 100, receivedOn: '2026-11-27' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('contract_in_approval');
    await approveDoc(t, corp, 'contract', id);
    const c = await rep.api.get(`/api/contracts/${id}`);
    expect(c.body.status).toBe('effective');
    const ok = await rep.api.post('/api/receipts', { contractId: id, amount: 100, receivedOn: '2026-11-27' });
    expect(ok.status).toBe(201);
    expect(ok.body.number).toMatch(/^SK-2026-\d{6}$/);
  });

  it('a draft contract cannot take receipts', async () => {
    const rep = corp.users.rep1!;
    const { id } = await makeContract(t, corp, rep, { amount: 10_000, effective: false });
    const res = await rep.api.post('/api/receipts', { contractId: id, amount: 100, receivedOn: '2026-11-27' });
    expect(res.body.error.code).toBe('contract_not_effective');
  });
});

describe('receipts and allocation', () => {
  it('partial receipts move instalments pending → partial → done and roll up to contract and customer', async () => {
    const rep = corp.users.rep2!;
    const { id, customerId, contract } = await makeContract(t, corp, rep, { amount: 100_000_01, plan: [30_000_00, 70_000_01] });
    const [i1, i2] = contract.instalments;
    const r1 = await rep.api.post('/api/receipts', { contractId: id, amount: 10_000_00, receivedOn: '2026-11-27', allocations: [{ instalmentId: i1.id, amount: 10_000_00 }] });
    expect(r1.status).toBe(201);
    let c = (await rep.api.get(`/api/contracts/${id}`)).body;
    expect(c.instalments[0]).toMatchObject({ status: 'partial', receivedAmount: 10_000_00, outstanding: 20_000_00 });
    // auto-allocation fills the earliest periods first
    const r2 = await rep.api.post('/api/receipts', { contractId: id, amount: 20_000_01, receivedOn: '2026-11-27' });
    expect(r2.body.allocations).toEqual([
      { instalmentId: i1.id, amount: 20_000_00 },
      { instalmentId: i2.id, amount: 1 },
    ]);
    c = (await rep.api.get(`/api/contracts/${id}`)).body;
    expect(c.instalments.map((i: any) => i.status)).toEqual(['done', 'partial']);
    expect(c.receivedAmount).toBe(30_000_01);
    const [cust] = await t.db.select().from(customers).where(eq(customers.id, customerId));
    expect(cust!.contractTotal).toBe(100_000_01);
    expect(cust!.receivedAmount).toBe(30_000_01);
  });

  it('over-allocation of an instalment is refused with 409 and changes nothing', async () => {
    const rep = corp.users.rep2!;
    const { id, contract } = await makeContract(t, corp, rep, { amount: 1_000, plan: [400, 600] });
    const [i1] = contract.instalments;
    const res = await rep.api.post('/api/receipts', { contractId: id, amount: 401, receivedOn: '2026-11-27', allocations: [{ instalmentId: i1.id, amount: 401 }] });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('allocation_exceeds_due');
    expect(res.body.error.details).toEqual({ instalmentId: i1.id, outstanding: 400 });
    const more = await rep.api.post('/api/receipts', { contractId: id, amount: 1_001, receivedOn: '2026-11-27' });
    expect(more.body.error.code).toBe('receipt_exceeds_due');
    const mismatch = await rep.api.post('/api/receipts', { contractId: id, amount: 300, receivedOn: '2026-11-27', allocations: [{ instalmentId: i1.id, amount: 200 }] });
    expect(mismatch.body.error.code).toBe('allocation_sum_mismatch');
    const c = (await rep.api.get(`/api/contracts/${id}`)).body;
    expect(c.receivedAmount).toBe(0);
  });

  it('concurrent receipts against the same instalment: only what is due is accepted', async () => {
    const rep = corp.users.rep2!;
    const { id, contract } = await makeContract(t, corp, rep, { amount: 1_000, plan: [1_000] });
    const inst = contract.instalments[0].id;
    const results = await Promise.all(
      Array.from({ length: 6 }, () => rep.api.post('/api/receipts', { contractId: id, amount: 300, receivedOn: '2026-11-27', allocations: [{ instalmentId: inst, amount: 300 }] })),
    );
    const ok = results.filter((r) => r.status === 201);
    expect(ok).toHaveLength(3);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'allocation_exceeds_due')).toBe(true);
    const c = (await rep.api.get(`/api/contracts/${id}`)).body;
    expect(c.instalments[0]).toMatchObject({ receivedAmount: 900, outstanding: 100, status: 'partial' });
    expect(c.receivedAmount).toBe(900);
  });

  it('a rep cannot see or pay another rep’s contract; the manager and finance can', async () => {
    const { id } = await makeContract(t, corp, corp.users.rep1!, { amount: 500 });
    expect((await corp.users.rep2!.api.get(`/api/contracts/${id}`)).status).toBe(404);
    expect((await corp.users.rep9!.api.post('/api/receipts', { contractId: id, amount: 1, receivedOn: '2026-11-27' })).status).toBe(404);
    expect((await corp.users.manager2!.api.get(`/api/contracts/${id}`)).status).toBe(404);
    expect((await corp.users.manager!.api.get(`/api/contracts/${id}`)).status).toBe(200);
    const fin = await corp.users.finance!.api.post('/api/receipts', { contractId: id, amount: 500, receivedOn: '2026-11-27' });
    expect(fin.status).toBe(201);
    expect(fin.body.ownerId).toBe(String(corp.users.rep1!.id));
    const mine = await corp.users.rep2!.api.get('/api/contracts?scope=all&limit=100');
    expect(mine.body.items.some((c: any) => c.id === id)).toBe(false);
  });
});

describe('overdue', () => {
  it('marks instalments past due as overdue and reminds the owner once', async () => {
    const rep = corp.users.rep3!;
    const { id } = await makeContract(t, corp, rep, { amount: 1_000, plan: [400, 600] });
    const { markOverdueInstalments } = await import('../../src/modules/receipts/overdue');
    const { wecomOutbox } = await import('../../src/db/schema/index');
    const later = new Date('2026-12-11T09:00:00+08:00');
    await t.db.transaction((tx) => markOverdueInstalments(tx, later));
    await t.db.transaction((tx) => markOverdueInstalments(tx, later));
    const c = (await rep.api.get(`/api/contracts/${id}`)).body;
    expect(c.instalments.map((i: any) => i.status)).toEqual(['overdue', 'pending']);
    const msgs = await t.db.select().from(wecomOutbox).where(eq(wecomOutbox.dedupeKey, `instalment-overdue:${c.instalments[0].id}`));
    expect(msgs).toHaveLength(1);
    expect(msgs[0]!.toUsers).toEqual([rep.wecomUserId]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCorp, startTestServer, type TestCorp, type TestServer, type TestUser } from '../harness';
import { approveDoc, makeCustomer } from './fixtures';

let t: TestServer;
let corp: TestCorp;

/** An effective contract with instalments due on the given dates (amounts in fen). */
async function contractWithPlan(owner: TestUser, plan: { dueOn: string; amount: number }[], customerName?: string) {
  const customerId = await makeCustomer(t, corp, owner, customerName);
  const amount = plan.reduce((s, p) => s + p.amount, 0);
  const c = await owner.api.post('/api/contracts', { customerId: String(customerId), title: '维保合同', signedOn: '2026-10-01', amount });
  expect(c.status, JSON.stringify(c.body)).toBe(201);
  const p = await owner.api.request('PUT', `/api/contracts/${c.body.id}/payment-plan`, { instalments: plan.map((x, i) => ({ period: i + 1, ...x })) });
  expect(p.status, JSON.stringify(p.body)).toBe(200);
  await owner.api.post(`/api/contracts/${c.body.id}/actions/submit`, {});
  const leader = owner === corp.users.rep9 ? corp.users.manager2! : corp.users.manager!;
  await approveDoc(t, corp, 'contract', c.body.id, [leader, corp.users.finance!]);
  return { id: c.body.id as string, customerId: String(customerId), instalments: p.body.instalments as { id: string }[] };
}

let rep1A: Awaited<ReturnType<typeof contractWithPlan>>;
let rep9B: Awaited<ReturnType<typeof contractWithPlan>>;

beforeAll(async () => {
  t = await startTestServer();
  t.clock.set('2026-11-27T10:00:00+08:00');
  corp = await makeCorp(t);
  // rep1: period 1 overdue (17 days), period 2 due later, period 3 due later and paid in part
  rep1A = await contractWithPlan(
    corp.users.rep1!,
    [
      { dueOn: '2026-11-10', amount: 30_000 },
      { dueOn: '2026-12-10', amount: 30_000 },
      { dueOn: '2027-01-10', amount: 40_000 },
    ],
    '甲公司',
  );
  // rep9 (another department): overdue 26 days
  rep9B = await contractWithPlan(corp.users.rep9!, [{ dueOn: '2026-11-01', amount: 50_000 }], '乙公司');
  const r = await corp.users.rep1!.api.post('/api/receipts', {
    contractId: rep1A.id,
    amount: 10_000,
    receivedOn: '2026-11-27',
    allocations: [{ instalmentId: rep1A.instalments[2]!.id, amount: 10_000 }],
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
});
afterAll(async () => t.close());

describe('instalment list (GET /api/instalments)', () => {
  it('a rep sees their own overdue instalments with the contract, customer, owner and days overdue', async () => {
    const res = await corp.users.rep1!.api.get('/api/instalments?status=overdue');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({
      id: rep1A.instalments[0]!.id,
      contractId: rep1A.id,
      contractTitle: '维保合同',
      customerId: rep1A.customerId,
      customerName: '甲公司',
      ownerId: String(corp.users.rep1!.id),
      ownerName: '用户rep1',
      dueDate: '2026-11-10',
      amount: 30_000,
      received: 0,
      outstanding: 30_000,
      status: 'overdue',
      daysOverdue: 17,
    });
    expect(res.body.items[0].contractNo).toMatch(/^HT-2026-\d{6}$/);
    expect(res.body.nextCursor).toBeNull();
  });

  it('a rep never sees another department’s instalments; their leader sees the team’s', async () => {
    const rep1All = await corp.users.rep1!.api.get('/api/instalments?scope=all&status=overdue');
    expect(rep1All.body.items.map((x: any) => x.contractId)).toEqual([rep1A.id]);
    const team = await corp.users.manager!.api.get('/api/instalments?scope=team&status=overdue');
    expect(team.body.items.map((x: any) => x.contractId)).toEqual([rep1A.id]);
    const rep9 = await corp.users.rep9!.api.get(`/api/instalments?scope=all&contractId=${rep1A.id}`);
    expect(rep9.body.items).toEqual([]);
  });

  it('finance sees every overdue instalment of the corp, most overdue first', async () => {
    const res = await corp.users.finance!.api.get('/api/instalments?scope=all&status=overdue');
    expect(res.status).toBe(200);
    expect(res.body.items.map((x: any) => [x.contractId, x.daysOverdue])).toEqual([
      [rep9B.id, 26],
      [rep1A.id, 17],
    ]);
  });

  it('filters pending / partial / done from the money and today’s date', async () => {
    const rep = corp.users.rep1!;
    const pending = await rep.api.get('/api/instalments?status=pending');
    expect(pending.body.items.map((x: any) => x.dueDate)).toEqual(['2026-12-10']);
    const partial = await rep.api.get('/api/instalments?status=partial');
    expect(partial.body.items).toHaveLength(1);
    expect(partial.body.items[0]).toMatchObject({ dueDate: '2027-01-10', received: 10_000, outstanding: 30_000, status: 'partial', daysOverdue: 0 });
    const done = await rep.api.get('/api/instalments?status=done');
    expect(done.body.items).toEqual([]);
    const bad = await rep.api.get('/api/instalments?status=late');
    expect(bad.status).toBe(400);
  });

  it('pages by due date with an opaque cursor, without gaps or repeats', async () => {
    const fin = corp.users.finance!;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await fin.api.get(`/api/instalments?scope=all&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((x: any) => x.dueDate));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['2026-11-01', '2026-11-10', '2026-12-10', '2027-01-10']);
    expect((await fin.api.get('/api/instalments?cursor=bm9wZQ')).status).toBe(400);
  });

  it('is a time-travel-safe view: moving the clock makes a pending instalment overdue', async () => {
    t.clock.set('2026-12-15T10:00:00+08:00');
    try {
      const res = await corp.users.rep1!.api.get('/api/instalments?status=overdue');
      expect(res.body.items.map((x: any) => [x.dueDate, x.daysOverdue])).toEqual([
        ['2026-11-10', 35],
        ['2026-12-10', 5],
      ]);
    } finally {
      t.clock.set('2026-11-27T10:00:00+08:00');
    }
  });
});

describe('contract view extras', () => {
  it('list items and details carry the customer name and the latest approval instance id', async () => {
    const rep = corp.users.rep1!;
    const detail = await rep.api.get(`/api/contracts/${rep1A.id}`);
    expect(detail.body.customerName).toBe('甲公司');
    expect(detail.body.approvalId).toMatch(/^\d+$/);
    const approval = await rep.api.get(`/api/approvals/${detail.body.approvalId}`);
    expect(approval.status).toBe(200);
    expect(approval.body).toMatchObject({ docType: 'contract', docId: rep1A.id });
    const list = await rep.api.get(`/api/contracts?customerId=${rep1A.customerId}`);
    expect(list.body.items[0]).toMatchObject({ id: rep1A.id, customerName: '甲公司', approvalId: detail.body.approvalId });
  });

  it('a draft contract has no approval yet', async () => {
    const rep = corp.users.rep2!;
    const customerId = await makeCustomer(t, corp, rep, '丙公司');
    const c = await rep.api.post('/api/contracts', { customerId: String(customerId), title: '草稿', signedOn: '2026-11-01', amount: 100 });
    expect(c.body).toMatchObject({ customerName: '丙公司', approvalId: null });
  });
});

describe('shipments by contract', () => {
  it('GET /api/shipments?contractId= lists only that contract’s shipments', async () => {
    const rep = corp.users.rep3!;
    const ids: string[] = [];
    for (const name of ['设备甲', '设备乙']) {
      const customerId = await makeCustomer(t, corp, rep);
      const c = await rep.api.post('/api/contracts', { customerId: String(customerId), title: name, signedOn: '2026-11-01', lines: [{ name, quantity: 2, unitPrice: 1_000 }] });
      await rep.api.request('PUT', `/api/contracts/${c.body.id}/payment-plan`, { instalments: [{ period: 1, dueOn: '2026-12-31', amount: 2_000 }] });
      await rep.api.post(`/api/contracts/${c.body.id}/actions/submit`, {});
      await approveDoc(t, corp, 'contract', c.body.id);
      const order = await rep.api.post('/api/orders', { contractId: c.body.id, orderedOn: '2026-11-27' });
      const sh = await rep.api.post('/api/shipments', { orderId: order.body.id, shippedOn: '2026-11-27', lines: [{ orderLineId: order.body.lines[0].id, quantity: 1 }] });
      expect(sh.status, JSON.stringify(sh.body)).toBe(201);
      ids.push(c.body.id);
    }
    const res = await rep.api.get(`/api/shipments?contractId=${ids[0]}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0].contractId).toBe(ids[0]);
    const other = await corp.users.rep9!.api.get(`/api/shipments?scope=all&contractId=${ids[0]}`);
    expect(other.body.items).toEqual([]);
  });
});

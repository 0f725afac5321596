import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';
import { makeContract, makeCustomer } from './fixtures';

let t: TestServer;
let corp: TestCorp;
beforeAll(async () => {
  t = await startTestServer();
  t.clock.set('2026-11-27T10:00:00+08:00');
  corp = await makeCorp(t);
});
afterAll(async () => t.close());

describe('receivables (应收单)', () => {
  it('a manual receivable is numbered, listed in scope and hidden (404) from another department', async () => {
    const rep = corp.users.rep1!;
    const customerId = String(await makeCustomer(t, corp, rep, '应收客户甲'));
    const res = await rep.api.post('/api/receivables', { customerId, amount: 50_000, dueOn: '2026-12-31', remark: '服务费' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      customerId,
      customerName: '应收客户甲',
      ownerId: String(rep.id),
      sourceType: 'manual',
      amount: 50_000,
      adjustedAmount: 0,
      receivedAmount: 0,
      outstanding: 50_000,
      status: 'open',
      origin: 'crm',
      changes: [],
    });
    expect(res.body.number).toMatch(/^YS-2026-\d{6}$/);
    const mine = await rep.api.get(`/api/receivables?customerId=${customerId}`);
    expect(mine.body.items.map((r: any) => r.id)).toEqual([res.body.id]);
    expect((await corp.users.manager!.api.get(`/api/receivables/${res.body.id}`)).status).toBe(200);
    expect((await corp.users.finance!.api.get(`/api/receivables/${res.body.id}`)).status).toBe(200);
    expect((await corp.users.rep9!.api.get(`/api/receivables/${res.body.id}`)).status).toBe(404);
    expect((await corp.users.rep9!.api.post(`/api/receivables/${res.body.id}/settlements`, { amount: 1 })).status).toBe(404);
    const other = await corp.users.rep9!.api.get('/api/receivables?scope=all');
    expect(other.body.items.map((r: any) => r.id)).not.toContain(res.body.id);
  });

  it('a receivable for a contract must be that customer’s and is credited to the contract owner', async () => {
    const rep = corp.users.rep2!;
    const { id, customerId } = await makeContract(t, corp, rep, { amount: 10_000 });
    const otherCustomer = String(await makeCustomer(t, corp, rep));
    const wrong = await rep.api.post('/api/receivables', { customerId: otherCustomer, contractId: id, amount: 100, dueOn: '2026-12-31' });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error.code).toBe('contract_not_of_customer');
    const ok = await rep.api.post('/api/receivables', { customerId: String(customerId), contractId: id, amount: 100, dueOn: '2026-12-31' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ contractId: id, ownerId: String(rep.id) });
  });

  it('changes adjust what is owed but never below what was received; settlements never exceed it and settle it', async () => {
    const rep = corp.users.rep1!;
    const customerId = String(await makeCustomer(t, corp, rep));
    const r = (await rep.api.post('/api/receivables', { customerId, amount: 10_000, dueOn: '2026-12-31' })).body;
    const paid = await rep.api.post(`/api/receivables/${r.id}/settlements`, { amount: 4_000 });
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ receivedAmount: 4_000, outstanding: 6_000, status: 'open' });
    const tooLow = await rep.api.post(`/api/receivables/${r.id}/changes`, { delta: -6_001, reason: '折让' });
    expect(tooLow.status).toBe(409);
    expect(tooLow.body.error.code).toBe('receivable_below_received');
    const zero = await rep.api.post(`/api/receivables/${r.id}/changes`, { delta: 0, reason: '无' });
    expect(zero.status).toBe(400);
    const cut = await rep.api.post(`/api/receivables/${r.id}/changes`, { delta: -1_000, reason: '折让' });
    expect(cut.status).toBe(201);
    expect(cut.body).toMatchObject({ adjustedAmount: -1_000, outstanding: 5_000 });
    expect(cut.body.changes).toHaveLength(1);
    expect(cut.body.changes[0]).toMatchObject({ delta: -1_000, reason: '折让' });
    expect(cut.body.changes[0].number).toMatch(/^YSBG-2026-\d{6}$/);
    const over = await rep.api.post(`/api/receivables/${r.id}/settlements`, { amount: 5_001 });
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe('settlement_exceeds_outstanding');
    const rest = await rep.api.post(`/api/receivables/${r.id}/settlements`, { amount: 5_000 });
    expect(rest.body).toMatchObject({ receivedAmount: 9_000, outstanding: 0, status: 'settled' });
    const again = await rep.api.post(`/api/receivables/${r.id}/settlements`, { amount: 1 });
    expect(again.body.error.code).toBe('receivable_settled');
    const settled = await rep.api.get(`/api/receivables?customerId=${customerId}&status=settled`);
    expect(settled.body.items.map((x: any) => x.id)).toEqual([r.id]);
    const open = await rep.api.get(`/api/receivables?customerId=${customerId}&status=open`);
    expect(open.body.items).toEqual([]);
  });

  it('a shipment of an order without a contract shows up as a receivable from the shipment', async () => {
    const rep = corp.users.rep3!;
    const customerId = String(await makeCustomer(t, corp, rep));
    const order = await rep.api.post('/api/orders', { customerId, orderedOn: '2026-11-27', lines: [{ name: '耗材', quantity: 2, unitPrice: 1_500 }] });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    const sh = await rep.api.post('/api/shipments', { orderId: order.body.id, shippedOn: '2026-11-27', lines: [{ orderLineId: order.body.lines[0].id, quantity: 2 }] });
    expect(sh.status, JSON.stringify(sh.body)).toBe(201);
    const list = await rep.api.get(`/api/receivables?customerId=${customerId}`);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ sourceType: 'shipment', sourceId: sh.body.id, orderId: order.body.id, amount: 3_000, outstanding: 3_000 });
  });
});

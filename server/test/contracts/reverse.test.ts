import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { customers } from '../../src/db/schema/index';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';
import { approveDoc, makeContract } from './fixtures';

let t: TestServer;
let corp: TestCorp;
beforeAll(async () => {
  t = await startTestServer();
  t.clock.set('2026-11-27T10:00:00+08:00');
  corp = await makeCorp(t);
});
afterAll(async () => t.close());

describe('reverse documents', () => {
  it('a refund takes money back off the latest instalments, the contract and the customer', async () => {
    const rep = corp.users.rep1!;
    const { id, customerId } = await makeContract(t, corp, rep, { amount: 1_000, plan: [400, 600] });
    const r = await rep.api.post('/api/receipts', { contractId: id, amount: 700, receivedOn: '2026-11-27' });
    const refund = await rep.api.post(`/api/receipts/${r.body.id}/refunds`, { amount: 350, refundedOn: '2026-11-28', reason: '客户多付' });
    expect(refund.status).toBe(201);
    expect(refund.body.number).toMatch(/^TK-2026-/);
    const c = (await rep.api.get(`/api/contracts/${id}`)).body;
    expect(c.instalments.map((i: any) => i.receivedAmount)).toEqual([350, 0]);
    expect(c.instalments.map((i: any) => i.status)).toEqual(['partial', 'pending']);
    expect(c).toMatchObject({ receivedAmount: 350, refundedAmount: 350 });
    const over = await rep.api.post(`/api/receipts/${r.body.id}/refunds`, { amount: 351, refundedOn: '2026-11-28', reason: '再退' });
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe('refund_exceeds_receipt');
    const [cust] = await t.db.select().from(customers).where(eq(customers.id, customerId));
    expect(cust!.receivedAmount).toBe(350);
    // the refunded money is due again
    const again = await rep.api.post('/api/receipts', { contractId: id, amount: 650, receivedOn: '2026-11-29' });
    expect(again.status).toBe(201);
  });

  it('a contract change is applied only when approved, with a before/after snapshot and a rebalanced plan', async () => {
    const rep = corp.users.rep1!;
    const { id, contract } = await makeContract(t, corp, rep, { amount: 1_000, plan: [400, 600] });
    await rep.api.post('/api/receipts', { contractId: id, amount: 500, receivedOn: '2026-11-27' });
    const [i1, i2] = contract.instalments;
    const noPlan = await rep.api.post(`/api/contracts/${id}/changes`, { reason: '增购', amount: 1_500 });
    expect(noPlan.body.error.code).toBe('plan_required_for_amount_change');
    const tooLow = await rep.api.post(`/api/contracts/${id}/changes`, {
      reason: '减项',
      amount: 450,
      instalments: [{ id: i1.id, period: 1, dueOn: '2026-12-10', amount: 450 }],
    });
    expect(tooLow.body.error.code).toBe('amount_below_received');
    const ch = await rep.api.post(`/api/contracts/${id}/changes`, {
      reason: '增购',
      amount: 1_500,
      instalments: [
        { id: i1.id, period: 1, dueOn: '2026-12-10', amount: 400 },
        { id: i2.id, period: 2, dueOn: '2027-01-11', amount: 600 },
        { period: 3, dueOn: '2027-02-10', amount: 500 },
      ],
    });
    expect(ch.status).toBe(201);
    expect(ch.body).toMatchObject({ status: 'pending', before: { amount: 1_000 }, after: { amount: 1_500 } });
    expect((await rep.api.get(`/api/contracts/${id}`)).body.amount).toBe(1_000);
    await approveDoc(t, corp, 'contract_change', ch.body.id);
    const c = (await rep.api.get(`/api/contracts/${id}`)).body;
    expect(c).toMatchObject({ amount: 1_500, version: 2, receivedAmount: 500 });
    expect(c.instalments.map((i: any) => [i.amount, i.receivedAmount])).toEqual([[400, 400], [600, 100], [500, 0]]);
    const changes = (await rep.api.get(`/api/contracts/${id}/changes`)).body.items;
    expect(changes[0]).toMatchObject({ kind: 'contract', status: 'approved' });
  });

  it('a plan change keeps the sum and never drops an instalment with money on it', async () => {
    const rep = corp.users.rep2!;
    const { id, contract } = await makeContract(t, corp, rep, { amount: 1_000, plan: [400, 600] });
    const [i1, i2] = contract.instalments;
    await rep.api.post('/api/receipts', { contractId: id, amount: 100, receivedOn: '2026-11-27' });
    const drop = await rep.api.post(`/api/contracts/${id}/plan-changes`, { reason: '调整', instalments: [{ id: i2.id, period: 1, dueOn: '2026-12-10', amount: 1_000 }] });
    expect(drop.body.error.code).toBe('instalment_has_receipts');
    const bad = await rep.api.post(`/api/contracts/${id}/plan-changes`, { reason: '调整', instalments: [{ id: i1.id, period: 1, dueOn: '2026-12-10', amount: 999 }] });
    expect(bad.body.error.code).toBe('plan_sum_mismatch');
    const ok = await rep.api.post(`/api/contracts/${id}/plan-changes`, {
      reason: '客户申请分三期',
      instalments: [
        { id: i1.id, period: 1, dueOn: '2026-12-10', amount: 200 },
        { id: i2.id, period: 2, dueOn: '2027-01-10', amount: 300 },
        { period: 3, dueOn: '2027-02-10', amount: 500 },
      ],
    });
    expect(ok.status).toBe(201);
    expect(ok.body.number).toMatch(/^HKBG-2026-/);
    const c = (await rep.api.get(`/api/contracts/${id}`)).body;
    expect(c.instalments.map((i: any) => i.amount)).toEqual([200, 300, 500]);
  });

  it('invoices never exceed the invoiceable amount; a red-letter invoice restores it', async () => {
    const rep = corp.users.rep2!;
    const { id } = await makeContract(t, corp, rep, { amount: 11_300 });
    const inv = await rep.api.post('/api/invoices', { contractId: id, issuedOn: '2026-11-27', title: '某某公司', lines: [{ name: '服务费', amount: 11_300, taxRateBp: 1300 }] });
    expect(inv.status).toBe(201);
    expect(inv.body).toMatchObject({ amount: 11_300, taxAmount: 1_300 });
    const over = await rep.api.post('/api/invoices', { contractId: id, issuedOn: '2026-11-27', title: '某某公司', lines: [{ name: '服务费', amount: 1 }] });
    expect(over.body.error.code).toBe('over_invoicing');
    const red = await rep.api.post(`/api/invoices/${inv.body.id}/red`, { amount: 5_650, issuedOn: '2026-11-28', reason: '开票有误' });
    expect(red.status).toBe(201);
    expect(red.body).toMatchObject({ kind: 'red', amount: 5_650, taxAmount: 650, originalId: inv.body.id });
    expect((await rep.api.get(`/api/contracts/${id}`)).body.invoicedAmount).toBe(5_650);
    const tooMuchRed = await rep.api.post(`/api/invoices/${inv.body.id}/red`, { amount: 5_651, issuedOn: '2026-11-28', reason: '再冲' });
    expect(tooMuchRed.body.error.code).toBe('red_exceeds_invoice');
    const again = await rep.api.post('/api/invoices', { contractId: id, issuedOn: '2026-11-28', title: '某某公司', lines: [{ name: '服务费', amount: 5_650 }] });
    expect(again.status).toBe(201);
  });

  it('shipments never over-ship; a return restores the shippable quantity, the totals and the assets', async () => {
    const rep = corp.users.rep3!;
    const customerId = (await makeContract(t, corp, rep, { amount: 100, effective: false })).customerId;
    const c = await rep.api.post('/api/contracts', {
      customerId: String(customerId),
      title: '设备合同',
      signedOn: '2026-11-01',
      lines: [{ name: '设备', quantity: 3, unitPrice: 1_000_00 }],
    });
    await rep.api.request('PUT', `/api/contracts/${c.body.id}/payment-plan`, { instalments: [{ period: 1, dueOn: '2026-12-31', amount: 3_000_00 }] });
    await rep.api.post(`/api/contracts/${c.body.id}/actions/submit`, {});
    await approveDoc(t, corp, 'contract', c.body.id);
    const order = await rep.api.post('/api/orders', { contractId: c.body.id, orderedOn: '2026-11-27' });
    expect(order.status).toBe(201);
    const line = order.body.lines[0];
    const over = await rep.api.post('/api/shipments', { orderId: order.body.id, shippedOn: '2026-11-27', lines: [{ orderLineId: line.id, quantity: 4 }] });
    expect(over.body.error.code).toBe('over_shipping');
    const sh = await rep.api.post('/api/shipments', { orderId: order.body.id, shippedOn: '2026-11-27', lines: [{ orderLineId: line.id, quantity: 2, serialNumbers: ['SN-A1', 'SN-A2'] }] });
    expect(sh.status).toBe(201);
    expect(sh.body.amount).toBe(2_000_00);
    expect((await rep.api.get(`/api/contracts/${c.body.id}`)).body.shippedAmount).toBe(2_000_00);
    const assets = (await rep.api.get(`/api/assets?customerId=${customerId}`)).body.items;
    expect(assets.map((a: any) => a.serialNo).sort()).toEqual(['SN-A1', 'SN-A2']);
    expect(assets[0].warrantyEndOn).toBe('2027-11-27');
    const ret = await rep.api.post(`/api/shipments/${sh.body.id}/returns`, { returnedOn: '2026-11-28', reason: '损坏', lines: [{ shipmentLineId: sh.body.lines[0].id, quantity: 1, serialNumbers: ['SN-A1'] }] });
    expect(ret.status).toBe(201);
    expect((await rep.api.get(`/api/contracts/${c.body.id}`)).body.shippedAmount).toBe(1_000_00);
    const o = (await rep.api.get(`/api/orders/${order.body.id}`)).body;
    expect(o.lines[0].shippedQuantity).toBe(1);
    const after = (await rep.api.get(`/api/assets?customerId=${customerId}&status=in_service`)).body.items;
    expect(after.map((a: any) => a.serialNo)).toEqual(['SN-A2']);
    const two = await rep.api.post('/api/shipments', { orderId: order.body.id, shippedOn: '2026-11-29', lines: [{ orderLineId: line.id, quantity: 2 }] });
    expect(two.status).toBe(201);
  });
});

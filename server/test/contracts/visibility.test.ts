import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { corps, customers } from '../../src/db/schema/index';
import { startApproval } from '../../src/modules/approvals/service';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';
import { makeContract, makeCustomer } from './fixtures';

/** The money-document rules of docs/CONVENTIONS.md ("Visibility — money documents and approvals"). */
let t: TestServer;
let corp: TestCorp;
const u = (k: string) => corp.users[k]!;
beforeAll(async () => {
  t = await startTestServer();
  t.clock.set('2026-11-27T10:00:00+08:00');
  corp = await makeCorp(t);
});
afterAll(async () => t.close());

describe('money documents follow their customer', () => {
  it('a contract of a pool customer is seen by finance and "all" scopes only, not by its former owner nor the pool range', async () => {
    const { id, customerId } = await makeContract(t, corp, u('rep1'), { effective: true });
    const receipt = await u('rep1').api.post('/api/receipts', { contractId: id, amount: 100, receivedOn: '2026-11-27' });
    expect(receipt.status, JSON.stringify(receipt.body)).toBe(201);
    const pool = await u('admin').api.post('/api/pools', { entityType: 'customer', name: `公海-${Date.now() % 100000}` });
    expect(pool.status, JSON.stringify(pool.body)).toBe(201);
    await t.db.update(customers).set({ ownerId: null, poolId: Number(pool.body.id) }).where(eq(customers.id, customerId));

    // The pool range (everyone: no departments) sees the customer, but not its money.
    expect((await u('rep2').api.get(`/api/customers/${customerId}`)).status).toBe(200);
    for (const k of ['rep1', 'rep2', 'manager']) {
      expect((await u(k).api.get(`/api/contracts/${id}`)).status, k).toBe(404);
      expect((await u(k).api.get(`/api/receipts/${receipt.body.id}`)).status, k).toBe(404);
      const list = await u(k).api.get('/api/contracts?scope=all');
      expect(list.body.items.map((c: { id: string }) => c.id), k).not.toContain(id);
    }
    expect((await u('finance').api.get(`/api/contracts/${id}`)).status).toBe(200);
    expect((await u('admin').api.get(`/api/contracts/${id}`)).status).toBe(200);
    // No new money document for a pool customer below the "all" scope.
    const create = await u('rep2').api.post('/api/contracts', { customerId: String(customerId), title: '公海客户合同', signedOn: '2026-11-01', amount: 100 });
    expect(create.status).toBe(404);
  });

  it('a read-only collaborator sees the customer’s contract but cannot create a receipt; an edit collaborator can', async () => {
    const { id, customerId } = await makeContract(t, corp, u('rep1'), { effective: true });
    const put = await u('rep1').api.request('PUT', `/api/customers/${customerId}/collaborators`, {
      collaborators: [
        { userId: String(u('rep9').id), permission: 'read' },
        { userId: String(u('rep2').id), permission: 'edit' },
      ],
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);

    expect((await u('rep9').api.get(`/api/contracts/${id}`)).status).toBe(200);
    const list = await u('rep9').api.get('/api/contracts?scope=all');
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(id);
    const denied = await u('rep9').api.post('/api/receipts', { contractId: id, amount: 100, receivedOn: '2026-11-27' });
    expect(denied.status).toBe(403);
    expect((await u('rep9').api.request('PATCH', `/api/contracts/${id}`, { title: '改' })).status).toBe(403);

    const ok = await u('rep2').api.post('/api/receipts', { contractId: id, amount: 100, receivedOn: '2026-11-27' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    // Someone outside the customer's visibility still gets 404, never 403.
    expect((await u('manager2').api.post('/api/receipts', { contractId: id, amount: 100, receivedOn: '2026-11-27' })).status).toBe(404);
  });

  it('a read-only collaborator cannot open a contract for the customer', async () => {
    const customerId = await makeCustomer(t, corp, u('rep1'));
    await u('rep1').api.request('PUT', `/api/customers/${customerId}/collaborators`, { collaborators: [{ userId: String(u('rep9').id), permission: 'read' }] });
    const res = await u('rep9').api.post('/api/contracts', { customerId: String(customerId), title: '只读协作人', signedOn: '2026-11-01', amount: 100 });
    expect(res.status).toBe(403);
  });
});

describe('the finance rule is one rule', () => {
  it('admin sees every expense claim only as an "all"-scope role; finance always does', async () => {
    const other = await makeCorp(t);
    await t.db.update(corps).set({ settings: { allScopeRoles: ['manager'] } as never }).where(eq(corps.id, other.id));
    const cats = await other.users.rep9!.api.get('/api/expense-categories');
    const categoryId = cats.body.items[0].id as string;
    const claim = await other.users.rep9!.api.post('/api/expense-claims', { title: '差旅', lines: [{ spentOn: '2026-11-20', categoryId, amount: 100 }], voucherFileIds: [] });
    expect(claim.status, JSON.stringify(claim.body)).toBe(201);
    expect((await other.users.admin!.api.get(`/api/expense-claims/${claim.body.id}`)).status).toBe(404);
    expect((await other.users.finance!.api.get(`/api/expense-claims/${claim.body.id}`)).status).toBe(200);
    expect((await other.users.manager!.api.get(`/api/expense-claims/${claim.body.id}`)).status).toBe(200);
  });

  it('finance sees approvals of money documents, not a quote discount it takes no part in', async () => {
    const quote = await startApproval(t.db, t.deps, { corpId: corp.id, docType: 'quote_discount', docId: 1, applicantUserId: u('rep1').id, amount: 100, title: '报价折扣', summary: '折扣' });
    const expense = await startApproval(t.db, t.deps, { corpId: corp.id, docType: 'refund', docId: 1, applicantUserId: u('rep1').id, amount: 100, title: '退款', summary: '退款' });
    expect((await u('finance').api.get(`/api/approvals/${quote.id}`)).status).toBe(404);
    expect((await u('finance').api.get(`/api/approvals/${expense.id}`)).status).toBe(200);
    expect((await u('manager').api.get(`/api/approvals/${quote.id}`)).status).toBe(200);
  });
});

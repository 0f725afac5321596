import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';

let t: TestServer;
let corp: TestCorp;
let cats: Record<string, string>;
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f3a0d10000000049454e44ae426082', 'hex');
beforeAll(async () => {
  t = await startTestServer();
  corp = await makeCorp(t);
  const res = await u('rep1').api.get('/api/expense-categories');
  cats = Object.fromEntries(res.body.items.map((c: any) => [c.name, c.id]));
});
afterAll(async () => t.close());
const u = (k: string) => corp.users[k]!;

async function upload(who: string) {
  const res = await fetch(`${t.url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${u(who).token}`, 'content-type': 'image/png' }, body: PNG });
  return (await res.json()) as { id: string };
}
async function claim(who: string, lines: [string, number][], vouchers: string[] = []) {
  const res = await u(who).api.post('/api/expense-claims', {
    title: `${who} 报销`,
    lines: lines.map(([cat, amount]) => ({ spentOn: '2026-11-20', categoryId: cats[cat], amount, description: cat })),
    voucherFileIds: vouchers,
  });
  expect(res.status).toBe(201);
  return res.body;
}
async function approvedClaim(who: string, lines: [string, number][]) {
  const c = await claim(who, lines);
  const s = await u(who).api.post(`/api/expense-claims/${c.id}/submit`);
  expect(s.body.status).toBe('pending');
  const a = await u('manager').api.post(`/api/approvals/${s.body.approvalInstanceId}/actions/approve`, {});
  expect(a.status).toBe(200);
  return (await u(who).api.get(`/api/expense-claims/${c.id}`)).body;
}

describe('claims', () => {
  it('a claim with lines and a voucher goes draft → pending → approved; locked while pending', async () => {
    const file = await upload('rep1');
    const c = await claim('rep1', [['差旅', 12345], ['住宿', 30000]], [file.id]);
    expect(c.total.amount).toBe(42345);
    expect(c.vouchers.map((v: any) => v.id)).toEqual([file.id]);
    const s = await u('rep1').api.post(`/api/expense-claims/${c.id}/submit`);
    expect(s.body.status).toBe('pending');
    const edit = await u('rep1').api.patch(`/api/expense-claims/${c.id}`, { title: 'x', lines: [{ spentOn: '2026-11-20', categoryId: cats['差旅'], amount: 1 }] });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('claim_locked');
    const todo = await u('manager').api.get('/api/approvals?box=todo&docType=expense');
    expect(todo.body.items.map((i: any) => i.docId)).toContain(c.id);
    await u('manager').api.post(`/api/approvals/${s.body.approvalInstanceId}/actions/approve`, {});
    expect((await u('rep1').api.get(`/api/expense-claims/${c.id}`)).body.status).toBe('approved');
    // the approver can open the voucher; another rep cannot
    expect((await u('manager').api.get(`/api/files/${file.id}`)).status).toBe(200);
    expect((await u('rep2').api.get(`/api/files/${file.id}`)).status).toBe(404);
    expect((await u('finance').api.get(`/api/files/${file.id}`)).status).toBe(200);
  });

  it('withdrawing puts the claim back to draft so it can be edited', async () => {
    const c = await claim('rep2', [['交通', 500]]);
    const s = await u('rep2').api.post(`/api/expense-claims/${c.id}/submit`);
    await u('rep2').api.post(`/api/approvals/${s.body.approvalInstanceId}/actions/withdraw`, {});
    expect((await u('rep2').api.get(`/api/expense-claims/${c.id}`)).body.status).toBe('draft');
    const edit = await u('rep2').api.patch(`/api/expense-claims/${c.id}`, { title: '改', lines: [{ spentOn: '2026-11-21', categoryId: cats['交通'], amount: 700 }] });
    expect(edit.status).toBe(200);
    expect(edit.body.total.amount).toBe(700);
  });

  it('a category limit for the role blocks submission with expense_over_limit', async () => {
    expect((await u('finance').api.post('/api/expense-limits', { categoryId: cats['招待'], role: 'rep', maxPerClaim: 100000 })).status).toBe(200);
    const c = await claim('rep1', [['招待', 60000], ['招待', 40001]]);
    const s = await u('rep1').api.post(`/api/expense-claims/${c.id}/submit`);
    expect(s.status).toBe(409);
    expect(s.body.error.code).toBe('expense_over_limit');
  });

  it('scope: a rep sees own claims, the leader the subtree, finance all', async () => {
    const c = await claim('rep3', [['其他', 100]]);
    const sees = async (who: string) => (await u(who).api.get('/api/expense-claims?scope=all&limit=100')).body.items.some((i: any) => i.id === c.id);
    expect(await sees('rep3')).toBe(true);
    expect(await sees('rep1')).toBe(false);
    expect(await sees('manager')).toBe(true);
    expect(await sees('manager2')).toBe(false);
    expect(await sees('finance')).toBe(true);
    expect((await u('rep1').api.get(`/api/expense-claims/${c.id}`)).status).toBe(404);
  });
});

describe('advances and reimbursement', () => {
  it('offsets advances partially and fully, to the fen', async () => {
    const a1 = await u('rep9').api.post('/api/advances', { amount: 100001, reason: '展会备用金' });
    expect(a1.status).toBe(201);
    await u('manager2').api.post(`/api/approvals/${a1.body.approvalInstanceId}/actions/approve`, {});
    const a2 = await u('rep9').api.post('/api/advances', { amount: 3333, reason: '打车备用' });
    await u('manager2').api.post(`/api/approvals/${a2.body.approvalInstanceId}/actions/approve`, {});
    const bal = async () => (await u('finance').api.get('/api/advances/balances')).body.items.find((i: any) => i.user.id === String(u('rep9').id))?.outstanding ?? 0;
    expect(await bal()).toBe(103334);

    const c = await approvedClaimAs('rep9', [['差旅', 50000], ['交通', 7777]]);
    const over = await u('finance').api.post(`/api/expense-claims/${c.id}/reimburse`, {
      reimbursedOn: '2026-11-27',
      method: 'bank_transfer',
      offsets: [{ advanceId: a2.body.id, amount: 3334 }],
    });
    expect(over.body.error.code).toBe('offset_exceeds_outstanding');
    expect((await u('rep9').api.post(`/api/expense-claims/${c.id}/reimburse`, { reimbursedOn: '2026-11-27', method: 'cash' })).status).toBe(403);
    const res = await u('finance').api.post(`/api/expense-claims/${c.id}/reimburse`, {
      reimbursedOn: '2026-11-27',
      method: 'bank_transfer',
      amount: 57777 - 3333 - 40000,
      offsets: [
        { advanceId: a2.body.id, amount: 3333 },
        { advanceId: a1.body.id, amount: 40000 },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'reimbursed', offsetAmount: 43333, paidAmount: 14444 });
    const adv1 = (await u('rep9').api.get(`/api/advances/${a1.body.id}`)).body;
    expect(adv1).toMatchObject({ status: 'approved', outstanding: 60001, offsets: [{ claimId: c.id, amount: 40000 }] });
    expect((await u('rep9').api.get(`/api/advances/${a2.body.id}`)).body).toMatchObject({ status: 'settled', outstanding: 0 });
    expect(await bal()).toBe(60001);
    const again = await u('finance').api.post(`/api/expense-claims/${c.id}/reimburse`, { reimbursedOn: '2026-11-27', method: 'cash' });
    expect(again.body.error.code).toBe('claim_not_approved');
  });

  it('totals per person count approved and reimbursed lines in the period', async () => {
    const res = await u('finance').api.get('/api/expenses/totals?groupBy=user&from=2026-11-01&to=2026-11-30');
    expect(res.status).toBe(200);
    const rep9 = res.body.items.find((i: any) => i.id === String(u('rep9').id));
    expect(rep9.amount).toBe(57777);
    const mine = await u('rep1').api.get('/api/expenses/totals?groupBy=user&from=2026-11-01&to=2026-11-30');
    expect(mine.body.items.every((i: any) => i.id === String(u('rep1').id))).toBe(true);
  });
});

async function approvedClaimAs(who: string, lines: [string, number][]) {
  const c = await claim(who, lines);
  const s = await u(who).api.post(`/api/expense-claims/${c.id}/submit`);
  const approver = who === 'rep9' ? 'manager2' : 'manager';
  await u(approver).api.post(`/api/approvals/${s.body.approvalInstanceId}/actions/approve`, {});
  return (await u(who).api.get(`/api/expense-claims/${c.id}`)).body;
}
void approvedClaim;

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';

let t: TestServer;
let corp: TestCorp;
const made: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestServer();
  corp = await makeCorp(t);
  // rep1: one approved, one pending; rep2: one pending; rep9 (销售二部): one approved.
  for (const [key, who, reason, approver] of [
    ['r1ok', 'rep1', '展会备用金', 'manager'],
    ['r1wait', 'rep1', '打车备用', null],
    ['r2wait', 'rep2', '差旅备用', null],
    ['r9ok', 'rep9', '客户招待', 'manager2'],
  ] as const) {
    const res = await u(who).api.post('/api/advances', { amount: 10000, reason });
    expect(res.status).toBe(201);
    made[key] = res.body.id;
    if (approver) expect((await u(approver).api.post(`/api/approvals/${res.body.approvalInstanceId}/actions/approve`, {})).status).toBe(200);
  }
});
afterAll(async () => t.close());
const u = (k: string) => corp.users[k]!;
const ids = async (who: string, qs: string) => {
  const res = await u(who).api.get(`/api/advances?${qs}`);
  expect(res.status).toBe(200);
  return (res.body.items as { id: string }[]).map((i) => i.id).sort();
};
const expected = (...keys: string[]) => keys.map((k) => made[k]!).sort();

describe('advance list filters', () => {
  it('finance filters everyone\'s advances by person and status', async () => {
    expect(await ids('finance', 'scope=all')).toEqual(expected('r1ok', 'r1wait', 'r2wait', 'r9ok'));
    expect(await ids('finance', `scope=all&userId=${u('rep1').id}`)).toEqual(expected('r1ok', 'r1wait'));
    expect(await ids('finance', 'scope=all&status=pending')).toEqual(expected('r1wait', 'r2wait'));
    expect(await ids('finance', `scope=all&userId=${u('rep1').id}&status=approved`)).toEqual(expected('r1ok'));
    expect(await ids('finance', 'scope=all&q=招待')).toEqual(expected('r9ok'));
  });

  it('a leader\'s filters stay inside the scope: someone outside it gives an empty list', async () => {
    expect(await ids('manager', 'scope=team&status=pending')).toEqual(expected('r1wait', 'r2wait'));
    expect(await ids('manager', `scope=all&userId=${u('rep2').id}`)).toEqual(expected('r2wait'));
    expect(await ids('manager', `scope=all&userId=${u('rep9').id}`)).toEqual([]);
    expect(await ids('rep2', `scope=all&userId=${u('rep1').id}`)).toEqual([]);
    expect(await ids('rep1', 'status=approved')).toEqual(expected('r1ok'));
  });

  it('filters page with the cursor', async () => {
    const first = await u('finance').api.get('/api/advances?scope=all&status=pending&limit=1');
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toBeTruthy();
    const second = await u('finance').api.get(`/api/advances?scope=all&status=pending&limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect([...first.body.items, ...second.body.items].map((i: any) => i.id).sort()).toEqual(expected('r1wait', 'r2wait'));
    expect(second.body.nextCursor).toBeNull();
  });

  it('a bad status or userId is a 400 with a Chinese message', async () => {
    const bad = await u('finance').api.get('/api/advances?status=nope');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].message).toBe('状态不正确');
    expect((await u('finance').api.get('/api/advances?userId=abc')).status).toBe(400);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalCounts } from '@scrm/shared';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';
import { ids, start } from './helpers';

let t: TestServer;
let corp: TestCorp;
let other: TestCorp;
beforeAll(async () => {
  t = await startTestServer();
  corp = await makeCorp(t);
  other = await makeCorp(t);
  for (const c of [corp, other]) {
    const res = await c.users.admin!.api.post('/api/approval-flows', {
      docType: 'refund',
      name: '经理审批，抄送财务',
      definition: { steps: [{ name: '经理', approvers: [{ type: 'users', userIds: ids(c, 'manager') }] }], cc: [{ type: 'role', role: 'finance' }] },
    });
    expect(res.status).toBe(201);
  }
});
afterAll(async () => t.close());

const u = (k: string) => corp.users[k]!;
const counts = async (k: string) => {
  const res = await u(k).api.get('/api/approvals/counts');
  expect(res.status).toBe(200);
  return approvalCounts.parse(res.body);
};
const listed = async (k: string, box: string) => (await u(k).api.get(`/api/approvals?box=${box}&limit=100`)).body.items.length as number;

describe('approval box counts', () => {
  it('counts are exact per box, follow actions, and match the lists', async () => {
    const a = await start(t, corp, 'rep1');
    const b = await start(t, corp, 'rep1');
    const c = await start(t, corp, 'rep2');
    await start(t, other, 'rep1'); // another corp's approval never counts
    expect(await counts('manager')).toEqual({ todo: 3, mine: 0, cc: 0, done: 0 });
    expect(await counts('rep1')).toEqual({ todo: 0, mine: 2, cc: 0, done: 0 });
    expect(await counts('finance')).toEqual({ todo: 0, mine: 0, cc: 3, done: 0 });

    expect((await u('manager').api.post(`/api/approvals/${a.id}/actions/approve`, {})).status).toBe(200);
    expect((await u('manager').api.post(`/api/approvals/${b.id}/actions/transfer`, { toUserId: String(u('manager2').id) })).status).toBe(200);
    expect(await counts('manager')).toEqual({ todo: 1, mine: 0, cc: 0, done: 2 });
    expect(await counts('manager2')).toEqual({ todo: 1, mine: 0, cc: 0, done: 0 });

    expect((await u('rep2').api.post(`/api/approvals/${c.id}/actions/withdraw`, {})).status).toBe(200);
    const m = await counts('manager');
    expect(m).toEqual({ todo: 0, mine: 0, cc: 0, done: 2 });
    for (const box of ['todo', 'mine', 'cc', 'done'] as const) {
      expect(m[box]).toBe(await listed('manager', box));
      expect((await counts('finance'))[box]).toBe(await listed('finance', box));
    }
  });

  it('counts need a session', async () => {
    expect((await t.api.get('/api/approvals/counts')).status).toBe(401);
  });
});

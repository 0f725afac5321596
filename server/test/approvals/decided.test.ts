import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';
import { ids, start } from './helpers';

let t: TestServer;
let corp: TestCorp;
beforeAll(async () => {
  t = await startTestServer();
  corp = await makeCorp(t);
  // One any-of step: the first approval completes the flow (the engine then records `complete`).
  const res = await corp.users.admin!.api.post('/api/approval-flows', {
    docType: 'refund',
    name: '单步或签',
    definition: { steps: [{ name: '两位经理或签', mode: 'any', approvers: [{ type: 'users', userIds: ids(corp, 'manager', 'manager2') }] }] },
  });
  expect(res.status).toBe(201);
});
afterAll(async () => t.close());

const u = (k: string) => corp.users[k]!;

describe('already decided', () => {
  it('when the decisive approval completed the flow, the 409 names that approver and when, not 系统', async () => {
    t.clock.set('2026-11-27T02:30:00Z');
    const inst = await start(t, corp, 'rep1');
    const ok = await u('manager').api.post(`/api/approvals/${inst.id}/actions/approve`, {});
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('approved');
    t.clock.set('2026-11-27T02:31:00Z');
    const late = await u('manager2').api.post(`/api/approvals/${inst.id}/actions/reject`, { comment: '晚了' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('approval_already_decided');
    expect(late.body.error.details).toMatchObject({
      status: 'approved',
      actorName: '用户manager',
      action: 'approve',
      at: '2026-11-27T10:30:00.000+08:00',
    });
    expect(late.body.error.details.lastAction.actor).toEqual({ id: String(u('manager').id), name: '用户manager' });
    expect(late.body.error.message).toContain('用户manager已同意');
    expect(late.body.error.message).toContain('2026-11-27 10:30');
    expect(late.body.error.message).not.toContain('系统');
    t.clock.reset();
  });

  it('two approvers racing on the last step: the loser is told who won, by name', async () => {
    const inst = await start(t, corp, 'rep2');
    const [a, b] = await Promise.all([
      u('manager').api.post(`/api/approvals/${inst.id}/actions/approve`, {}),
      u('manager2').api.post(`/api/approvals/${inst.id}/actions/approve`, {}),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [winner, loser] = a.status === 200 ? ['manager', b] : ['manager2', a];
    expect(loser.body.error.code).toBe('approval_already_decided');
    expect(loser.body.error.details.actorName).toBe(`用户${winner}`);
    expect(loser.body.error.details.action).toBe('approve');
    expect(loser.body.error.details.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00$/);
    expect(loser.body.error.message).toContain(`用户${winner}已同意`);
  });

  it('a withdrawn approval names the applicant who withdrew it', async () => {
    const inst = await start(t, corp, 'rep3');
    expect((await u('rep3').api.post(`/api/approvals/${inst.id}/actions/withdraw`, {})).status).toBe(200);
    const late = await u('manager').api.post(`/api/approvals/${inst.id}/actions/approve`, {});
    expect(late.status).toBe(409);
    expect(late.body.error.details).toMatchObject({ actorName: '用户rep3', action: 'withdraw' });
  });
});

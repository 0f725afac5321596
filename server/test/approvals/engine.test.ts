import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onApprovalDecided, type DecisionEvent } from '../../src/modules/approvals/service';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';
import { ids, makeLeader, outboxFor, start } from './helpers';

let t: TestServer;
let corp: TestCorp;
const decided: DecisionEvent[] = [];
beforeAll(async () => {
  t = await startTestServer();
  corp = await makeCorp(t);
  await makeLeader(t, corp, 'admin', '总部');
  onApprovalDecided('refund', async (_db, ev) => {
    decided.push(ev);
  });
});
afterAll(async () => t.close());

const u = (k: string) => corp.users[k]!;
const detail = async (id: number | string, as = 'admin') => (await u(as).api.get(`/api/approvals/${id}`)).body;
const pendingApprovers = (d: any) =>
  d.steps
    .filter((s: any) => s.status === 'pending')
    .flatMap((s: any) => s.tasks.filter((x: any) => x.status === 'pending').map((x: any) => x.approver.id));

describe('routing', () => {
  it('level-1 leader of the applicant department approves; amount under the threshold skips level 2', async () => {
    const inst = await start(t, corp, 'rep1', { docType: 'expense', amount: 10000 });
    const d = await detail(inst.id);
    expect(d.status).toBe('pending');
    expect(pendingApprovers(d)).toEqual(ids(corp, 'manager'));
    expect(d.cc.map((c: any) => c.id)).toEqual(ids(corp, 'finance'));
    const ok = await u('manager').api.post(`/api/approvals/${inst.id}/actions/approve`, {});
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('approved');
    expect(ok.body.steps.map((s: any) => s.status)).toEqual(['approved', 'skipped']);
  });

  it('amount over 5000 元 adds the next-level leader', async () => {
    const inst = await start(t, corp, 'rep1', { docType: 'expense', amount: 500001 });
    await u('manager').api.post(`/api/approvals/${inst.id}/actions/approve`, {});
    const d = await detail(inst.id);
    expect(d.status).toBe('pending');
    expect(d.currentStep).toEqual({ index: 1, name: '上级负责人审批' });
    expect(pendingApprovers(d)).toEqual(ids(corp, 'admin'));
  });

  it('a member of a nested department without its own leader goes to the parent department leader', async () => {
    const inst = await start(t, corp, 'rep3', { docType: 'expense', amount: 100 });
    expect(pendingApprovers(await detail(inst.id))).toEqual(ids(corp, 'manager'));
  });

  it('a leader never approves their own document: level 1 is the next leader up', async () => {
    const inst = await start(t, corp, 'manager', { docType: 'expense', amount: 100 });
    expect(pendingApprovers(await detail(inst.id))).toEqual(ids(corp, 'admin'));
  });

  it('conditions on category and department pick the steps; all-of waits for everyone', async () => {
    const pub = await u('admin').api.post('/api/approval-flows', {
      docType: 'contract',
      name: '测试合同流程',
      definition: {
        steps: [
          { name: '两位经理会签', mode: 'all', approvers: [{ type: 'users', userIds: ids(corp, 'manager', 'manager2') }] },
          { name: '礼品需财务', approvers: [{ type: 'role', role: 'finance' }], when: { categories: ['礼品'] } },
          { name: '二部负责人', approvers: [{ type: 'leader', level: 1 }], when: { departmentIds: [String(corp.departments['销售二部'])] } },
        ],
        cc: [],
      },
    });
    expect(pub.status).toBe(201);
    const gift = await start(t, corp, 'rep1', { docType: 'contract', attributes: { category: ['礼品'] } });
    await u('manager').api.post(`/api/approvals/${gift.id}/actions/approve`, {});
    let d = await detail(gift.id);
    expect(d.status).toBe('pending');
    expect(pendingApprovers(d)).toEqual(ids(corp, 'manager2'));
    await u('manager2').api.post(`/api/approvals/${gift.id}/actions/approve`, {});
    d = await detail(gift.id);
    expect(pendingApprovers(d)).toEqual(ids(corp, 'finance'));
    await u('finance').api.post(`/api/approvals/${gift.id}/actions/approve`, {});
    d = await detail(gift.id);
    expect(d.status).toBe('approved');
    expect(d.steps.map((s: any) => s.status)).toEqual(['approved', 'approved', 'skipped']);

    const rep9 = await start(t, corp, 'rep9', { docType: 'contract', attributes: { category: '差旅' } });
    await u('manager').api.post(`/api/approvals/${rep9.id}/actions/approve`, {});
    await u('manager2').api.post(`/api/approvals/${rep9.id}/actions/approve`, {});
    d = await detail(rep9.id);
    expect(d.steps.map((s: any) => s.status)).toEqual(['approved', 'skipped', 'pending']);
    expect(pendingApprovers(d)).toEqual(ids(corp, 'manager2'));
  });

  it('an instance keeps the flow version it started with', async () => {
    const before = await start(t, corp, 'rep1', { docType: 'contract' });
    const v = (await detail(before.id)).flow.version;
    await u('admin').api.post('/api/approval-flows', {
      docType: 'contract',
      name: '新版合同流程',
      definition: { steps: [{ name: '财务', approvers: [{ type: 'role', role: 'finance' }] }], cc: [] },
    });
    const after = await start(t, corp, 'rep1', { docType: 'contract' });
    expect((await detail(before.id)).flow.version).toBe(v);
    expect(pendingApprovers(await detail(before.id))).toEqual(ids(corp, 'manager', 'manager2'));
    expect((await detail(after.id)).flow.version).toBe(v + 1);
    expect(pendingApprovers(await detail(after.id))).toEqual(ids(corp, 'finance'));
  });

  it('only admins publish flows', async () => {
    const res = await u('manager').api.post('/api/approval-flows', {
      docType: 'refund',
      name: 'x',
      definition: { steps: [{ name: 'x', approvers: [{ type: 'role', role: 'finance' }] }] },
    });
    expect(res.status).toBe(403);
  });
});

describe('race safety', () => {
  it('a double tap gives exactly one decision; the other answer is 409 saying who decided', async () => {
    const inst = await start(t, corp, 'rep2', { amount: 100 });
    const [a, b] = await Promise.all([
      u('manager').api.post(`/api/approvals/${inst.id}/actions/approve`, {}),
      u('manager').api.post(`/api/approvals/${inst.id}/actions/approve`, {}),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error.code).toBe('approval_already_decided');
    expect(loser.body.error.details.lastAction.actor.id).toBe(String(u('manager').id));
    const d = await detail(inst.id);
    expect(d.history.filter((h: any) => h.action === 'approve')).toHaveLength(1);
    expect(d.steps.filter((s: any) => s.index === 1)).toHaveLength(1);
  });

  it('two approvers of an any-of step acting at once: one decision, the other told', async () => {
    await u('admin').api.post('/api/approval-flows', {
      docType: 'refund',
      name: '或签',
      definition: { steps: [{ name: '两位经理或签', mode: 'any', approvers: [{ type: 'users', userIds: ids(corp, 'manager', 'manager2') }] }] },
    });
    const inst = await start(t, corp, 'rep1');
    const [a, b] = await Promise.all([
      u('manager').api.post(`/api/approvals/${inst.id}/actions/approve`, {}),
      u('manager2').api.post(`/api/approvals/${inst.id}/actions/reject`, { comment: '不同意' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const d = await detail(inst.id);
    expect(['approved', 'rejected']).toContain(d.status);
    expect(d.history.filter((h: any) => ['approve', 'reject'].includes(h.action))).toHaveLength(1);
    expect(decided.filter((e) => e.instanceId === inst.id)).toHaveLength(1);
  });
});

describe('actions', () => {
  const refundFlow = async () =>
    u('admin').api.post('/api/approval-flows', {
      docType: 'refund',
      name: '退款',
      definition: {
        steps: [
          { name: '部门负责人', approvers: [{ type: 'leader', level: 1 }] },
          { name: '财务', approvers: [{ type: 'role', role: 'finance' }] },
        ],
      },
    });
  beforeAll(refundFlow);

  it('reject needs a comment; then the applicant is told and the document handler runs', async () => {
    const inst = await start(t, corp, 'rep1');
    const bare = await u('manager').api.post(`/api/approvals/${inst.id}/actions/reject`, {});
    expect(bare.status).toBe(400);
    expect(bare.body.error.details[0].path).toBe('body.comment');
    const res = await u('manager').api.post(`/api/approvals/${inst.id}/actions/reject`, { comment: '票据不全' });
    expect(res.body.status).toBe('rejected');
    expect(decided.find((e) => e.instanceId === inst.id)?.decision).toBe('rejected');
    const out = await outboxFor(t, corp);
    const told = out.find((m) => m.dedupeKey === `approval:${inst.id}:round:1:rejected`);
    expect(told?.toUsers).toEqual(['rep1']);
    expect(JSON.stringify(told?.message)).toContain('票据不全');
  });

  it('each pending approver gets a 同意/驳回 card through the outbox', async () => {
    const inst = await start(t, corp, 'rep2');
    const out = await outboxFor(t, corp);
    const card = out.find((m) => m.sourceModule === 'approvals' && m.toUsers.includes('manager') && String(m.dedupeKey).startsWith(`approval:${inst.id}:task:`));
    expect(card?.msgType).toBe('template_card');
    const tc = (card!.message as any).template_card;
    expect(tc.card_type).toBe('button_interaction');
    expect(tc.button_list.map((b: any) => b.key).sort()).toEqual(['approve', 'reject']);
    expect(card!.taskId).toMatch(/^approvals-\d+$/);
  });

  it('withdraw: only the applicant, only while pending; approvers then get 409', async () => {
    const inst = await start(t, corp, 'rep1');
    expect((await u('rep2').api.post(`/api/approvals/${inst.id}/actions/withdraw`, {})).status).toBe(404);
    expect((await u('manager').api.post(`/api/approvals/${inst.id}/actions/withdraw`, {})).status).toBe(403);
    const res = await u('rep1').api.post(`/api/approvals/${inst.id}/actions/withdraw`, {});
    expect(res.body.status).toBe('withdrawn');
    expect(res.body.availableActions).toEqual([]);
    const late = await u('manager').api.post(`/api/approvals/${inst.id}/actions/approve`, {});
    expect(late.status).toBe(409);
    expect(late.body.error.details.lastAction.action).toBe('withdraw');
    expect((await u('manager').api.get('/api/approvals?box=todo')).body.items.map((i: any) => i.id)).not.toContain(String(inst.id));
  });

  it('return sends it back as draft; resubmitting restarts the same instance in a new round', async () => {
    const docId = 880001;
    const inst = await start(t, corp, 'rep1', { docId });
    const res = await u('manager').api.post(`/api/approvals/${inst.id}/actions/return`, { comment: '补充说明' });
    expect(res.body.status).toBe('draft');
    expect(decided.find((e) => e.instanceId === inst.id)?.decision).toBe('returned');
    const again = await start(t, corp, 'rep1', { docId });
    expect(again.id).toBe(inst.id);
    expect(again.round).toBe(2);
    const d = await detail(inst.id);
    expect(d.status).toBe('pending');
    expect(d.history.map((h: any) => h.action)).toEqual(['submit', 'return', 'resubmit']);
    await expect(start(t, corp, 'rep1', { docId })).rejects.toMatchObject({ code: 'approval_already_pending' });
  });

  it('transfer hands the task to someone else', async () => {
    const inst = await start(t, corp, 'rep1');
    const res = await u('manager').api.post(`/api/approvals/${inst.id}/actions/transfer`, { toUserId: String(u('manager2').id), comment: '出差中' });
    expect(res.status).toBe(200);
    expect(pendingApprovers(res.body)).toEqual(ids(corp, 'manager2'));
    expect((await u('manager').api.post(`/api/approvals/${inst.id}/actions/approve`, {})).status).toBe(409);
    const todo = await u('manager2').api.get('/api/approvals?box=todo');
    expect(todo.body.items.map((i: any) => i.id)).toContain(String(inst.id));
    const ok = await u('manager2').api.post(`/api/approvals/${inst.id}/actions/approve`, {});
    expect(pendingApprovers(ok.body)).toEqual(ids(corp, 'finance'));
    expect((await u('manager').api.get('/api/approvals?box=done')).body.items.map((i: any) => i.id)).toContain(String(inst.id));
  });

  it('an added approver must approve too before the step completes', async () => {
    const inst = await start(t, corp, 'rep1');
    await u('manager').api.post(`/api/approvals/${inst.id}/actions/add_approver`, { toUserId: String(u('manager2').id) });
    const mid = await u('manager').api.post(`/api/approvals/${inst.id}/actions/approve`, {});
    expect(mid.body.currentStep.index).toBe(0);
    expect(pendingApprovers(mid.body)).toEqual(ids(corp, 'manager2'));
    const done = await u('manager2').api.post(`/api/approvals/${inst.id}/actions/approve`, {});
    expect(done.body.currentStep.index).toBe(1);
    expect(done.body.history.map((h: any) => h.action)).toEqual(['submit', 'add_approver', 'approve', 'approve']);
  });
});

describe('inbox and visibility', () => {
  it('boxes: todo for the approver, mine for the applicant, cc for finance', async () => {
    const inst = await start(t, corp, 'rep3', { docType: 'expense', amount: 200 });
    const has = async (who: string, box: string) =>
      (await u(who).api.get(`/api/approvals?box=${box}&limit=100`)).body.items.some((i: any) => i.id === String(inst.id));
    expect(await has('manager', 'todo')).toBe(true);
    expect(await has('rep3', 'mine')).toBe(true);
    expect(await has('finance', 'cc')).toBe(true);
    expect(await has('rep1', 'todo')).toBe(false);
    expect(await has('manager', 'done')).toBe(false);
  });

  it('a rep cannot see another rep\'s approval; the leader and finance can', async () => {
    const inst = await start(t, corp, 'rep1');
    expect((await u('rep2').api.get(`/api/approvals/${inst.id}`)).status).toBe(404);
    expect((await u('manager2').api.get(`/api/approvals/${inst.id}`)).status).toBe(404);
    expect((await u('manager').api.get(`/api/approvals/${inst.id}`)).status).toBe(200);
    expect((await u('finance').api.get(`/api/approvals/${inst.id}`)).status).toBe(200);
  });

  it('pages with an opaque cursor', async () => {
    for (let i = 0; i < 3; i++) await start(t, corp, 'rep2');
    const p1 = await u('rep2').api.get('/api/approvals?box=mine&limit=2');
    expect(p1.body.items).toHaveLength(2);
    const p2 = await u('rep2').api.get(`/api/approvals?box=mine&limit=2&cursor=${p1.body.nextCursor}`);
    expect(p2.body.items[0].id < p1.body.items[1].id || Number(p2.body.items[0].id) < Number(p1.body.items[1].id)).toBe(true);
  });
});

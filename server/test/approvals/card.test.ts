import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { approvalTasks, wecomOutbox } from '../../src/db/schema/index';
import { CARD_REJECT_COMMENT, handleApprovalCard } from '../../src/modules/approvals/cards';
import { drainInbox } from '../../src/wecom/inbox';
import { drainOutbox } from '../../src/wecom/outbox-worker';
import { startWecomEnv, type WecomEnv } from '../wecom/env';
import { ids, outboxFor, start } from './helpers';

let env: WecomEnv;
beforeAll(async () => {
  env = await startWecomEnv();
  // refund: an any-of step of two managers, then finance
  const res = await env.corp.users.admin!.api.post('/api/approval-flows', {
    docType: 'refund',
    name: '退款（或签）',
    definition: {
      steps: [
        { name: '两位经理或签', mode: 'any', approvers: [{ type: 'users', userIds: ids(env.corp, 'manager', 'manager2') }] },
        { name: '财务', approvers: [{ type: 'role', role: 'finance' }] },
      ],
      cc: [],
    },
  });
  expect(res.status).toBeLessThan(300);
});
afterAll(async () => {
  await env?.close();
});

const u = (key: string) => env.corp.users[key]!;
const detail = async (id: number) => (await u('admin').api.get(`/api/approvals/${id}`)).body;
/** The sent card (outbox row) of each approver of the instance, by WeCom user id. */
async function cardsOf(instanceId: number) {
  const rows = await env.t.db
    .select()
    .from(wecomOutbox)
    .where(and(eq(wecomOutbox.corpId, env.corp.id), like(wecomOutbox.dedupeKey, `approval:${instanceId}:task:%`), eq(wecomOutbox.msgType, 'template_card')));
  return new Map(rows.map((r) => [r.toUsers[0]!, r]));
}
const updatesFor = (codes: (string | null | undefined)[]) => env.emu.state.cardUpdates.filter((c) => codes.includes(c.response_code));
async function deadOutbox() {
  return env.t.db.select().from(wecomOutbox).where(and(eq(wecomOutbox.corpId, env.corp.id), eq(wecomOutbox.status, 'dead')));
}
/** WeCom pushes a press on the card: encrypted callback → /wecom/callback → inbox. */
async function press(card: typeof wecomOutbox.$inferSelect, who: string, key: 'approve' | 'reject', responseCode: string) {
  const res = await env.emu.pushEvent(
    { FromUserName: who, Event: 'template_card_event', EventKey: key, TaskId: card.taskId!, CardType: 'button_interaction', ResponseCode: responseCode, AgentID: 1000002 },
    env.callbackUrl,
  );
  expect(res.status).toBe(200);
  expect(res.body).toBe('success');
}

describe('approval cards', () => {
  it('the outbox worker keeps the response_code WeCom returns for each sent card', async () => {
    const inst = await start(env.t, env.corp, 'rep1', { docType: 'refund', amount: 100 });
    await drainOutbox(env.t.deps);
    const cards = await cardsOf(inst.id);
    expect([...cards.keys()].sort()).toEqual(['manager', 'manager2']);
    for (const card of cards.values()) {
      const sent = env.emu.state.messages.find((m) => m.body.template_card?.task_id === card.taskId)!;
      expect(card).toMatchObject({ status: 'done', msgId: sent.msgid, responseCode: sent.responseCode });
      expect(card.responseCode).toMatch(/^rc_/);
    }
  });

  it('an approver deciding in the app closes their own card and the other approvers\' cards of the step, each once', async () => {
    const inst = await start(env.t, env.corp, 'rep2', { docType: 'refund', amount: 100 });
    await drainOutbox(env.t.deps);
    const cards = await cardsOf(inst.id);
    expect((await u('manager').api.post(`/api/approvals/${inst.id}/actions/approve`, {})).status).toBe(200);
    await drainOutbox(env.t.deps);
    const step1 = updatesFor([cards.get('manager')!.responseCode, cards.get('manager2')!.responseCode]);
    expect(step1.map((c) => [c.userids[0], c.button.replace_name]).sort()).toEqual([
      ['manager', '用户manager已同意'],
      ['manager2', '用户manager已同意'],
    ]);
    // the next step's card went out; its approver rejects in the app
    const finance = (await cardsOf(inst.id)).get('finance')!;
    expect(finance.responseCode).toBeTruthy();
    expect((await u('finance').api.post(`/api/approvals/${inst.id}/actions/reject`, { comment: '金额不符' })).status).toBe(200);
    await drainOutbox(env.t.deps);
    expect(updatesFor([finance.responseCode])).toEqual([expect.objectContaining({ userids: ['finance'], button: { replace_name: '用户finance已驳回' } })]);
    // nothing more on a second drain; no single-use code was spent twice
    await drainOutbox(env.t.deps);
    expect(updatesFor([...(await cardsOf(inst.id)).values()].map((c) => c.responseCode))).toHaveLength(3);
    expect(await deadOutbox()).toEqual([]);
  });

  it('a card whose task was decided before the outbox sent it is not sent at all (nor updated)', async () => {
    const inst = await start(env.t, env.corp, 'rep1', { docType: 'refund', amount: 100 });
    expect((await u('manager2').api.post(`/api/approvals/${inst.id}/actions/reject`, { comment: '不批' })).status).toBe(200);
    await drainOutbox(env.t.deps);
    const cards = await cardsOf(inst.id);
    expect([...cards.keys()].sort()).toEqual(['manager', 'manager2']);
    for (const card of cards.values()) {
      expect(card).toMatchObject({ status: 'done', msgId: null, responseCode: null, sentAt: null });
      expect(card.lastError).toMatch(/^skipped: approval task \d+ already /);
      expect(env.emu.state.messages.some((m) => m.body.template_card?.task_id === card.taskId)).toBe(false);
    }
    // the closing updates found no delivered card: nothing reached WeCom, nothing is dead
    const closed = await env.t.db
      .select()
      .from(wecomOutbox)
      .where(and(eq(wecomOutbox.corpId, env.corp.id), like(wecomOutbox.dedupeKey, `approval:${inst.id}:task:%:closed`)));
    expect(closed.map((r) => r.status)).toEqual(['done', 'done']);
    expect(closed.every((r) => r.responseCode === null)).toBe(true);
    expect(await deadOutbox()).toEqual([]);
    // the applicant is still told
    expect((await detail(inst.id)).status).toBe('rejected');
    const told = await env.t.db
      .select()
      .from(wecomOutbox)
      .where(and(eq(wecomOutbox.corpId, env.corp.id), like(wecomOutbox.dedupeKey, `approval:${inst.id}:round:%`)));
    expect(told).toEqual([expect.objectContaining({ msgType: 'textcard', status: 'done', lastError: null })]);
    expect(told[0]!.msgId).toBeTruthy();
  });

  it('a withdrawn approval closes every open card', async () => {
    const inst = await start(env.t, env.corp, 'rep2', { docType: 'refund', amount: 100 });
    await drainOutbox(env.t.deps);
    expect((await u('rep2').api.post(`/api/approvals/${inst.id}/actions/withdraw`, {})).status).toBe(200);
    await drainOutbox(env.t.deps);
    const cards = await cardsOf(inst.id);
    expect(updatesFor([cards.get('manager')!.responseCode, cards.get('manager2')!.responseCode]).map((c) => c.button.replace_name)).toEqual([
      '用户rep2已撤回',
      '用户rep2已撤回',
    ]);
  });

  it('a press pushed by WeCom decides as the presser, answers on the pressed card and closes the other approver\'s card', async () => {
    const inst = await start(env.t, env.corp, 'rep1', { docType: 'refund', amount: 100 });
    await drainOutbox(env.t.deps);
    const cards = await cardsOf(inst.id);
    // WeCom's press carries a response_code; the emulator honours the one of the sent card
    const code = cards.get('manager')!.responseCode!;
    await press(cards.get('manager')!, 'manager', 'approve', code);
    await drainInbox(env.t.deps);
    const d = await detail(inst.id);
    expect(d.currentStep).toMatchObject({ index: 1, name: '财务' });
    const approve = d.history.find((h: any) => h.action === 'approve');
    expect(approve).toMatchObject({ via: 'card' });
    expect(approve.actor?.id ?? approve.actorId).toBe(String(u('manager').id));
    const [task] = await env.t.db.select().from(approvalTasks).where(eq(approvalTasks.id, Number(cards.get('manager')!.sourceRef)));
    expect(task!.cardResponseCode).toBe(code);
    await drainOutbox(env.t.deps);
    expect(updatesFor([code])).toEqual([expect.objectContaining({ userids: ['manager'], button: { replace_name: '已同意' } })]);
    expect(updatesFor([cards.get('manager2')!.responseCode])).toEqual([
      expect.objectContaining({ userids: ['manager2'], button: { replace_name: '用户manager已同意' } }),
    ]);

    // finance rejects on the card
    const finance = (await cardsOf(inst.id)).get('finance')!;
    await press(finance, 'finance', 'reject', finance.responseCode!);
    await drainInbox(env.t.deps);
    const after = await detail(inst.id);
    expect(after.status).toBe('rejected');
    expect(after.history.find((h: any) => h.action === 'reject')).toMatchObject({ via: 'card', comment: CARD_REJECT_COMMENT });
    await drainOutbox(env.t.deps);
    expect(updatesFor([finance.responseCode])).toEqual([expect.objectContaining({ userids: ['finance'], button: { replace_name: '已驳回' } })]);
    expect(await deadOutbox()).toEqual([]);
  });

  it('a press of a card whose approval was already decided is answered with 已处理 and decides nothing', async () => {
    const inst = await start(env.t, env.corp, 'rep2', { docType: 'expense', amount: 100 });
    await drainOutbox(env.t.deps);
    const card = (await outboxFor(env.t, env.corp)).find((m) => String(m.dedupeKey).startsWith(`approval:${inst.id}:task:`) && m.msgType === 'template_card')!;
    const approver = card.toUsers[0]!;
    await env.t.db.transaction((tx) =>
      handleApprovalCard({
        corpId: env.corp.id,
        payload: {},
        db: tx,
        deps: env.t.deps,
        taskId: card.taskId!,
        eventKey: 'approve',
        responseCode: null,
        fromWecomUserId: approver,
        source: { module: 'approvals', ref: card.sourceRef! },
      }),
    );
    const first = await detail(inst.id);
    // a repeat (a second press arriving late) decides nothing more
    await press(card, approver, 'approve', card.responseCode!);
    await drainInbox(env.t.deps);
    const again = await detail(inst.id);
    expect(again.history.filter((h: any) => h.action === 'approve')).toHaveLength(first.history.filter((h: any) => h.action === 'approve').length);
    await drainOutbox(env.t.deps);
    expect(updatesFor([card.responseCode])).toEqual([expect.objectContaining({ userids: [approver], button: { replace_name: '已处理' } })]);
  });

  it('a press by someone who is not the approver does nothing', async () => {
    const inst = await start(env.t, env.corp, 'rep2', { docType: 'expense', amount: 100 });
    await drainOutbox(env.t.deps);
    const card = (await outboxFor(env.t, env.corp)).find((m) => String(m.dedupeKey).startsWith(`approval:${inst.id}:task:`) && m.msgType === 'template_card')!;
    await press(card, 'rep1', 'approve', card.responseCode!);
    await drainInbox(env.t.deps);
    expect((await detail(inst.id)).status).toBe('pending');
    await drainOutbox(env.t.deps);
    expect(updatesFor([card.responseCode])).toEqual([]);
  });
});

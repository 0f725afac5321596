import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { approvalTasks } from '../../src/db/schema/index';
import { handleApprovalCard } from '../../src/modules/approvals/cards';
import { wecomClient } from '../../src/wecom/client';
import { startWecomEmulator, type WecomEmulator } from '../../src/wecom/emulator/index';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';
import { outboxFor, start } from './helpers';

let t: TestServer;
let emu: WecomEmulator;
let corp: TestCorp;
beforeAll(async () => {
  emu = await startWecomEmulator({ corpId: 'wwcardtest', corpSecret: 'card-secret', token: 'tok', encodingAesKey: 'a'.repeat(43), agentId: '1000002' });
  t = await startTestServer({ WECOM_API_BASE: emu.url, WECOM_CORP_ID: 'wwcardtest', WECOM_SECRET: 'card-secret' });
  corp = await makeCorp(t);
});
afterAll(async () => {
  await t.close();
  await emu.close();
});

describe('approval cards', () => {
  it('a press on 同意 acts as that approver and the card shows the result; a second press is told it is done', async () => {
    const inst = await start(t, corp, 'rep1', { docType: 'expense', amount: 100 });
    const card = (await outboxFor(t, corp)).find((m) => String(m.dedupeKey).startsWith(`approval:${inst.id}:task:`))!;
    // Deliver the queued card the way the outbox worker does, to get WeCom's response_code.
    const sent = await wecomClient(t.deps).sendMessage(['manager'], card.message as never);
    expect(sent.response_code).toBeTruthy();
    const press = () =>
      t.db.transaction((tx) =>
        handleApprovalCard({
          corpId: corp.id,
          payload: {},
          db: tx,
          deps: t.deps,
          taskId: card.taskId!,
          eventKey: 'approve',
          responseCode: sent.response_code!,
          fromWecomUserId: 'manager',
          source: { module: 'approvals', ref: card.sourceRef! },
        }),
      );
    await press();
    const d = (await corp.users.manager!.api.get(`/api/approvals/${inst.id}`)).body;
    expect(d.status).toBe('approved');
    expect(d.history.find((h: any) => h.action === 'approve').via).toBe('card');
    await expect.poll(() => emu.state.cardUpdates.length).toBe(1);
    expect(emu.state.cardUpdates[0]).toMatchObject({ userids: ['manager'], response_code: sent.response_code, button: { replace_name: '已同意' } });
    const [task] = await t.db.select().from(approvalTasks).where(eq(approvalTasks.id, Number(card.sourceRef)));
    expect(task!.cardResponseCode).toBe(sent.response_code);
    await press(); // a repeat is harmless: no second decision
    const again = (await corp.users.manager!.api.get(`/api/approvals/${inst.id}`)).body;
    expect(again.history.filter((h: any) => h.action === 'approve')).toHaveLength(1);
  });

  it('a press by someone who is not the approver does nothing', async () => {
    const inst = await start(t, corp, 'rep2', { docType: 'expense', amount: 100 });
    const card = (await outboxFor(t, corp)).find((m) => String(m.dedupeKey).startsWith(`approval:${inst.id}:task:`))!;
    await t.db.transaction((tx) =>
      handleApprovalCard({ corpId: corp.id, payload: {}, db: tx, deps: t.deps, taskId: card.taskId!, eventKey: 'approve', responseCode: null, fromWecomUserId: 'rep1', source: null }),
    );
    expect((await corp.users.manager!.api.get(`/api/approvals/${inst.id}`)).body.status).toBe('pending');
  });
});

import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { externalContacts, wecomInbox, wecomOutbox } from '../../src/db/schema/index';
import { drainInbox, INBOX_MAX_ATTEMPTS } from '../../src/wecom/inbox';
import { enqueueMessage } from '../../src/wecom/outbox';
import { drainOutbox, OUTBOX_MAX_ATTEMPTS } from '../../src/wecom/outbox-worker';
import { makeInboxDue, startWecomEnv, type WecomEnv } from './env';

let env: WecomEnv;
beforeAll(async () => {
  env = await startWecomEnv();
});
afterAll(async () => {
  await env?.close();
});

/** Pushes an add_external_contact callback for a new chat partner of `userid`; returns its inbox row id. */
async function pushAdd(userid: string, name: string) {
  const extId = env.emu.addExternalContact({ userid, name, corpName: '某某科技' });
  const res = await env.emu.pushEvent(
    { Event: 'change_external_contact', ChangeType: 'add_external_contact', UserID: userid, ExternalUserID: extId, State: '', WelcomeCode: 'wc' },
    env.callbackUrl,
  );
  expect(res.status).toBe(200);
  const rows = await env.t.db.select().from(wecomInbox).where(eq(wecomInbox.wecomCorpId, env.corp.wecomCorpId));
  const row = rows.find((r) => r.payload.ExternalUserID === extId)!;
  expect(row).toBeTruthy();
  return { extId, rowId: row.id };
}
const inboxRow = async (id: number) => (await env.t.db.select().from(wecomInbox).where(eq(wecomInbox.id, id)))[0]!;
const outboxRow = async (id: number) => (await env.t.db.select().from(wecomOutbox).where(eq(wecomOutbox.id, id)))[0]!;
const contactRow = async (extId: string) =>
  (await env.t.db.select().from(externalContacts).where(and(eq(externalContacts.corpId, env.corp.id), eq(externalContacts.externalUserId, extId))))[0];

async function makeOutboxDue(id: number) {
  await env.t.db.update(wecomOutbox).set({ nextAttemptAt: env.t.clock.now() }).where(and(eq(wecomOutbox.id, id), eq(wecomOutbox.status, 'pending')));
}

async function queueText(content: string) {
  await drainOutbox(env.t.deps); // nothing else of this corp is waiting to consume the emulator's faults
  const dedupeKey = `test:${randomBytes(4).toString('hex')}`;
  await enqueueMessage(env.t.db, { corpId: env.corp.id, toWecomUserIds: ['rep1'], message: { msgtype: 'text', text: { content } }, dedupeKey });
  const [row] = await env.t.db.select().from(wecomOutbox).where(and(eq(wecomOutbox.corpId, env.corp.id), eq(wecomOutbox.dedupeKey, dedupeKey)));
  return row!.id;
}

describe('inbox dead letters', () => {
  it(`an event failing ${INBOX_MAX_ATTEMPTS} times becomes a dead letter only admins see; a replay after the cause is fixed succeeds`, async () => {
    const { admin, rep1 } = env.corp.users;
    env.emu.failNext('cgi-bin/externalcontact/get', 60011, INBOX_MAX_ATTEMPTS);
    const { extId, rowId } = await pushAdd('rep1', '死信客户');
    for (let attempt = 1; attempt <= INBOX_MAX_ATTEMPTS; attempt++) {
      await drainInbox(env.t.deps);
      const row = await inboxRow(rowId);
      expect(row.attempts).toBe(attempt);
      expect(row.lastError).toContain('60011');
      if (attempt < INBOX_MAX_ATTEMPTS) {
        expect(row.status).toBe('pending');
        // backs off: not due again right away
        expect(row.nextAttemptAt.getTime()).toBeGreaterThan(env.t.clock.now().getTime());
        await makeInboxDue(env, rowId);
      } else {
        expect(row.status).toBe('dead');
      }
    }
    expect(await contactRow(extId)).toBeUndefined();

    const list = await admin!.api.get('/api/wecom/dead-letters?queue=inbox');
    expect(list.status).toBe(200);
    const item = list.body.items.find((i: any) => i.id === String(rowId));
    expect(item).toMatchObject({ queue: 'inbox', kind: 'change_external_contact:add_external_contact', attempts: INBOX_MAX_ATTEMPTS });
    expect(item.lastError).toContain('60011');
    expect(item.payload).toMatchObject({ ExternalUserID: extId, UserID: 'rep1' });

    expect((await rep1!.api.get('/api/wecom/dead-letters?queue=inbox')).status).toBe(403);
    expect((await rep1!.api.post(`/api/wecom/dead-letters/inbox/${rowId}/replay`)).status).toBe(403);
    // a dead letter stays dead until replayed
    await drainInbox(env.t.deps);
    expect((await inboxRow(rowId)).status).toBe('dead');

    const replay = await admin!.api.post(`/api/wecom/dead-letters/inbox/${rowId}/replay`);
    expect(replay.status).toBe(200);
    expect(await inboxRow(rowId)).toMatchObject({ status: 'pending', attempts: 0 });
    await drainInbox(env.t.deps);
    expect((await inboxRow(rowId)).status).toBe('done');
    expect(await contactRow(extId)).toMatchObject({ name: '死信客户' });
    // only a dead letter can be replayed
    expect((await admin!.api.post(`/api/wecom/dead-letters/inbox/${rowId}/replay`)).status).toBe(404);
  });

  it("another corp's admin neither sees nor replays the dead letter", async () => {
    env.emu.failNext('cgi-bin/externalcontact/get', 60011, INBOX_MAX_ATTEMPTS);
    const { rowId } = await pushAdd('rep2', '别家看不到');
    for (let attempt = 1; attempt <= INBOX_MAX_ATTEMPTS; attempt++) {
      await drainInbox(env.t.deps);
      await makeInboxDue(env, rowId);
    }
    expect((await inboxRow(rowId)).status).toBe('dead');
    const { makeCorp } = await import('../harness');
    const other = await makeCorp(env.t);
    const list = await other.users.admin!.api.get('/api/wecom/dead-letters?queue=inbox');
    expect(list.body.items.some((i: any) => i.id === String(rowId))).toBe(false);
    expect((await other.users.admin!.api.post(`/api/wecom/dead-letters/inbox/${rowId}/replay`)).status).toBe(404);
    expect((await inboxRow(rowId)).status).toBe('dead');
  });

  it('a 45009 frequency limit backs off and retries later, never making the event dead', async () => {
    const limited = INBOX_MAX_ATTEMPTS + 2;
    env.emu.failNext('cgi-bin/externalcontact/get', 45009, limited);
    const { extId, rowId } = await pushAdd('rep1', '限流客户');
    for (let i = 1; i <= limited; i++) {
      const before = env.t.clock.now().getTime();
      await drainInbox(env.t.deps);
      const row = await inboxRow(rowId);
      expect(row).toMatchObject({ status: 'pending', attempts: 0 });
      expect(row.lastError).toContain('45009');
      expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 55_000);
      await makeInboxDue(env, rowId);
    }
    await drainInbox(env.t.deps);
    expect((await inboxRow(rowId)).status).toBe('done');
    expect(await contactRow(extId)).toMatchObject({ name: '限流客户' });
  });
});

describe('outbox dead letters', () => {
  it(`a message failing ${OUTBOX_MAX_ATTEMPTS} times becomes a dead letter only admins see; a replay sends it`, async () => {
    const { admin, rep1 } = env.corp.users;
    const id = await queueText('死信消息');
    env.emu.failNext('cgi-bin/message/send', 60020, OUTBOX_MAX_ATTEMPTS);
    for (let attempt = 1; attempt <= OUTBOX_MAX_ATTEMPTS; attempt++) {
      await drainOutbox(env.t.deps);
      const row = await outboxRow(id);
      expect(row.attempts).toBe(attempt);
      expect(row.status).toBe(attempt < OUTBOX_MAX_ATTEMPTS ? 'pending' : 'dead');
      if (attempt < OUTBOX_MAX_ATTEMPTS) {
        expect(row.nextAttemptAt.getTime()).toBeGreaterThan(env.t.clock.now().getTime());
        await makeOutboxDue(id);
      }
    }
    expect(env.emu.state.messages.some((m) => m.body.text?.content === '死信消息')).toBe(false);

    const list = await admin!.api.get('/api/wecom/dead-letters?queue=outbox');
    expect(list.status).toBe(200);
    const item = list.body.items.find((i: any) => i.id === String(id));
    expect(item).toMatchObject({ queue: 'outbox', kind: 'text', attempts: OUTBOX_MAX_ATTEMPTS, payload: { text: { content: '死信消息' } } });
    expect(item.lastError).toContain('60020');
    expect((await rep1!.api.get('/api/wecom/dead-letters?queue=outbox')).status).toBe(403);
    expect((await rep1!.api.post(`/api/wecom/dead-letters/outbox/${id}/replay`)).status).toBe(403);

    expect((await admin!.api.post(`/api/wecom/dead-letters/outbox/${id}/replay`)).status).toBe(200);
    await drainOutbox(env.t.deps);
    const sent = await outboxRow(id);
    expect(sent.status).toBe('done');
    expect(sent.msgId).toBeTruthy();
    expect(env.emu.state.messages.filter((m) => m.body.text?.content === '死信消息')).toHaveLength(1);
  });

  it('a message refused with a permanent error is dead at once', async () => {
    const id = await queueText('参数错误');
    env.emu.failNext('cgi-bin/message/send', 40058, 1);
    await drainOutbox(env.t.deps);
    expect(await outboxRow(id)).toMatchObject({ status: 'dead', attempts: 1 });
  });

  it('a 45009 frequency limit delays the message without spending its retries', async () => {
    const id = await queueText('限流消息');
    const limited = OUTBOX_MAX_ATTEMPTS + 1;
    env.emu.failNext('cgi-bin/message/send', 45009, limited);
    for (let i = 1; i <= limited; i++) {
      const before = env.t.clock.now().getTime();
      await drainOutbox(env.t.deps);
      const row = await outboxRow(id);
      expect(row).toMatchObject({ status: 'pending', attempts: 0 });
      expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 55_000);
      await makeOutboxDue(id);
    }
    await drainOutbox(env.t.deps);
    expect((await outboxRow(id)).status).toBe('done');
    expect(env.emu.state.messages.filter((m) => m.body.text?.content === '限流消息')).toHaveLength(1);
  });
});

import { randomBytes } from 'node:crypto';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { externalContactEvents, externalContactFollows, externalContacts, wecomInbox, wecomOutbox } from '../../src/db/schema/index';
import { wecomClient } from '../../src/wecom/client';
import { buildXml, sealCallback } from '../../src/wecom/crypto';
import { startWecomEmulator, type WecomEmulator } from '../../src/wecom/emulator/index';
import { claimInbox, drainInbox } from '../../src/wecom/inbox';
import { jsapiSignature } from '../../src/wecom/jssdk';
import { drainOutbox } from '../../src/wecom/outbox-worker';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';

const randomKey = () => {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(43), (b) => abc[b % 62]).join('');
};

let t: TestServer;
let corp: TestCorp;
let emu: WecomEmulator;
const token = `tok${randomBytes(6).toString('hex')}`;
const aesKey = randomKey();
const secret = 'test-secret';

beforeAll(async () => {
  const boot = await startTestServer();
  corp = await makeCorp(boot);
  await boot.close();
  emu = await startWecomEmulator({ corpId: corp.wecomCorpId, corpSecret: secret, token, encodingAesKey: aesKey, agentId: '1000002' });
  for (const [key] of Object.entries(corp.users)) {
    emu.state.users.set(key, { userid: key, name: `用户${key}`, department: [2], is_leader_in_dept: [0], status: 1 });
  }
  emu.state.departments.push({ id: 1, name: '总部', parentid: 0 }, { id: 2, name: '销售一部', parentid: 1 });
  t = await startTestServer({
    WECOM_API_BASE: emu.url,
    WECOM_CORP_ID: corp.wecomCorpId,
    WECOM_SECRET: secret,
    WECOM_TOKEN: token,
    WECOM_ENCODING_AES_KEY: aesKey,
  });
});
afterAll(async () => {
  await t?.close();
  await emu?.close();
});

const callbackUrl = () => `${t.url}/wecom/callback`;
const inboxCount = async () => (await t.db.select({ n: count() }).from(wecomInbox))[0]!.n;
function addContact(userid: string, name: string) {
  const id = emu.addExternalContact({ userid, name, corpName: '某某科技' });
  const fields = { Event: 'change_external_contact', ChangeType: 'add_external_contact', UserID: userid, ExternalUserID: id, State: '', WelcomeCode: 'wc' };
  return { id, fields };
}
async function leadCount(externalContactId: number): Promise<number> {
  const rows = (await t.db.execute(sql`SELECT COUNT(*) AS n FROM leads WHERE external_contact_id = ${externalContactId}`))[0] as unknown as { n: number }[];
  return Number(rows[0]!.n);
}
async function contactRow(extId: string) {
  const [row] = await t.db.select().from(externalContacts).where(and(eq(externalContacts.corpId, corp.id), eq(externalContacts.externalUserId, extId)));
  return row;
}

describe('official vectors', () => {
  it('answers the official URL-verification vector with the decrypted echostr', async () => {
    const s = await startTestServer({ WECOM_CORP_ID: 'wx5823bf96d3bd56c7', WECOM_TOKEN: 'QDG6eK', WECOM_ENCODING_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C' });
    try {
      const res = await s.api.get(
        '/wecom/callback?msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3&timestamp=1409659589&nonce=263014780&echostr=P9nAzCzyDtyTWESHep1vC5X9xho%2FqYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp%2B4RPcs8TgAE7OaBO%2BFZXvnaqQ%3D%3D',
      );
      expect(res.status).toBe(200);
      expect(res.text).toBe('1616140317555161061');
      const bad = await s.api.get('/wecom/callback?msg_signature=0000&timestamp=1409659589&nonce=263014780&echostr=abc');
      expect(bad.status).toBe(401);
    } finally {
      await s.close();
    }
  });

  it('signs JS-SDK config with the official vector (URL without #fragment)', () => {
    const ticket = 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg';
    expect(jsapiSignature(ticket, 'Wm3WZYTPz0wzccnW', 1414587457, 'http://mp.weixin.qq.com?params=value')).toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed');
    expect(jsapiSignature(ticket, 'Wm3WZYTPz0wzccnW', 1414587457, 'http://mp.weixin.qq.com?params=value#frag')).toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed');
  });
});

describe('callback intake', () => {
  it('a new external contact becomes a mirrored contact, an active follow relation and a lead of the adding rep', async () => {
    const { id, fields } = addContact('rep1', '王总');
    const res = await emu.pushEvent(fields, callbackUrl());
    expect(res.status).toBe(200);
    expect(res.body).toBe('success');
    await drainInbox(t.deps);
    const row = await contactRow(id);
    expect(row).toMatchObject({ name: '王总', corpName: '某某科技' });
    const [follow] = await t.db.select().from(externalContactFollows).where(eq(externalContactFollows.externalContactId, row!.id));
    expect(follow).toMatchObject({ wecomUserId: 'rep1', userId: corp.users.rep1!.id, status: 'active', addWay: 1 });
    const [lead] = (await t.db.execute(sql`SELECT owner_id, source FROM leads WHERE external_contact_id = ${row!.id}`))[0] as unknown as { owner_id: number; source: string }[];
    expect(lead).toMatchObject({ owner_id: corp.users.rep1!.id, source: '企业微信添加' });
  });

  it('refuses a forged signature and a foreign corp with 401 and stores nothing', async () => {
    const before = await inboxCount();
    const xml = buildXml({ ToUserName: corp.wecomCorpId, Event: 'change_external_contact', ChangeType: 'add_external_contact', UserID: 'rep1', ExternalUserID: 'wmforged' });
    const forged = sealCallback({ token: 'wrong-token', encodingAesKey: aesKey, corpId: corp.wecomCorpId }, xml);
    expect((await fetch(`${callbackUrl()}?${forged.query}`, { method: 'POST', body: forged.body })).status).toBe(401);
    const foreign = sealCallback({ token, encodingAesKey: aesKey, corpId: 'wwsomeoneelse' }, xml);
    expect((await fetch(`${callbackUrl()}?${foreign.query}`, { method: 'POST', body: foreign.body })).status).toBe(401);
    const garbage = await fetch(`${callbackUrl()}?msg_signature=x&timestamp=1&nonce=2`, { method: 'POST', body: '<<<not xml' });
    expect(garbage.status).toBe(401);
    expect(await inboxCount()).toBe(before);
  });

  it('the same event delivered three times has one effect', async () => {
    const { id, fields } = addContact('rep2', '李经理');
    const xml = buildXml({ ToUserName: corp.wecomCorpId, FromUserName: 'sys', CreateTime: 1790000000, MsgType: 'event', ...fields });
    for (let i = 0; i < 3; i++) {
      const s = sealCallback({ token, encodingAesKey: aesKey, corpId: corp.wecomCorpId }, xml);
      expect((await fetch(`${callbackUrl()}?${s.query}`, { method: 'POST', body: s.body })).status).toBe(200);
    }
    await drainInbox(t.deps);
    const row = await contactRow(id);
    expect(await leadCount(row!.id)).toBe(1);
    const [timeline] = await t.db.select({ n: count() }).from(externalContactEvents).where(eq(externalContactEvents.externalContactId, row!.id));
    expect(timeline!.n).toBe(1);
  });

  it('two same-second events for different customers are both kept', async () => {
    const a = addContact('rep1', '客户甲');
    const b = addContact('rep1', '客户乙');
    const when = 1790000100;
    for (const e of [a, b]) {
      const xml = buildXml({ ToUserName: corp.wecomCorpId, FromUserName: 'sys', CreateTime: when, MsgType: 'event', ...e.fields });
      const s = sealCallback({ token, encodingAesKey: aesKey, corpId: corp.wecomCorpId }, xml);
      expect((await fetch(`${callbackUrl()}?${s.query}`, { method: 'POST', body: s.body })).status).toBe(200);
    }
    await drainInbox(t.deps);
    expect(await contactRow(a.id)).toBeTruthy();
    expect(await contactRow(b.id)).toBeTruthy();
  });

  it('a customer deleting the employee ends the relation and the timeline says who removed whom', async () => {
    const { id, fields } = addContact('rep3', '赵女士');
    await emu.pushEvent(fields, callbackUrl());
    await emu.pushEvent({ Event: 'change_external_contact', ChangeType: 'del_follow_user', UserID: 'rep3', ExternalUserID: id }, callbackUrl());
    await drainInbox(t.deps);
    const row = await contactRow(id);
    const [follow] = await t.db.select().from(externalContactFollows).where(eq(externalContactFollows.externalContactId, row!.id));
    expect(follow).toMatchObject({ status: 'ended', endReason: 'customer_deleted' });
    const events = await t.db.select().from(externalContactEvents).where(eq(externalContactEvents.externalContactId, row!.id));
    expect(events.map((e) => e.message)).toContain('客户 赵女士 删除了员工 用户rep3');
  });

  it('a worker killed mid-event leaves the event to be reprocessed exactly once', async () => {
    const { id, fields } = addContact('rep2', '孙总');
    await emu.pushEvent(fields, callbackUrl());
    const claimed = await claimInbox(t.deps, 'crashed-worker');
    expect(claimed.length).toBeGreaterThan(0);
    // The crashed worker never finishes; its lease runs out.
    t.clock.advance(5 * 60_000);
    const result = await drainInbox(t.deps);
    t.clock.reset();
    expect(result.processed).toBeGreaterThanOrEqual(1);
    const row = await contactRow(id);
    expect(await leadCount(row!.id)).toBe(1);
    const [pending] = await t.db.select({ n: count() }).from(wecomInbox).where(eq(wecomInbox.status, 'processing'));
    expect(pending!.n).toBe(0);
  });
});

describe('API client', () => {
  it('a token expired mid-call is refreshed once and the call retried once', async () => {
    const client = wecomClient(t.deps);
    await client.getUser('rep1');
    const tokensBefore = emu.counters['cgi-bin/gettoken'] ?? 0;
    const callsBefore = emu.counters['cgi-bin/user/get'] ?? 0;
    emu.expireTokens();
    const u = await client.getUser('rep1');
    expect(u.userid).toBe('rep1');
    expect(emu.counters['cgi-bin/gettoken']).toBe(tokensBefore + 1);
    expect(emu.counters['cgi-bin/user/get']).toBe(callsBefore + 2);
  });

  it('concurrent callers share one token refresh', async () => {
    emu.expireTokens();
    await t.db.execute(sql`UPDATE wecom_tokens SET value = NULL, expires_at = NULL`);
    const before = emu.counters['cgi-bin/gettoken'] ?? 0;
    const client = wecomClient(t.deps);
    await Promise.all(Array.from({ length: 10 }, () => client.getUser('rep2')));
    expect(emu.counters['cgi-bin/gettoken']).toBe(before + 1);
  });

  it('JS-SDK tickets are fetched once per corp/agent, whatever the number of URLs', async () => {
    const login = await t.api.post('/api/auth/mp-login', { code: emu.issueMpCode('rep1') });
    const api = t.api.as(login.body.token);
    for (let i = 0; i < 12; i++) {
      const res = await api.get(`/api/wecom/jssdk-config?url=${encodeURIComponent(`https://crm.example.com/pages/x?i=${i}#top`)}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ corpId: corp.wecomCorpId, agentId: '1000002' });
      expect(res.body.config.signature).toMatch(/^[0-9a-f]{40}$/);
    }
    expect(emu.counters['cgi-bin/get_jsapi_ticket']).toBe(1);
    expect(emu.counters['cgi-bin/ticket/get']).toBe(1);
  });
});

describe('OAuth sign-in', () => {
  async function startFlow(redirect = '/pages/workbench/workbench') {
    const res = await t.api.get(`/auth/wecom/start?redirect=${encodeURIComponent(redirect)}`);
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    return { state: location.searchParams.get('state')!, cookie, location };
  }

  it('signs a member in and redirects to our own path; the state cannot be replayed', async () => {
    const { state, cookie, location } = await startFlow();
    expect(location.searchParams.get('scope')).toBe('snsapi_base');
    expect(state).toMatch(/^[A-Za-z0-9]+$/);
    const ok = await t.api.get(`/auth/wecom/callback?code=${emu.issueOauthCode('rep1')}&state=${state}`, { cookie });
    expect(ok.status).toBe(302);
    expect(ok.headers.get('location')).toBe('/pages/workbench/workbench');
    const session = ok.headers.getSetCookie().find((c) => c.startsWith('scrm_session='))!.split(';')[0]!;
    expect((await t.api.get('/api/me', { cookie: session })).body.wecomUserId).toBe('rep1');
    const replay = await t.api.get(`/auth/wecom/callback?code=${emu.issueOauthCode('rep1')}&state=${state}`, { cookie });
    expect(replay.status).toBe(400);
  });

  it('refuses a state from another browser and never redirects off-site', async () => {
    const { state } = await startFlow('//evil.example.com/x');
    const other = await startFlow();
    const res = await t.api.get(`/auth/wecom/callback?code=${emu.issueOauthCode('rep1')}&state=${state}`, { cookie: other.cookie });
    expect(res.status).toBe(400);
    const [row] = (await t.db.execute(sql`SELECT redirect_path FROM wecom_oauth_states WHERE state = ${state}`))[0] as unknown as { redirect_path: string }[];
    expect(row!.redirect_path).toBe('/');
  });

  it('shows a non-member a clear page and no session', async () => {
    const { state, cookie } = await startFlow();
    const res = await t.api.get(`/auth/wecom/callback?code=${emu.issueOauthCode()}&state=${state}`, { cookie });
    expect(res.status).toBe(403);
    expect(res.text).toContain('仅限企业成员使用');
    expect(res.headers.getSetCookie().some((c) => c.startsWith('scrm_session=') && !c.startsWith('scrm_session=;'))).toBe(false);
  });

  it('mini-program login exchanges the code for a session token', async () => {
    const res = await t.api.post('/api/auth/mp-login', { code: emu.issueMpCode('rep2') });
    expect(res.status).toBe(200);
    expect((await t.api.as(res.body.token).get('/api/me')).body.wecomUserId).toBe('rep2');
    expect((await t.api.post('/api/auth/mp-login', { code: 'bogus' })).status).toBe(401);
  });

  it('a user disabled in WeCom loses every session at once', async () => {
    const res = await t.api.post('/api/auth/mp-login', { code: emu.issueMpCode('rep9') });
    const api = t.api.as(res.body.token);
    expect((await api.get('/api/me')).status).toBe(200);
    emu.state.users.get('rep9')!.status = 2;
    await emu.pushEvent({ Event: 'change_contact', ChangeType: 'update_user', UserID: 'rep9' }, callbackUrl());
    await drainInbox(t.deps);
    expect((await api.get('/api/me')).status).toBe(401);
    emu.state.users.get('rep9')!.status = 1;
  });
});

describe('outbox', () => {
  it('sends a message at most once per dedupe key', async () => {
    const { enqueueMessage } = await import('../../src/wecom/outbox');
    const before = emu.state.messages.length;
    for (let i = 0; i < 2; i++) {
      await enqueueMessage(t.db, { corpId: corp.id, toWecomUserIds: ['rep1'], message: { msgtype: 'text', text: { content: '你好' } }, dedupeKey: 'test:hello' });
    }
    await drainOutbox(t.deps);
    expect(emu.state.messages.length).toBe(before + 1);
    const [row] = await t.db.select().from(wecomOutbox).where(eq(wecomOutbox.dedupeKey, 'test:hello'));
    expect(row!.status).toBe('done');
  });
});

import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { wecomInbox } from '../../src/db/schema/index';
import { startWecomEmulator, type EmulatorOptions, type WecomEmulator } from '../../src/wecom/emulator/index';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';

export interface WecomEnv {
  t: TestServer;
  corp: TestCorp;
  emu: WecomEmulator;
  callbackUrl: string;
  close(): Promise<void>;
}

const randomKey = () => {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(43), (b) => abc[b % 62]).join('');
};

/**
 * A harness corp, an emulator that knows its org (departments 1 总部 / 2 销售一部 / 5 一组 / 3 销售二部 /
 * 4 财务部 and every harness user) and a server pointed at the emulator with callback keys.
 */
export async function startWecomEnv(opts: Partial<EmulatorOptions> = {}): Promise<WecomEnv> {
  // The same session secret on both servers keeps the harness users' tokens valid on the second.
  const sessionSecret = randomBytes(16).toString('hex');
  const boot = await startTestServer({ SESSION_SECRET: sessionSecret });
  const corp = await makeCorp(boot);
  await boot.close();
  const token = `tok${randomBytes(6).toString('hex')}`;
  const aesKey = randomKey();
  const secret = 'test-secret';
  const emu = await startWecomEmulator({ corpId: corp.wecomCorpId, corpSecret: secret, token, encodingAesKey: aesKey, agentId: '1000002', ...opts });
  emu.state.departments.push(
    { id: 1, name: '总部', parentid: 0, order: 1 },
    { id: 2, name: '销售一部', parentid: 1, order: 2 },
    { id: 5, name: '销售一部一组', parentid: 2, order: 5 },
    { id: 3, name: '销售二部', parentid: 1, order: 3 },
    { id: 4, name: '财务部', parentid: 1, order: 4 },
  );
  const dept: Record<string, number> = { admin: 1, manager: 2, rep1: 2, rep2: 2, rep3: 5, manager2: 3, rep9: 3, finance: 4 };
  for (const key of Object.keys(corp.users)) {
    const leader = key === 'manager' || key === 'manager2' ? 1 : 0;
    emu.state.users.set(key, { userid: key, name: `用户${key}`, department: [dept[key] ?? 1], is_leader_in_dept: [leader], main_department: dept[key] ?? 1, status: 1 });
  }
  const t = await startTestServer({
    WECOM_API_BASE: emu.url,
    WECOM_CORP_ID: corp.wecomCorpId,
    WECOM_SECRET: secret,
    WECOM_TOKEN: token,
    WECOM_ENCODING_AES_KEY: aesKey,
    SESSION_SECRET: sessionSecret,
  });
  for (const u of Object.values(corp.users)) u.api = t.api.as(u.token);
  return {
    t,
    corp,
    emu,
    callbackUrl: `${t.url}/wecom/callback`,
    close: async () => {
      await t.close();
      await emu.close();
    },
  };
}

/** "Time passes" for one inbox row only: makes its back-off due now (other test files share the database). */
export async function makeInboxDue(env: WecomEnv, id: number): Promise<void> {
  await env.t.db.update(wecomInbox).set({ nextAttemptAt: env.t.clock.now() }).where(and(eq(wecomInbox.id, id), eq(wecomInbox.status, 'pending')));
}

/** The inbox rows of this env's corp whose payload has `field` = `value`. */
export async function inboxRowsWhere(env: WecomEnv, kind: string) {
  return env.t.db
    .select()
    .from(wecomInbox)
    .where(and(eq(wecomInbox.wecomCorpId, env.corp.wecomCorpId), eq(wecomInbox.kind, kind)));
}

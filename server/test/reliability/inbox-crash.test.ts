/**
 * Issue 18: a server killed in the middle of a callback burst loses nothing it acknowledged and
 * applies nothing twice; a contact's older event that fails does not let a newer one overtake it.
 * Real child processes, real HTTP, real MariaDB; handler effects are counted by a NON-idempotent
 * handler preloaded into the children (fixtures/count-effects.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Pool } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_USERS } from '../../src/seed/org';
import { startWecomEmulator, type WecomEmulator } from '../../src/wecom/emulator/index';
import {
  childEnv,
  COUNT_EFFECTS,
  createEffectTables,
  inboxStatusCounts,
  mapLimit,
  newWecomKeys,
  postEvent,
  readEffects,
  sealContactEvent,
  spawnServer,
  waitFor,
  waitInboxDrained,
  type SealedEvent,
  type ServerChild,
  type WecomKeys,
} from './lib';

const EVENTS = 500;
const KILL_AFTER = 250;
const REP = DEMO_USERS.find((u) => u.role === 'rep')!.wecomUserId;

const databaseUrl = inject('testDatabaseUrl');
const table = `test_effects_crash_${randomBytes(3).toString('hex')}`;
const keys: WecomKeys = newWecomKeys();
let emu: WecomEmulator;
let pool: Pool;
const servers: ServerChild[] = [];

const start = async () => {
  const s = await spawnServer(childEnv(databaseUrl, keys, emu.url, { TEST_EFFECTS_TABLE: table }), { preload: [COUNT_EFFECTS] });
  servers.push(s);
  return s;
};

beforeAll(async () => {
  pool = await createEffectTables(databaseUrl, table);
  emu = await startWecomEmulator({ corpId: keys.corpId, corpSecret: keys.secret, token: keys.token, encodingAesKey: keys.encodingAesKey, agentId: keys.agentId });
});
afterAll(async () => {
  for (const s of servers) await s.kill();
  await emu?.close();
  await pool?.end();
});

describe('a server killed in the middle of a callback burst', () => {
  const acked = new Set<string>();
  const figures: Record<string, unknown> = {};

  it(`every acknowledged event of ${EVENTS} is applied exactly once after a SIGKILL and a restart on the same database`, { timeout: 150_000 }, async () => {
    const events: SealedEvent[] = [];
    for (let i = 0; i < EVENTS; i++) {
      const extId = emu.addExternalContact({ userid: REP, name: `崩溃测试客户${i}`, corpName: '某某科技' });
      events.push(sealContactEvent(keys, 'add_external_contact', REP, extId));
    }
    // WeCom sends each callback once or retries it (byte-identical) up to twice more.
    const deliveries = events.map((_, i) => 1 + (i % 3));

    const first = await start();
    let target = first.url;
    let killed: Promise<void> | undefined;
    const post = async (ev: SealedEvent, times: number) => {
      for (let k = 0; k < times; k++) {
        const res = await postEvent(target, ev, 20_000);
        if (res.acked) acked.add(ev.key);
      }
    };
    // Phase 1: the burst; the server is SIGKILLed once half of it has been sent, with requests in flight.
    let dispatched = 0;
    await mapLimit(events.slice(0, KILL_AFTER + 40), 32, async (ev, i) => {
      if (i >= KILL_AFTER) {
        killed ??= first.kill();
        await killed;
      }
      dispatched++;
      await post(ev, deliveries[i]!);
    });
    await killed;
    figures.ackedBeforeKill = acked.size;
    const afterKill = await inboxStatusCounts(pool, keys.corpId);
    figures.inboxAtKill = afterKill;
    // A lease held by the dead process would only run out after 2 minutes: time passes for those rows.
    await pool.query("UPDATE wecom_inbox SET next_attempt_at = ? WHERE wecom_corp_id = ? AND status = 'processing'", [new Date(), keys.corpId]);

    // Phase 2: a new process on the same database; WeCom retries what was not acknowledged, sends
    // the rest, and retries some acknowledged ones too.
    const second = await start();
    target = second.url;
    const rest = events.map((ev, i) => ({ ev, i })).filter(({ ev, i }) => i >= dispatched || !acked.has(ev.key) || i % 4 === 0);
    await mapLimit(rest, 32, async ({ ev, i }) => post(ev, i >= dispatched ? deliveries[i]! : 1));
    const { counts, drained } = await waitInboxDrained(pool, keys.corpId, 60_000);
    figures.inboxFinal = counts;

    const effects = await readEffects(pool, table);
    const missing = [...acked].filter((k) => !effects.has(k));
    const twice = [...effects].filter(([, n]) => n > 1);
    figures.acked = acked.size;
    figures.missing = missing.length;
    figures.appliedTwice = twice.length;
    console.log('[inbox-crash] figures', JSON.stringify(figures));

    expect(drained, `inbox still has unfinished rows: ${JSON.stringify(counts)}`).toBe(true);
    expect(acked.size).toBe(EVENTS); // every event was acknowledged in the end (WeCom retried)
    expect(missing, 'acknowledged events never applied').toEqual([]);
    expect(twice.map(([k, n]) => `${k}×${n}`), 'events applied more than once').toEqual([]);
    for (const k of acked) expect(effects.get(k)).toBe(1);
    expect(counts).toEqual({ done: EVENTS });
  });

  it("a contact's older event failing once holds back its newer event: both are applied, in order", { timeout: 60_000 }, async () => {
    const server = servers.at(-1)!;
    expect(server.child.exitCode).toBeNull();
    const extId = emu.addExternalContact({ userid: REP, name: '顺序客户', corpName: '某某科技' });
    const now = Math.floor(Date.now() / 1000);
    const add = sealContactEvent(keys, 'add_external_contact', REP, extId, now);
    const del = sealContactEvent(keys, 'del_follow_user', REP, extId, now + 1);
    // The older event's WeCom read fails once (a transient error): it backs off.
    emu.failNext('cgi-bin/externalcontact/get', 60011, 1);
    expect((await postEvent(server.url, add)).acked).toBe(true);
    await waitFor(
      'the add event to fail once',
      async () => {
        const [rows] = (await pool.query("SELECT attempts, status FROM wecom_inbox WHERE wecom_corp_id = ? AND kind = 'change_external_contact:add_external_contact' AND JSON_VALUE(payload, '$.ExternalUserID') = ?", [keys.corpId, extId])) as unknown as [{ attempts: number; status: string }[]];
        return rows[0] && rows[0].attempts >= 1 && rows[0].status === 'pending';
      },
      15_000,
    );
    // The newer event of the same contact arrives while the older one is backing off: it is due now.
    expect((await postEvent(server.url, del)).acked).toBe(true);
    const { counts, drained } = await waitInboxDrained(pool, keys.corpId, 30_000);
    const [rows] = await pool.query(
      "SELECT id, kind, status, attempts, next_attempt_at, processed_at, last_error FROM wecom_inbox WHERE wecom_corp_id = ? AND JSON_VALUE(payload, '$.ExternalUserID') = ? ORDER BY id",
      [keys.corpId, extId],
    );
    console.log('[inbox-crash] ordering rows', JSON.stringify(rows));
    expect(drained, `after 30 s: ${JSON.stringify(counts)}; rows of the contact: ${JSON.stringify(rows)}`).toBe(true);
    expect(counts.dead ?? 0).toBe(0);

    const [log] = (await pool.query(`SELECT event_key FROM \`${table}_log\` WHERE event_key IN (?, ?) ORDER BY id`, [add.key, del.key])) as unknown as [{ event_key: string }[]];
    expect(log.map((r) => r.event_key)).toEqual([add.key, del.key]);
    const effects = await readEffects(pool, table);
    expect(effects.get(add.key)).toBe(1);
    expect(effects.get(del.key)).toBe(1);
    // What users see reflects the newer event: the rep no longer follows the contact.
    const [follows] = (await pool.query(
      'SELECT f.status FROM external_contact_follows f JOIN external_contacts c ON c.id = f.external_contact_id WHERE c.external_userid = ? AND f.wecom_user_id = ?',
      [extId, REP],
    )) as unknown as [{ status: string }[]];
    expect(follows.map((f) => f.status)).toEqual(['ended']);
  });
});

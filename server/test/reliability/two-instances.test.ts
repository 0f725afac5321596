/**
 * Issue 18: two server processes on ONE database, both running the workers, against one WeCom
 * emulator. Every callback is delivered to both (a load balancer retrying on the other node, or
 * WeCom retrying): each is applied once and read from WeCom once; each queued message is sent once.
 */
import { randomBytes } from 'node:crypto';
import type { Pool } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type DbHandle } from '../../src/db/client';
import { DEMO_USERS } from '../../src/seed/org';
import { startWecomEmulator, type WecomEmulator } from '../../src/wecom/emulator/index';
import { sqlErrorCode } from '../../src/http/errors';
import { enqueueMessage } from '../../src/wecom/outbox';
import {
  childEnv,
  COUNT_EFFECTS,
  createEffectTables,
  mapLimit,
  newWecomKeys,
  postEvent,
  readEffects,
  sealContactEvent,
  sleep,
  spawnServer,
  waitFor,
  waitInboxDrained,
  type ServerChild,
  type WecomKeys,
} from './lib';

const EVENTS = 400;
const MESSAGES = 200;
const REP = DEMO_USERS.find((u) => u.role === 'rep')!.wecomUserId;

const databaseUrl = inject('testDatabaseUrl');
const table = `test_effects_two_${randomBytes(3).toString('hex')}`;
const keys: WecomKeys = newWecomKeys();
let emu: WecomEmulator;
let pool: Pool;
let handle: DbHandle;
const servers: ServerChild[] = [];

beforeAll(async () => {
  pool = await createEffectTables(databaseUrl, table);
  handle = openDatabase(databaseUrl, { connectionLimit: 4 });
  emu = await startWecomEmulator({ corpId: keys.corpId, corpSecret: keys.secret, token: keys.token, encodingAesKey: keys.encodingAesKey, agentId: keys.agentId });
  // One after the other: both seed the same demo corp at start-up.
  for (let i = 0; i < 2; i++) {
    servers.push(await spawnServer(childEnv(databaseUrl, keys, emu.url, { TEST_EFFECTS_TABLE: table }), { preload: [COUNT_EFFECTS] }));
  }
}, 120_000);
afterAll(async () => {
  for (const s of servers) await s.kill();
  await emu?.close();
  await pool?.end();
  await handle?.close();
});

describe('two instances with workers on one database', () => {
  it(`each of ${EVENTS} callbacks delivered to both instances is applied once and read from WeCom once`, { timeout: 120_000 }, async () => {
    const [a, b] = servers as [ServerChild, ServerChild];
    const events = Array.from({ length: EVENTS }, (_, i) => {
      const extId = emu.addExternalContact({ userid: REP, name: `双实例客户${i}`, corpName: '某某科技' });
      return { extId, ev: sealContactEvent(keys, 'add_external_contact', REP, extId) };
    });
    const getsBefore = emu.calls.length;
    const acks = await mapLimit(events, 24, async ({ ev }) => {
      const [ra, rb] = await Promise.all([postEvent(a.url, ev), postEvent(b.url, ev)]);
      return ra.acked && rb.acked;
    });
    expect(acks.filter((ok) => !ok).length, 'callbacks not acknowledged by both instances').toBe(0);
    const { counts, drained } = await waitInboxDrained(pool, keys.corpId, 90_000);
    // Let any straggler (a second application, a late WeCom read) land before counting.
    await sleep(1_000);

    const effects = await readEffects(pool, table);
    const notOnce = events.filter(({ ev }) => effects.get(ev.key) !== 1).map(({ ev }) => `${ev.key}×${effects.get(ev.key) ?? 0}`);
    const gets = new Map<string, number>();
    for (const c of emu.calls.slice(getsBefore)) {
      if (c.path === 'cgi-bin/externalcontact/get') gets.set(c.query.external_userid ?? '', (gets.get(c.query.external_userid ?? '') ?? 0) + 1);
    }
    // Each processing attempt reads the contact once (a deadlock retry inside an attempt reuses the
    // read); an attempt that failed (e.g. a timeout under load) is recorded in `attempts`. So two
    // workers on one event would show as more reads than attempts.
    const [inboxRows] = (await pool.query('SELECT payload, attempts FROM wecom_inbox WHERE wecom_corp_id = ?', [keys.corpId])) as unknown as [{ payload: string | Record<string, unknown>; attempts: number }[]];
    const attempts = new Map<string, number>();
    for (const r of inboxRows) {
      const p = typeof r.payload === 'string' ? (JSON.parse(r.payload) as Record<string, unknown>) : r.payload;
      attempts.set(String(p.ExternalUserID), Number(r.attempts) + 1);
    }
    const readNotOnce = events.filter(({ extId }) => gets.get(extId) !== attempts.get(extId)).map(({ extId }) => `${extId}: ${gets.get(extId) ?? 0} reads, ${attempts.get(extId) ?? 0} attempts`);
    const retriedAttempts = [...attempts.values()].filter((n) => n > 1).length;
    // Why attempts failed (the children log each failure at warn), for the record.
    const reasons = new Map<string, number>();
    for (const line of `${a.output()}\n${b.output()}`.split('\n')) {
      if (!line.includes('wecom event failed')) continue;
      const why = /"message":"([^"]{0,120})/.exec(line)?.[1] ?? 'unknown';
      reasons.set(why, (reasons.get(why) ?? 0) + 1);
    }
    console.log(
      '[two-instances] events',
      JSON.stringify({ inbox: counts, eventsRetriedAfterAFailedAttempt: retriedAttempts, failedAttemptReasons: Object.fromEntries(reasons), appliedNotOnce: notOnce.length, appliedTwice: notOnce.filter((s) => !s.endsWith('×0')).length, wecomReadsNotOnce: readNotOnce.length, wecomReads: [...gets.values()].reduce((x, y) => x + y, 0) }),
    );

    const stuck = drained ? [] : ((await pool.query("SELECT id, locked_by AS lockedBy, attempts, last_error AS lastError, next_attempt_at AS nextAttemptAt FROM wecom_inbox WHERE wecom_corp_id = ? AND status <> 'done' LIMIT 20", [keys.corpId]))[0] as unknown[]);
    expect(drained, `${JSON.stringify(counts)} ${JSON.stringify(stuck)}\n--- a ---\n${a.output().slice(-3000)}\n--- b ---\n${b.output().slice(-3000)}`).toBe(true);
    expect(counts).toEqual({ done: EVENTS });
    expect(notOnce, 'events not applied exactly once').toEqual([]);
    expect(readNotOnce, 'externalcontact/get not called exactly once per processing attempt').toEqual([]);
  });

  it(`each of ${MESSAGES} queued messages is sent to WeCom exactly once`, { timeout: 90_000 }, async () => {
    const [corp] = (await pool.query('SELECT id FROM corps WHERE wecom_corp_id = ?', [keys.corpId])) as unknown as [{ id: number }[]];
    const corpId = Number(corp[0]!.id);
    const run = randomBytes(3).toString('hex');
    const contents = Array.from({ length: MESSAGES }, (_, i) => `可靠性消息 ${run} #${i}`);
    // Queued in small bursts while both workers poll, as request transactions would (and, like
    // them, rerun when InnoDB picks the transaction as a deadlock victim against a worker's claim).
    let deadlocks = 0;
    for (let i = 0; i < MESSAGES; i += 20) {
      for (let attempt = 1; ; attempt++) {
        try {
          await handle.db.transaction(async (tx) => {
            for (const content of contents.slice(i, i + 20)) {
              await enqueueMessage(tx, { corpId, toWecomUserIds: [REP], message: { msgtype: 'text', text: { content } }, dedupeKey: `rel:${content}` });
            }
          });
          break;
        } catch (err) {
          if (sqlErrorCode(err) !== 'ER_LOCK_DEADLOCK' || attempt >= 10) throw err;
          deadlocks++;
          await sleep(20 * attempt);
        }
      }
    }
    await waitFor(
      'every queued message to be done',
      async () => {
        const [rows] = (await pool.query("SELECT COUNT(*) AS c FROM wecom_outbox WHERE corp_id = ? AND dedupe_key LIKE ? AND status = 'done'", [corpId, `rel:可靠性消息 ${run} %`])) as unknown as [
          { c: number }[],
        ];
        return Number(rows[0]!.c) === MESSAGES;
      },
      60_000,
      250,
    );
    await sleep(1_000);
    const sent = new Map<string, number>();
    for (const m of emu.state.messages) {
      const c = m.body.text?.content as string | undefined;
      if (c?.includes(run)) sent.set(c, (sent.get(c) ?? 0) + 1);
    }
    const notOnce = contents.filter((c) => sent.get(c) !== 1).map((c) => `${c}×${sent.get(c) ?? 0}`);
    console.log('[two-instances] outbox', JSON.stringify({ queued: MESSAGES, enqueueDeadlocks: deadlocks, sendCalls: [...sent.values()].reduce((x, y) => x + y, 0), notOnce: notOnce.length }));
    expect(notOnce, 'messages not sent exactly once').toEqual([]);
  });
});

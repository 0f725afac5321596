import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { externalContactFollows, externalContacts, wecomInbox } from '../../src/db/schema/index';
import { claimInbox, drainInbox, INBOX_MAX_ATTEMPTS, processInboxRow } from '../../src/wecom/inbox';
import { onWecomEvent } from '../../src/wecom/events';
import { makeInboxDue, startWecomEnv, type WecomEnv } from './env';

// Every change_external_contact event applied here appends one row: a handler side effect that is
// NOT idempotent, so an event applied twice shows as two rows, and the order of application is the
// order of the ids.
const EFFECTS = 'test_inbox_order_effects';
let env: WecomEnv;
let unregister: () => void;
let createTime = 1_700_000_000;

beforeAll(async () => {
  env = await startWecomEnv();
  await env.t.db.execute(sql.raw(`CREATE TABLE IF NOT EXISTS ${EFFECTS} (id BIGINT AUTO_INCREMENT PRIMARY KEY, ext_id VARCHAR(64) NOT NULL, change_type VARCHAR(64) NOT NULL, create_time BIGINT NOT NULL)`));
  unregister = onWecomEvent('change_external_contact', async (ev) => {
    await ev.db.execute(sql`INSERT INTO ${sql.raw(EFFECTS)} (ext_id, change_type, create_time) VALUES (${String(ev.payload.ExternalUserID)}, ${String(ev.payload.ChangeType)}, ${Number(ev.payload.CreateTime)})`);
  });
});
afterAll(async () => {
  unregister?.();
  await env?.close();
});

/** Posts one external-contact callback for `extId` (a fresh CreateTime makes it a distinct event); returns its inbox row id. */
async function push(changeType: string, extId: string, userid = 'rep1') {
  const time = ++createTime;
  const res = await env.emu.pushEvent({ Event: 'change_external_contact', ChangeType: changeType, UserID: userid, ExternalUserID: extId, CreateTime: time }, env.callbackUrl);
  expect(res.status).toBe(200);
  const rows = await env.t.db.select().from(wecomInbox).where(eq(wecomInbox.wecomCorpId, env.corp.wecomCorpId));
  return rows.find((r) => r.payload.ExternalUserID === extId && Number(r.payload.CreateTime) === time)!.id;
}
const effectsOf = async (extId: string) =>
  (await env.t.db.execute(sql`SELECT change_type AS changeType FROM ${sql.raw(EFFECTS)} WHERE ext_id = ${extId} ORDER BY id`))[0] as unknown as { changeType: string }[];
const inboxRow = async (id: number) => (await env.t.db.select().from(wecomInbox).where(eq(wecomInbox.id, id)))[0]!;
async function followStatus(extId: string) {
  const [c] = await env.t.db.select({ id: externalContacts.id }).from(externalContacts).where(and(eq(externalContacts.corpId, env.corp.id), eq(externalContacts.externalUserId, extId)));
  if (!c) return undefined;
  const [f] = await env.t.db.select({ status: externalContactFollows.status }).from(externalContactFollows).where(eq(externalContactFollows.externalContactId, c.id));
  return f?.status;
}

describe('inbox ordering per contact', () => {
  it('an older event that failed once and backs off is not overtaken by a newer due event, and both apply in order once it is due', async () => {
    const extId = env.emu.addExternalContact({ userid: 'rep1', name: '退避客户' });
    env.emu.failNext('cgi-bin/externalcontact/get', 60011, 1);
    const added = await push('add_external_contact', extId);
    await drainInbox(env.t.deps);
    expect(await inboxRow(added)).toMatchObject({ status: 'pending', attempts: 1 });

    // The customer deletes the rep while the add is backing off: the newer event is due now.
    const removed = await push('del_follow_user', extId);
    await drainInbox(env.t.deps);
    expect((await inboxRow(removed)).status).toBe('pending');
    expect(await effectsOf(extId)).toEqual([]);

    // Once the add is due, both run, oldest first — before the fix this key stalled for good.
    await makeInboxDue(env, added);
    await drainInbox(env.t.deps);
    expect((await inboxRow(added)).status).toBe('done');
    expect((await inboxRow(removed)).status).toBe('done');
    expect((await effectsOf(extId)).map((e) => e.changeType)).toEqual(['add_external_contact', 'del_follow_user']);
    // Applied in the other order the add would have re-opened the relation.
    expect(await followStatus(extId)).toBe('ended');
  });

  it("a worker killed after claiming: its lease runs out, the event is applied exactly once and in order, and the dead worker's late finish is refused", async () => {
    const extId = env.emu.addExternalContact({ userid: 'rep2', name: '租约客户' });
    const added = await push('add_external_contact', extId, 'rep2');
    const edited = await push('edit_external_contact', extId, 'rep2');
    // A worker claims the add and "dies" (never finishes).
    const claimed = await claimInbox(env.t.deps, 'w-killed', 100);
    const mine = claimed.find((r) => r.id === added);
    expect(mine).toBeTruthy();
    // Its newer event is not claimable while the add is leased.
    expect(claimed.some((r) => r.id === edited)).toBe(false);
    await drainInbox(env.t.deps);
    expect((await inboxRow(added)).status).toBe('processing');
    expect((await inboxRow(edited)).status).toBe('pending');

    // The lease runs out (time passes for this row only): another worker takes over.
    await env.t.db.update(wecomInbox).set({ nextAttemptAt: env.t.clock.now() }).where(eq(wecomInbox.id, added));
    await drainInbox(env.t.deps);
    expect(await inboxRow(added)).toMatchObject({ status: 'done' });
    expect((await inboxRow(edited)).status).toBe('done');
    // The killed worker comes back with its stale claim: refused, nothing applied twice.
    expect(await processInboxRow(env.t.deps, mine!, 'w-killed')).toBe(false);
    expect((await effectsOf(extId)).map((e) => e.changeType)).toEqual(['add_external_contact', 'edit_external_contact']);
  });

  it(`an event whose worker dies every time becomes a dead letter after ${INBOX_MAX_ATTEMPTS} expired leases, with the reason, and its key moves on`, async () => {
    const extId = env.emu.addExternalContact({ userid: 'rep1', name: '毒丸客户' });
    const poison = await push('add_external_contact', extId);
    const next = await push('edit_external_contact', extId);
    for (let i = 0; i < INBOX_MAX_ATTEMPTS + 1; i++) {
      await claimInbox(env.t.deps, `w-crash-${i}`, 100);
      await env.t.db.update(wecomInbox).set({ nextAttemptAt: env.t.clock.now() }).where(and(eq(wecomInbox.id, poison), eq(wecomInbox.status, 'processing')));
    }
    const dead = await inboxRow(poison);
    expect(dead.status).toBe('dead');
    expect(dead.lastError).toContain('lease expired');
    await drainInbox(env.t.deps);
    expect((await inboxRow(next)).status).toBe('done');
    expect((await effectsOf(extId)).map((e) => e.changeType)).toEqual(['edit_external_contact']);
  });

  it('four workers draining at once: 40 contacts × 4 events each, every event applied exactly once and in order per contact', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push(env.emu.addExternalContact({ userid: i % 2 ? 'rep1' : 'rep2', name: `并发客户${i}` }));
    const kinds = ['add_external_contact', 'edit_external_contact', 'edit_external_contact', 'del_follow_user'];
    for (const kind of kinds) {
      await Promise.all(ids.map((extId, i) => push(kind, extId, i % 2 ? 'rep1' : 'rep2')));
    }
    await Promise.all([0, 1, 2, 3].map(() => drainInbox(env.t.deps, { concurrency: 8 })));
    // A worker that found nothing due while others held the keys stops early; finish the rest.
    while ((await drainInbox(env.t.deps)).processed) {
      /* drained */
    }
    for (const extId of ids) {
      expect((await effectsOf(extId)).map((e) => e.changeType)).toEqual(kinds);
      expect(await followStatus(extId)).toBe('ended');
    }
  });
});

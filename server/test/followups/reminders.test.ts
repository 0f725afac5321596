import { and, eq, like } from 'drizzle-orm';
import { createConnection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { customers, followUps, wecomOutbox } from '../../src/db/schema/index';
import { poolOptions } from '../../src/db/client';
import { runFollowUpRemindersExclusive } from '../../src/modules/followups/reminders';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';

let t: TestServer;
let corp: TestCorp;
let customerId: string;
beforeAll(async () => {
  t = await startTestServer();
  t.clock.set('2026-11-27T09:00:00+08:00');
  corp = await makeCorp(t);
  const [c] = await t.db.insert(customers).values({ corpId: corp.id, name: '提醒客户', nameKey: '提醒客户', ownerId: corp.users.rep1!.id, ownedAt: new Date() }).$returningId();
  customerId = String(c!.id);
});
afterAll(async () => t.close());

const outboxOf = (followUpId: string) =>
  t.db.select().from(wecomOutbox).where(and(eq(wecomOutbox.corpId, corp.id), like(wecomOutbox.dedupeKey, `follow-up-next:${followUpId}:%`)));

async function runPass() {
  const out = await runFollowUpRemindersExclusive(t.deps);
  expect(out).not.toBeNull();
  return out!;
}

describe('next-follow-up reminders', () => {
  it('reminds the author once, through the outbox, when the next follow-up time comes', async () => {
    const rep = corp.users.rep1!;
    const f = await rep.api.post('/api/follow-ups', { customerId, type: 'phone', content: '初次沟通', nextStep: '发送报价', nextFollowUpAt: '2026-11-27T14:00:00+08:00' });
    expect(f.status, JSON.stringify(f.body)).toBe(201);
    await runPass();
    expect(await outboxOf(f.body.id)).toHaveLength(0);

    t.clock.set('2026-11-27T14:05:00+08:00');
    await runPass();
    const rows = await outboxOf(f.body.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.toUsers).toEqual([rep.wecomUserId]);
    expect(rows[0]!.sourceModule).toBe('followups');
    const content = (rows[0]!.message as any).text.content as string;
    expect(content).toContain('提醒客户');
    expect(content).toContain('发送报价');
    expect(content).toContain('2026-11-27 14:00');
    const [row] = await t.db.select().from(followUps).where(eq(followUps.id, Number(f.body.id)));
    expect(row!.remindedAt?.toISOString()).toBe(new Date('2026-11-27T14:05:00+08:00').toISOString());

    t.clock.advance(3600_000);
    await runPass();
    expect(await outboxOf(f.body.id)).toHaveLength(1);
  });

  it('a rescheduled next follow-up is reminded again at its new time', async () => {
    t.clock.set('2026-11-28T09:00:00+08:00');
    const rep = corp.users.rep1!;
    const f = await rep.api.post('/api/follow-ups', { customerId, type: 'wechat', content: '微信沟通', nextFollowUpAt: '2026-11-28T10:00:00+08:00' });
    t.clock.set('2026-11-28T10:01:00+08:00');
    await runPass();
    expect(await outboxOf(f.body.id)).toHaveLength(1);
    const moved = await rep.api.patch(`/api/follow-ups/${f.body.id}`, { nextFollowUpAt: '2026-11-29T10:00:00+08:00' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    await runPass();
    expect(await outboxOf(f.body.id)).toHaveLength(1);
    t.clock.set('2026-11-29T10:00:00+08:00');
    await runPass();
    expect(await outboxOf(f.body.id)).toHaveLength(2);
  });

  it('a next time long past when first seen (after downtime) is marked without a message', async () => {
    t.clock.set('2026-12-01T09:00:00+08:00');
    const rep = corp.users.rep1!;
    const f = await rep.api.post('/api/follow-ups', { customerId, type: 'visit', content: '拜访', nextFollowUpAt: '2026-11-20T10:00:00+08:00' });
    await runPass();
    expect(await outboxOf(f.body.id)).toHaveLength(0);
    const [row] = await t.db.select().from(followUps).where(eq(followUps.id, Number(f.body.id)));
    expect(row!.remindedAt).not.toBeNull();
  });

  it('runs on one instance at a time: while another holds the lock a pass is skipped', async () => {
    const conn = await createConnection(poolOptions(inject('testDatabaseUrl')));
    try {
      const [[got]] = (await conn.query("SELECT GET_LOCK('scrm_follow_up_reminders', 0) AS got")) as any;
      expect(Number(got.got)).toBe(1);
      expect(await runFollowUpRemindersExclusive(t.deps)).toBeNull();
      await conn.query("SELECT RELEASE_LOCK('scrm_follow_up_reminders')");
      expect(await runFollowUpRemindersExclusive(t.deps)).not.toBeNull();
    } finally {
      await conn.end();
    }
  });
});

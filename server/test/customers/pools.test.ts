import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers, poolReclaimReminders, wecomOutbox } from '../../src/db/schema/index';
import { runPoolReclaim } from '../../src/modules/pools/reclaim';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';

let t: TestServer;
const DAY = 86_400_000;

/** A fresh corp with one customer pool configured by `rules`, and `n` pool customers. */
async function setup(rules: Record<string, unknown>, n: number, grade?: string) {
  const corp = await makeCorp(t);
  const pool = await corp.users.admin!.api.post('/api/pools', { entityType: 'customer', name: '公海', isDefault: true, ...rules });
  expect(pool.status).toBe(201);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await corp.users.admin!.api.post('/api/customers', { name: `公海客户${i}-${corp.id}`, ownerId: null, grade });
    expect(res.status).toBe(201);
    ids.push(res.body.id);
  }
  return { corp, poolId: pool.body.id as string, ids };
}
const act = (corp: TestCorp, who: string, id: string, action: string, body: Record<string, unknown> = {}) =>
  corp.users[who]!.api.post(`/api/customers/${id}/actions/${action}`, body);

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t.close());

describe('pool rules', () => {
  it('exactly one of seven concurrent claims wins; the others get 409', async () => {
    const { corp, ids } = await setup({}, 1);
    const users = ['admin', 'manager', 'rep1', 'rep2', 'rep3', 'manager2', 'rep9'];
    const results = await Promise.all(users.map((w) => act(corp, w, ids[0]!, 'claim')));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    const losers = results.filter((r) => r.status !== 200);
    expect(losers).toHaveLength(6);
    for (const r of losers) expect(r.status).toBe(409);
  });

  it('the daily claim cap holds under concurrency (pool_claim_daily_limit)', async () => {
    const { corp, ids } = await setup({ claimDailyLimit: 2 }, 5);
    const results = await Promise.all(ids.map((id) => act(corp, 'rep1', id, 'claim')));
    expect(results.filter((r) => r.status === 200)).toHaveLength(2);
    for (const r of results.filter((x) => x.status !== 200)) expect(r.body.error.code).toBe('pool_claim_daily_limit');
  });

  it('the hold cap counts records held (pool_hold_limit), per grade too', async () => {
    const { corp, ids } = await setup({ holdLimit: 1 }, 2);
    expect((await act(corp, 'rep1', ids[0]!, 'claim')).status).toBe(200);
    const second = await act(corp, 'rep1', ids[1]!, 'claim');
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('pool_hold_limit');
    const g = await setup({ rules: [{ grade: 'A', holdLimit: 1 }] }, 2, 'A');
    expect((await act(g.corp, 'rep1', g.ids[0]!, 'claim')).status).toBe(200);
    expect((await act(g.corp, 'rep1', g.ids[1]!, 'claim')).body.error.code).toBe('pool_hold_limit');
  });

  it('a returned customer cannot be reclaimed by its previous owner within the cooldown', async () => {
    const { corp, ids } = await setup({ cooldownDays: 3 }, 1);
    t.clock.set('2026-11-27T02:00:00Z');
    try {
      expect((await act(corp, 'rep1', ids[0]!, 'claim')).status).toBe(200);
      const noReason = await act(corp, 'rep1', ids[0]!, 'return');
      expect(noReason.body.error.code).toBe('reason_required');
      expect((await act(corp, 'rep1', ids[0]!, 'return', { reason: '客户无意向' })).status).toBe(200);
      expect((await act(corp, 'rep1', ids[0]!, 'claim')).body.error.code).toBe('pool_claim_cooldown');
      t.clock.advance(3 * DAY + 1000);
      expect((await act(corp, 'rep1', ids[0]!, 'claim')).status).toBe(200);
    } finally {
      t.clock.reset();
    }
  });

  it('locked customers cannot be returned or reclaimed; discard needs a reason and restore brings it back', async () => {
    const { corp, ids } = await setup({}, 1);
    expect((await act(corp, 'rep1', ids[0]!, 'claim')).status).toBe(200);
    await corp.users.rep1!.api.patch(`/api/customers/${ids[0]}`, { locked: true });
    expect((await act(corp, 'rep1', ids[0]!, 'return', { reason: 'x' })).body.error.code).toBe('customer_locked');
    expect((await act(corp, 'manager', ids[0]!, 'reclaim')).body.error.code).toBe('customer_locked');
    await corp.users.rep1!.api.patch(`/api/customers/${ids[0]}`, { locked: false });
    expect((await act(corp, 'rep1', ids[0]!, 'discard')).body.error.code).toBe('reason_required');
    expect((await act(corp, 'rep1', ids[0]!, 'discard', { reason: '空号' })).status).toBe(200);
    expect((await act(corp, 'rep1', ids[0]!, 'claim')).body.error.code).toBe('record_discarded');
    expect((await act(corp, 'manager', ids[0]!, 'restore')).status).toBe(200);
    expect((await act(corp, 'rep1', ids[0]!, 'claim')).status).toBe(200);
  });

  it('transfer moves ownership, is logged, and a rep cannot act on another rep’s customer', async () => {
    const { corp, ids } = await setup({}, 1);
    await act(corp, 'rep1', ids[0]!, 'claim');
    expect((await act(corp, 'rep2', ids[0]!, 'transfer', { toUserId: String(corp.users.rep2!.id) })).status).toBe(404);
    const res = await act(corp, 'rep1', ids[0]!, 'transfer', { toUserId: String(corp.users.rep2!.id), reason: '交接' });
    expect(res.body.ownerId).toBe(String(corp.users.rep2!.id));
    const log = (await corp.users.rep2!.api.get(`/api/customers/${ids[0]}/actions`)).body.items;
    expect(log.map((a: { action: string }) => a.action)).toEqual(['create', 'claim', 'transfer']);
    const stats = await corp.users.admin!.api.get('/api/ownership-actions/stats?groupBy=action');
    expect(stats.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'transfer', count: 1 })]));
    const bulk = await corp.users.manager!.api.post('/api/customers/bulk-actions', { ids: [ids[0]], action: 'transfer', toUserId: String(corp.users.rep3!.id) });
    expect(bulk.body).toMatchObject({ succeeded: 1, failed: 0 });
  });
});

describe('automatic reclaim', () => {
  it('reclaims after N days without follow-up, reminds X days before, exempts locked customers', async () => {
    const { corp, ids } = await setup({ rules: [{ grade: '', reclaimNoFollowUpDays: 10, remindDaysBefore: 2 }] }, 2);
    t.clock.set('2026-11-01T00:00:00Z');
    try {
      await act(corp, 'rep1', ids[0]!, 'claim');
      await act(corp, 'rep1', ids[1]!, 'claim');
      await corp.users.rep1!.api.patch(`/api/customers/${ids[1]}`, { locked: true });
      expect(await runPoolReclaim(t.db, new Date('2026-11-05T00:00:00Z'), { corpId: corp.id })).toEqual({ reclaimed: 0, reminded: 0 });
      const remind = await runPoolReclaim(t.db, new Date('2026-11-09T12:00:00Z'), { corpId: corp.id });
      expect(remind).toEqual({ reclaimed: 0, reminded: 1 });
      expect((await runPoolReclaim(t.db, new Date('2026-11-09T13:00:00Z'), { corpId: corp.id })).reminded).toBe(0);
      const reminders = await t.db.select().from(poolReclaimReminders).where(eq(poolReclaimReminders.corpId, corp.id));
      expect(reminders).toHaveLength(1);
      const msgs = await t.db.select().from(wecomOutbox).where(eq(wecomOutbox.corpId, corp.id));
      expect(msgs).toHaveLength(1);
      expect(await runPoolReclaim(t.db, new Date('2026-11-11T00:00:01Z'), { corpId: corp.id })).toMatchObject({ reclaimed: 1 });
      const [row] = await t.db.select().from(customers).where(and(eq(customers.corpId, corp.id), eq(customers.id, Number(ids[0]))));
      expect(row!.ownerId).toBeNull();
      const [locked] = await t.db.select().from(customers).where(eq(customers.id, Number(ids[1])));
      expect(locked!.ownerId).toBe(corp.users.rep1!.id);
      const log = (await corp.users.admin!.api.get(`/api/customers/${ids[0]}/actions`)).body.items;
      expect(log.find((a: { action: string }) => a.action === 'reclaim'), JSON.stringify(log)).toMatchObject({ action: 'reclaim', actorId: null, rule: 'auto_no_follow_up' });
    } finally {
      t.clock.reset();
    }
  });

  it('a follow-up restarts the clock', async () => {
    const { corp, ids } = await setup({ rules: [{ grade: '', reclaimNoFollowUpDays: 10 }] }, 1);
    t.clock.set('2026-11-01T00:00:00Z');
    try {
      await act(corp, 'rep1', ids[0]!, 'claim');
      t.clock.set('2026-11-08T00:00:00Z');
      await corp.users.rep1!.api.post('/api/follow-ups', { customerId: ids[0], type: 'wechat', content: '微信沟通' });
      expect((await runPoolReclaim(t.db, new Date('2026-11-12T00:00:00Z'), { corpId: corp.id })).reclaimed).toBe(0);
      expect((await runPoolReclaim(t.db, new Date('2026-11-18T00:00:01Z'), { corpId: corp.id })).reclaimed).toBe(1);
    } finally {
      t.clock.reset();
    }
  });
});

describe('lead actions share the engine', () => {
  it('claims a pool lead and applies the same rule codes', async () => {
    const corp = await makeCorp(t);
    const pool = await corp.users.admin!.api.post('/api/pools', { entityType: 'lead', name: '线索池', claimDailyLimit: 1 });
    const { leads } = await import('../../src/db/schema/index');
    const now = new Date();
    const ids: number[] = [];
    for (const name of ['甲', '乙']) {
      const [row] = await t.db.insert(leads).values({ corpId: corp.id, name, poolId: Number(pool.body.id), createdAt: now, updatedAt: now }).$returningId();
      ids.push(row!.id);
    }
    expect((await corp.users.rep1!.api.post(`/api/leads/${ids[0]}/actions/claim`)).status).toBe(200);
    const second = await corp.users.rep1!.api.post(`/api/leads/${ids[1]}/actions/claim`);
    expect(second.body.error.code).toBe('pool_claim_daily_limit');
    expect((await corp.users.rep9!.api.post(`/api/leads/${ids[0]}/actions/return`, { reason: 'x' })).status).toBe(404);
    expect((await corp.users.rep1!.api.post(`/api/leads/${ids[0]}/actions/return`)).body.error.code).toBe('reason_required');
  });
});

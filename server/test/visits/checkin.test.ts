import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers, followUps, wecomOutbox } from '../../src/db/schema/index';
import { runVisitReminders } from '../../src/modules/visits/reminders';
import { haversineMeters } from '../../src/modules/visits/rules';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';
import { makeCustomer, northOf, planVisit, SITE } from './fixtures';

let t: TestServer;
let corp: TestCorp;
let customerId: string;
const NOW = '2026-11-27T02:00:00.000Z'; // 10:00 in Shanghai

beforeAll(async () => {
  t = await startTestServer();
  corp = await makeCorp(t);
  customerId = await makeCustomer(t, corp, corp.users.rep1!);
});
afterAll(async () => t.close());

const rep1 = () => corp.users.rep1!;

describe('distance and window flags', () => {
  it('haversine agrees with a known distance (静安寺 → 人民广场 ≈ 3.2 km)', () => {
    const d = haversineMeters(SITE, { latitude: 31.2304, longitude: 121.4737 });
    expect(d).toBeGreaterThan(2700);
    expect(d).toBeLessThan(2900);
  });

  it('a check-in on site and on time carries no flag, at server time', async () => {
    t.clock.set(NOW);
    const v = await planVisit(t, rep1(), customerId);
    expect(v.status).toBe('planned');
    const res = await rep1().api.post(`/api/visits/${v.id}/check-in`, { ...northOf(120), accuracy: 20 });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('in_progress');
    expect(res.body.checkIn.flags).toEqual([]);
    expect(res.body.checkIn.distanceMeters).toBeGreaterThanOrEqual(115);
    expect(res.body.checkIn.distanceMeters).toBeLessThanOrEqual(125);
    expect(res.body.checkIn.at).toBe('2026-11-27T10:00:00.000+08:00');
  });

  it('beyond the 500 m radius is flagged out_of_range', async () => {
    t.clock.set(NOW);
    const v = await planVisit(t, rep1(), customerId);
    const res = await rep1().api.post(`/api/visits/${v.id}/check-in`, northOf(800));
    expect(res.body.checkIn.flags).toEqual(['out_of_range']);
    expect(res.body.checkIn.distanceMeters).toBeGreaterThan(790);
  });

  it('outside the planned window (beyond 30 min grace) is flagged outside_window', async () => {
    t.clock.set(NOW);
    const v = await planVisit(t, rep1(), customerId, {}, 120);
    const res = await rep1().api.post(`/api/visits/${v.id}/check-in`, northOf(10));
    expect(res.body.checkIn.flags).toEqual(['outside_window']);
    const early = await planVisit(t, rep1(), customerId, {}, 20);
    expect((await rep1().api.post(`/api/visits/${early.id}/check-in`, northOf(10))).body.checkIn.flags).toEqual([]);
  });

  it('without a location the check-in still goes through, flagged location_missing', async () => {
    t.clock.set(NOW);
    const v = await planVisit(t, rep1(), customerId);
    const res = await rep1().api.post(`/api/visits/${v.id}/check-in`, { locationError: 'denied' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('in_progress');
    expect(res.body.checkIn.flags).toEqual(['location_missing']);
    expect(res.body.checkIn.distanceMeters).toBeNull();
  });

  it('half a coordinate pair is a 400 naming the field', async () => {
    const v = await planVisit(t, rep1(), customerId);
    const res = await rep1().api.post(`/api/visits/${v.id}/check-in`, { latitude: 31.2 });
    expect(res.status).toBe(400);
    expect(res.body.error.details.some((d: { path: string }) => d.path.includes('longitude'))).toBe(true);
  });

  it('the radius is configurable per corp by an admin', async () => {
    t.clock.set(NOW);
    expect((await rep1().api.patch('/api/visit-settings', { radiusMeters: 2000 })).status).toBe(403);
    const set = await corp.users.admin!.api.patch('/api/visit-settings', { radiusMeters: 2000 });
    expect(set.body.radiusMeters).toBe(2000);
    const v = await planVisit(t, rep1(), customerId);
    expect((await rep1().api.post(`/api/visits/${v.id}/check-in`, northOf(1500))).body.checkIn.flags).toEqual([]);
    await corp.users.admin!.api.patch('/api/visit-settings', { radiusMeters: 500 });
  });

  it('a customer without coordinates is flagged customer_location_unknown, not out_of_range', async () => {
    t.clock.set(NOW);
    const bare = await makeCustomer(t, corp, rep1(), { noLocation: true });
    const v = await planVisit(t, rep1(), bare);
    expect((await rep1().api.post(`/api/visits/${v.id}/check-in`, northOf(10))).body.checkIn.flags).toEqual(['customer_location_unknown']);
  });

  it('a planned visit whose window has passed shows as missed in the schedule', async () => {
    t.clock.set(NOW);
    const v = await planVisit(t, rep1(), customerId, {}, -240);
    const day = await rep1().api.get('/api/visits/schedule?view=day&date=2026-11-27');
    expect(day.status).toBe(200);
    expect(day.body.items.find((i: { id: string }) => i.id === v.id).status).toBe('missed');
    expect(day.body.counts.missed).toBeGreaterThanOrEqual(1);
    const week = await rep1().api.get('/api/visits/schedule?view=week&date=2026-11-27');
    expect(week.body.from).toBe('2026-11-22T16:00:00.000Z'); // Monday 00:00 Shanghai
    expect((await rep1().api.get('/api/visits?status=missed')).body.items.map((i: { id: string }) => i.id)).toContain(v.id);
  });
});

describe('idempotent retries', () => {
  it('a retried check-in with the same Idempotency-Key replays; without it, 409 already_checked_in', async () => {
    t.clock.set(NOW);
    const v = await planVisit(t, rep1(), customerId);
    const key = { 'idempotency-key': `ci-${v.id}` };
    const first = await rep1().api.post(`/api/visits/${v.id}/check-in`, northOf(50), key);
    t.clock.advance(30_000);
    const retry = await rep1().api.post(`/api/visits/${v.id}/check-in`, northOf(50), key);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.checkIn.at).toBe(first.body.checkIn.at);
    const again = await rep1().api.post(`/api/visits/${v.id}/check-in`, northOf(50));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_checked_in');
  });

  it('check-out records the duration; a second check-out is 409 already_checked_out', async () => {
    t.clock.set(NOW);
    const v = await planVisit(t, rep1(), customerId);
    expect((await rep1().api.post(`/api/visits/${v.id}/check-out`, northOf(10))).body.error.code).toBe('not_checked_in');
    await rep1().api.post(`/api/visits/${v.id}/check-in`, northOf(10));
    t.clock.advance(45 * 60_000);
    const out = await rep1().api.post(`/api/visits/${v.id}/check-out`, northOf(10), { 'idempotency-key': `co-${v.id}` });
    expect(out.body.status).toBe('done');
    expect(out.body.durationSeconds).toBe(2700);
    const replay = await rep1().api.post(`/api/visits/${v.id}/check-out`, northOf(10), { 'idempotency-key': `co-${v.id}` });
    expect(replay.body.durationSeconds).toBe(2700);
    expect((await rep1().api.post(`/api/visits/${v.id}/check-out`, northOf(10))).body.error.code).toBe('already_checked_out');
  });

  it('a retried record creates one follow-up on the customer timeline and updates its rollups', async () => {
    t.clock.set(NOW);
    const cust = await makeCustomer(t, corp, rep1());
    const v = await planVisit(t, rep1(), cust);
    await rep1().api.post(`/api/visits/${v.id}/check-in`, northOf(10));
    const body = { summary: '客户认可方案，约定下周报价', outcome: 'advanced', nextSteps: '准备报价单', nextFollowUpAt: '2026-12-03T10:00:00+08:00' };
    const key = { 'idempotency-key': `rec-${v.id}` };
    const first = await rep1().api.post(`/api/visits/${v.id}/record`, body, key);
    expect(first.status).toBe(200);
    expect(first.body.record.followUpId).toMatch(/^\d+$/);
    expect((await rep1().api.post(`/api/visits/${v.id}/record`, body, key)).headers.get('idempotent-replayed')).toBe('true');
    expect((await rep1().api.post(`/api/visits/${v.id}/record`, body)).body.error.code).toBe('already_recorded');
    const rows = await t.db.select().from(followUps).where(and(eq(followUps.corpId, corp.id), eq(followUps.customerId, Number(cust))));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.type).toBe('visit');
    expect(rows[0]!.content).toContain('客户认可方案');
    const [c] = await t.db.select().from(customers).where(eq(customers.id, Number(cust)));
    expect(c!.followUpCount).toBe(1);
    expect(c!.lastFollowUpAt?.toISOString()).toBe(NOW);
    expect(c!.nextFollowUpAt?.toISOString()).toBe('2026-12-03T02:00:00.000Z');
  });
});

describe('reminders', () => {
  it('queues one WeCom reminder per visit starting within 30 minutes', async () => {
    t.clock.set(NOW);
    const soon = await planVisit(t, rep1(), customerId, {}, 20);
    const later = await planVisit(t, rep1(), customerId, {}, 180);
    await runVisitReminders(t.deps);
    await runVisitReminders(t.deps);
    const rows = await t.db.select().from(wecomOutbox).where(eq(wecomOutbox.corpId, corp.id));
    const keys = rows.map((r) => r.dedupeKey);
    expect(keys.filter((k) => k === `visit:${soon.id}:reminder`)).toHaveLength(1);
    expect(keys).not.toContain(`visit:${later.id}:reminder`);
    expect(rows.find((r) => r.dedupeKey === `visit:${soon.id}:reminder`)!.toUsers).toEqual(['rep1']);
  });
});

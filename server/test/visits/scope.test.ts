import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCorp, startTestServer, type TestCorp, type TestServer, type TestUser } from '../harness';
import { makeCustomer, northOf, planVisit, PNG_1PX } from './fixtures';

let t: TestServer;
let corp: TestCorp;
const NOW = '2026-11-27T02:00:00.000Z';
const u = (k: string) => corp.users[k]!;

beforeAll(async () => {
  t = await startTestServer();
  corp = await makeCorp(t);
  t.clock.set(NOW);
});
afterAll(async () => t.close());

async function uploadRaw(user: TestUser, body: Buffer, contentType: string) {
  const res = await fetch(`${t.url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${user.token}`, 'content-type': contentType }, body });
  return { status: res.status, body: (await res.json()) as any };
}

describe('data scope', () => {
  let rep1Visit: string;
  let rep3Visit: string;
  beforeAll(async () => {
    rep1Visit = (await planVisit(t, u('rep1'), await makeCustomer(t, corp, u('rep1')))).id;
    rep3Visit = (await planVisit(t, u('rep3'), await makeCustomer(t, corp, u('rep3')))).id;
  });

  it("a rep cannot see another rep's visit (404, not 403)", async () => {
    const res = await u('rep2').api.get(`/api/visits/${rep1Visit}`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
    expect((await u('rep2').api.post(`/api/visits/${rep1Visit}/check-in`, northOf(0))).status).toBe(404);
    const all = await u('rep2').api.get('/api/visits?scope=all');
    expect(all.body.items.map((i: { id: string }) => i.id)).not.toContain(rep1Visit);
  });

  it('a rep lists only own visits', async () => {
    const mine = await u('rep1').api.get('/api/visits');
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.every((i: { assigneeId: string }) => i.assigneeId === String(u('rep1').id))).toBe(true);
  });

  it("a leader sees the subtree's visits (nested 一组 included), another department's leader does not", async () => {
    const team = await u('manager').api.get('/api/visits/schedule?view=day&date=2026-11-27&scope=team');
    const ids = team.body.items.map((i: { id: string }) => i.id);
    expect(ids).toEqual(expect.arrayContaining([rep1Visit, rep3Visit]));
    expect((await u('manager').api.get(`/api/visits/${rep3Visit}`)).status).toBe(200);
    expect((await u('manager2').api.get(`/api/visits/${rep1Visit}`)).status).toBe(404);
    expect((await u('admin').api.get(`/api/visits/${rep3Visit}`)).status).toBe(200);
  });

  it('a leader assigns a visit inside the team; a rep cannot assign to others; nobody assigns outside their scope', async () => {
    const cust = await makeCustomer(t, corp, u('rep3'));
    const assigned = await planVisit(t, u('manager'), cust, { assigneeId: String(u('rep3').id) });
    expect(assigned.assigneeId).toBe(String(u('rep3').id));
    expect(assigned.createdById).toBe(String(u('manager').id));
    expect((await u('rep3').api.get(`/api/visits/${assigned.id}`)).status).toBe(200);
    const base = { customerId: cust, purpose: 'x', plannedStart: '2026-11-28T10:00:00+08:00', plannedEnd: '2026-11-28T11:00:00+08:00' };
    expect((await u('rep1').api.post('/api/visits', { ...base, customerId: await makeCustomer(t, corp, u('rep1')), assigneeId: String(u('rep2').id) })).status).toBe(403);
    const outside = await u('manager').api.post('/api/visits', { ...base, assigneeId: String(u('rep9').id) });
    expect(outside.status).toBe(400);
    expect(outside.body.error.details[0].path).toBe('body.assigneeId');
  });

  it("a rep cannot plan a visit to a customer outside their scope", async () => {
    const other = await makeCustomer(t, corp, u('rep2'));
    const res = await u('rep1').api.post('/api/visits', { customerId: other, purpose: 'x', plannedStart: '2026-11-28T10:00:00+08:00', plannedEnd: '2026-11-28T11:00:00+08:00' });
    expect(res.status).toBe(404);
  });

  it('a plan whose end is before its start is a 400 on plannedEnd, in Chinese', async () => {
    const res = await u('rep1').api.post('/api/visits', { customerId: await makeCustomer(t, corp, u('rep1')), purpose: 'x', plannedStart: '2026-11-28T11:00:00+08:00', plannedEnd: '2026-11-28T10:00:00+08:00' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error.details)).toContain('计划结束时间必须晚于开始时间');
  });
});

describe('manager review', () => {
  it('only a leader of the assignee reviews, once; the pending list follows', async () => {
    const v = await planVisit(t, u('rep1'), await makeCustomer(t, corp, u('rep1')));
    await u('rep1').api.post(`/api/visits/${v.id}/check-in`, northOf(10));
    expect((await u('manager').api.post(`/api/visits/${v.id}/review`, { rating: 4 })).body.error.code).toBe('not_recorded');
    await u('rep1').api.post(`/api/visits/${v.id}/record`, { summary: '拜访顺利', outcome: 'maintained' });
    const pending = await u('manager').api.get('/api/visits/reviews/pending');
    expect(pending.body.items.map((i: { id: string }) => i.id)).toContain(v.id);
    expect((await u('manager2').api.get('/api/visits/reviews/pending')).body.items.map((i: { id: string }) => i.id)).not.toContain(v.id);
    expect((await u('rep1').api.get('/api/visits/reviews/pending')).body.items).toEqual([]);
    expect((await u('rep1').api.post(`/api/visits/${v.id}/review`, { rating: 5 })).status).toBe(403);
    expect((await u('manager').api.post(`/api/visits/${v.id}/review`, { rating: 6 })).status).toBe(400);
    const ok = await u('manager').api.post(`/api/visits/${v.id}/review`, { rating: 4, comment: '记录清晰' });
    expect(ok.body.review).toMatchObject({ rating: 4, comment: '记录清晰', reviewerId: String(u('manager').id) });
    expect((await u('manager').api.post(`/api/visits/${v.id}/review`, { rating: 3 })).body.error.code).toBe('already_reviewed');
    expect((await u('manager').api.get('/api/visits/reviews/pending')).body.items.map((i: { id: string }) => i.id)).not.toContain(v.id);
  });

  it('only the assignee checks in (a leader who can see the visit gets 403)', async () => {
    const v = await planVisit(t, u('rep1'), await makeCustomer(t, corp, u('rep1')));
    expect((await u('manager').api.post(`/api/visits/${v.id}/check-in`, northOf(0))).status).toBe(403);
  });
});

describe('photos and upload limits', () => {
  it('a PNG uploaded through /api/files becomes the check-in photo, served only to callers in scope', async () => {
    const v = await planVisit(t, u('rep1'), await makeCustomer(t, corp, u('rep1')));
    const up = await uploadRaw(u('rep1'), PNG_1PX, 'image/png');
    expect(up.status).toBe(201);
    const res = await u('rep1').api.post(`/api/visits/${v.id}/check-in`, { ...northOf(5), photoFileId: up.body.id });
    expect(res.status).toBe(200);
    expect(res.body.checkIn.photoFileId).toBe(up.body.id);
    const url = res.body.checkIn.photoUrl as string;
    const get = (user: TestUser) => fetch(`${t.url}${url}`, { headers: { authorization: `Bearer ${user.token}` } });
    expect((await get(u('manager'))).status).toBe(200);
    expect((await get(u('rep2'))).status).toBe(404);
    expect((await get(u('manager2'))).status).toBe(404);
  });

  it('a non-image is 415 and over 10 MB is 413, each with a Chinese message', async () => {
    const txt = await uploadRaw(u('rep1'), Buffer.from('hello'), 'text/plain');
    expect(txt.status).toBe(415);
    expect(txt.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0);
    PNG_1PX.copy(big);
    const tooBig = await uploadRaw(u('rep1'), big, 'image/png');
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.message).toMatch(/10 MB/);
  });

  it("a PDF, or someone else's file, is not accepted as a check-in photo", async () => {
    const v = await planVisit(t, u('rep1'), await makeCustomer(t, corp, u('rep1')));
    const pdf = await uploadRaw(u('rep1'), Buffer.from('%PDF-1.4\n%%EOF\n'), 'application/pdf');
    expect(pdf.status).toBe(201);
    const res = await u('rep1').api.post(`/api/visits/${v.id}/check-in`, { ...northOf(5), photoFileId: pdf.body.id });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('body.photoFileId');
    const others = await uploadRaw(u('rep2'), PNG_1PX, 'image/png');
    expect((await u('rep1').api.post(`/api/visits/${v.id}/check-in`, { ...northOf(5), photoFileId: others.body.id })).status).toBe(400);
  });
});

describe('statistics', () => {
  it('counts visits per rep per week, on-site rate and duration; lists customers not visited', async () => {
    const cust = await makeCustomer(t, corp, u('rep2'));
    const neverVisited = await makeCustomer(t, corp, u('rep2'));
    const a = await planVisit(t, u('rep2'), cust);
    await u('rep2').api.post(`/api/visits/${a.id}/check-in`, northOf(10));
    t.clock.advance(30 * 60_000);
    await u('rep2').api.post(`/api/visits/${a.id}/check-out`, northOf(10));
    const b = await planVisit(t, u('rep2'), cust);
    await u('rep2').api.post(`/api/visits/${b.id}/check-in`, northOf(3000));
    t.clock.set(NOW);
    const res = await u('manager').api.get('/api/visits/stats?weeks=2&notVisitedDays=30');
    expect(res.status).toBe(200);
    const rep2 = res.body.reps.find((r: { userId: string }) => r.userId === String(u('rep2').id));
    expect(rep2.perWeek).toEqual([0, 2]);
    expect(rep2.checkedIn).toBe(2);
    expect(rep2.onSiteRate).toBe(0.5);
    expect(rep2.avgDurationMinutes).toBe(30);
    const stale = res.body.notVisited.map((c: { customerId: string }) => c.customerId);
    expect(stale).toContain(neverVisited);
    expect(stale).not.toContain(cust);
    expect((await u('rep1').api.get('/api/visits/stats')).body.reps.map((r: { userId: string }) => r.userId)).toEqual([String(u('rep1').id)]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers, visits } from '../../src/db/schema/index';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';

let t: TestServer;
let corp: TestCorp;
beforeAll(async () => {
  t = await startTestServer();
  corp = await makeCorp(t);
  t.clock.set('2026-11-27T10:00:00+08:00');
});
afterAll(async () => t.close());
const u = (k: string) => corp.users[k]!;

describe('work reports', () => {
  it('a rep reports to the leader once per period; the leader comments; missing lists who has not', async () => {
    const res = await u('rep1').api.post('/api/reports', { type: 'daily', date: '2026-11-27', done: '拜访客户', plans: '报价', problems: '' });
    expect(res.status).toBe(201);
    expect(res.body.toUserId).toBe(String(u('manager').id));
    expect(res.body.autoSummary.unavailable).toEqual([]);
    const dup = await u('rep1').api.post('/api/reports', { type: 'daily', date: '2026-11-27' });
    expect(dup.body.error.code).toBe('report_exists');
    const c = await u('manager').api.post(`/api/reports/${res.body.id}/comments`, { body: '好，继续跟进' });
    expect(c.status).toBe(201);
    expect(c.body.comments[0].body).toBe('好，继续跟进');
    expect((await u('rep2').api.get(`/api/reports/${res.body.id}`)).status).toBe(404);
    const missing = await u('manager').api.get('/api/reports/missing?type=daily&date=2026-11-27');
    const names = missing.body.items.map((i: any) => i.id);
    expect(names).toEqual(expect.arrayContaining([String(u('rep2').id), String(u('rep3').id)]));
    expect(names).not.toContain(String(u('rep1').id));
    const week = await u('rep2').api.post('/api/reports', { type: 'weekly', date: '2026-11-27' });
    expect(week.body).toMatchObject({ periodStart: '2026-11-23', periodEnd: '2026-11-29' });
    const team = await u('manager').api.get('/api/reports?scope=team');
    expect(team.body.items.length).toBe(2);
  });

  it('auto-fills the period’s checked-in visits and the author’s stage moves', async () => {
    const rep = u('rep3');
    const [c] = await t.db.insert(customers).values({ corpId: corp.id, name: '周报客户', nameKey: '周报客户', ownerId: rep.id, ownedAt: new Date() }).$returningId();
    const at = (iso: string) => new Date(iso);
    const visit = (checkIn: string | null) => ({
      corpId: corp.id,
      customerId: c!.id,
      assigneeId: rep.id,
      createdBy: rep.id,
      purpose: '上门演示',
      plannedStart: at('2026-11-25T10:00:00+08:00'),
      plannedEnd: at('2026-11-25T11:00:00+08:00'),
      status: (checkIn ? 'done' : 'planned') as 'done' | 'planned',
      checkInAt: checkIn ? at(checkIn) : null,
    });
    // two checked in this week, one only planned, one checked in the week before
    await t.db.insert(visits).values([visit('2026-11-25T10:05:00+08:00'), visit('2026-11-26T15:00:00+08:00'), visit(null), visit('2026-11-20T10:00:00+08:00')]);
    t.clock.set('2026-11-26T09:00:00+08:00');
    const o = await rep.api.post('/api/opportunities', { customerId: String(c!.id), name: '年框', amount: 50_000 });
    expect(o.status, JSON.stringify(o.body)).toBe(201);
    const lost = (await rep.api.get('/api/stage-sets')).body.items[0].stages.find((s: any) => s.key === 'lost');
    expect((await rep.api.post(`/api/opportunities/${o.body.id}/actions/move-stage`, { stageId: lost.id, lostReason: '预算取消' })).status).toBe(200);
    t.clock.set('2026-11-27T10:00:00+08:00');

    const week = await rep.api.post('/api/reports', { type: 'weekly', date: '2026-11-27' });
    expect(week.status, JSON.stringify(week.body)).toBe(201);
    expect(week.body.autoSummary).toMatchObject({ visits: 2, stageMoves: 1, unavailable: [] });
    expect(week.body.autoSummary.lines).toEqual(expect.arrayContaining(['拜访客户 2 次：周报客户', '商机推进 1 次：年框（初步接洽 → 输单）']));
    const day = await rep.api.post('/api/reports', { type: 'daily', date: '2026-11-25' });
    expect(day.body.autoSummary).toMatchObject({ visits: 1, stageMoves: 0 });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    expect(res.body.autoSummary.unavailable).toEqual(['visits', 'stageMoves']);
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
});

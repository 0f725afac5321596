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

describe('work report comment counts', () => {
  it('list items carry commentCount per report; the detail and the comment answer agree', async () => {
    const a = await u('rep1').api.post('/api/reports', { type: 'daily', date: '2026-11-27', done: '拜访', plans: '', problems: '' });
    const b = await u('rep2').api.post('/api/reports', { type: 'daily', date: '2026-11-27', done: '报价', plans: '', problems: '' });
    const c = await u('rep3').api.post('/api/reports', { type: 'weekly', date: '2026-11-27', done: '周总结', plans: '', problems: '' });
    for (const r of [a, b, c]) {
      expect(r.status).toBe(201);
      expect(r.body.commentCount).toBe(0);
    }
    expect((await u('manager').api.post(`/api/reports/${a.body.id}/comments`, { body: '好' })).body.commentCount).toBe(1);
    const second = await u('admin').api.post(`/api/reports/${a.body.id}/comments`, { body: '继续' });
    expect(second.body.commentCount).toBe(2);
    await u('manager').api.post(`/api/reports/${c.body.id}/comments`, { body: '收到' });

    const team = await u('manager').api.get('/api/reports?scope=team');
    expect(team.status).toBe(200);
    const byId = new Map(team.body.items.map((i: any) => [i.id, i.commentCount]));
    expect(Object.fromEntries(byId)).toEqual({ [a.body.id]: 2, [b.body.id]: 0, [c.body.id]: 1 });
    expect(team.body.items[0].comments).toBeUndefined();
    expect((await u('rep1').api.get(`/api/reports/${a.body.id}`)).body).toMatchObject({ commentCount: 2 });

    const paged = await u('manager').api.get('/api/reports?scope=team&limit=1');
    expect(paged.body.items).toHaveLength(1);
    expect(paged.body.items[0].commentCount).toBe(byId.get(paged.body.items[0].id));
  });
});

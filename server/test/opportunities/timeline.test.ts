import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers } from '../../src/db/schema/index';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';

let t: TestServer;
let corp: TestCorp;
beforeAll(async () => {
  t = await startTestServer();
  t.clock.set('2026-11-27T02:00:00Z');
  corp = await makeCorp(t);
});
afterAll(async () => t.close());

describe('customer timeline: opportunity stage changes', () => {
  it('shows an opportunity’s creation and each stage move, newest first, with who moved it', async () => {
    const rep = corp.users.rep1!;
    const [c] = await t.db.insert(customers).values({ corpId: corp.id, name: '时间线客户', nameKey: '时间线客户', ownerId: rep.id, ownedAt: new Date() }).$returningId();
    const o = await rep.api.post('/api/opportunities', { customerId: String(c!.id), name: '续约', amount: 10_000 });
    expect(o.status, JSON.stringify(o.body)).toBe(201);
    const sets = await rep.api.get('/api/stage-sets');
    const lost = sets.body.items[0].stages.find((s: any) => s.key === 'lost');
    t.clock.advance(3600_000);
    const moved = await rep.api.post(`/api/opportunities/${o.body.id}/actions/move-stage`, { stageId: lost.id, lostReason: '预算取消' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);

    const res = await rep.api.get(`/api/customers/${c!.id}/timeline`);
    expect(res.status).toBe(200);
    const stageItems = res.body.items.filter((i: any) => i.kind === 'stage_change');
    expect(stageItems.map((i: any) => i.title)).toEqual(['商机「续约」初步接洽 → 输单', '新建商机「续约」（初步接洽）']);
    expect(stageItems[0]).toMatchObject({ actorId: String(rep.id), actorName: '用户rep1', data: { opportunityId: o.body.id, fromStageName: '初步接洽', toStageName: '输单', toStageKind: 'lost' } });
    expect(stageItems[0].at > stageItems[1].at).toBe(true);

    // paging with `before` keeps the older entry only
    const older = await rep.api.get(`/api/customers/${c!.id}/timeline?before=${encodeURIComponent(stageItems[0].at)}`);
    expect(older.body.items.filter((i: any) => i.kind === 'stage_change').map((i: any) => i.id)).toEqual([stageItems[1].id]);
  });

  it('another department’s rep cannot read the timeline (404)', async () => {
    const [c] = await t.db.insert(customers).values({ corpId: corp.id, name: '别人的客户', nameKey: '别人的客户', ownerId: corp.users.rep1!.id, ownedAt: new Date() }).$returningId();
    expect((await corp.users.rep9!.api.get(`/api/customers/${c!.id}/timeline`)).status).toBe(404);
  });
});

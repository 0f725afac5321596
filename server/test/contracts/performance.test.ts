import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';
import { makeContract } from './fixtures';

let t: TestServer;
let corp: TestCorp;
beforeAll(async () => {
  t = await startTestServer();
  t.clock.set('2026-11-27T10:00:00+08:00');
  corp = await makeCorp(t);
  const a = await makeContract(t, corp, corp.users.rep1!, { amount: 10_000, signedOn: '2026-11-03' });
  await corp.users.rep1!.api.post('/api/receipts', { contractId: a.id, amount: 4_000, receivedOn: '2026-11-20' });
  await makeContract(t, corp, corp.users.rep2!, { amount: 20_000, signedOn: '2026-11-05' });
  await makeContract(t, corp, corp.users.rep9!, { amount: 5_000, signedOn: '2026-11-06' });
  await makeContract(t, corp, corp.users.rep1!, { amount: 7_000, signedOn: '2026-10-30' });
});
afterAll(async () => t.close());

describe('performance', () => {
  it('ranks reps by booked amount in the period and shows target completion', async () => {
    const m = corp.users.manager!;
    expect((await m.api.request('PUT', '/api/performance/targets', { targets: [{ month: '2026-11', userId: String(corp.users.rep1!.id), booked: 20_000 }] })).status).toBe(200);
    const res = await m.api.get('/api/performance?from=2026-11&to=2026-11&rankBy=booked');
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.body.items.map((i: any) => [i.id, i]));
    expect(byId[corp.users.rep2!.id]).toMatchObject({ rank: 1, booked: 20_000 });
    expect(byId[corp.users.rep1!.id]).toMatchObject({ rank: 2, booked: 10_000, received: 4_000, completionBp: 5_000 });
    // the manager's scope is 销售一部: rep9 (销售二部) is not in it
    expect(byId[corp.users.rep9!.id]).toBeUndefined();
  });

  it('a rep sees only their own figures', async () => {
    const res = await corp.users.rep1!.api.get('/api/performance?from=2026-10&to=2026-11');
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({ id: String(corp.users.rep1!.id), booked: 17_000 });
  });

  it('previews commission with the default rate', async () => {
    await corp.users.admin!.api.request('PUT', '/api/performance/commission-rates', { rates: [{ categoryId: null, rateBp: 250 }] });
    const res = await corp.users.admin!.api.get('/api/performance/commission?from=2026-11&to=2026-11');
    expect(res.status).toBe(200);
    // contracts without lines have no commission base; the preview is by line category
    expect(Array.isArray(res.body.items)).toBe(true);
  });
});

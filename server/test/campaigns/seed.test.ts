import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaigns, leadConversions, leads } from '../../src/db/schema/index';
import { seedCampaignsDemo } from '../../src/modules/campaigns/seed';
import { seedCustomersDemo } from '../../src/modules/customers/seed';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';

let t: TestServer;
let corp: TestCorp;
beforeAll(async () => {
  t = await startTestServer();
  corp = await makeCorp(t);
});
afterAll(async () => t.close());

describe('campaigns demo seed', () => {
  it('seeds two campaigns with costs, payments and leads (some converted) once', async () => {
    const u = corp.users;
    const users: Record<string, number> = { 'demo.admin': u.admin!.id, 'demo.manager': u.manager!.id };
    for (let i = 1; i <= 9; i++) users[`demo.rep${i}`] = (i === 9 ? u.rep9 : [u.rep1, u.rep2, u.rep3][i % 3])!.id;
    const ctx = { deps: t.deps, db: t.db, corpId: corp.id, users, departments: corp.departments };
    await seedCustomersDemo(ctx);
    await seedCampaignsDemo(ctx);
    await seedCampaignsDemo(ctx);
    const list = await u.manager!.api.get('/api/campaigns?scope=all');
    expect(list.body.items).toHaveLength(2);
    const count = async (table: typeof campaigns | typeof leadConversions) => Number((await t.db.select({ n: sql<number>`COUNT(*)` }).from(table).where(eq(table.corpId, corp.id)))[0]!.n);
    expect(await count(campaigns)).toBe(2);
    expect(await count(leadConversions)).toBe(4);
    const detail = await u.manager!.api.get(`/api/campaigns/${list.body.items[0].id}`);
    expect(detail.body.vendors.length).toBe(2);
    expect(detail.body.payments.some((p: any) => p.status === 'pending')).toBe(true);
    expect(detail.body.results).toMatchObject({ leadsConverted: 2 });
    expect(detail.body.results.leadsGenerated).toBeGreaterThan(5);
    const pooled = await t.db.select().from(leads).where(eq(leads.corpId, corp.id));
    expect(pooled.filter((l) => l.campaignId && l.ownerId == null).length).toBe(4);
  });
});

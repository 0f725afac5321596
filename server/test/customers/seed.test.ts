import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contacts, customers, leads } from '../../src/db/schema/index';
import { seedCustomersDemo } from '../../src/modules/customers/seed';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';

let t: TestServer;
let corp: TestCorp;
beforeAll(async () => {
  t = await startTestServer();
  corp = await makeCorp(t);
});
afterAll(async () => t.close());

describe('demo seed', () => {
  it('seeds a book once (idempotent) that the reps can see', async () => {
    const u = corp.users;
    const users: Record<string, number> = { 'demo.admin': u.admin!.id };
    for (let i = 1; i <= 9; i++) users[`demo.rep${i}`] = (i === 9 ? u.rep9 : [u.rep1, u.rep2, u.rep3][i % 3])!.id;
    const ctx = { deps: t.deps, db: t.db, corpId: corp.id, users, departments: corp.departments };
    await seedCustomersDemo(ctx);
    await seedCustomersDemo(ctx);
    const [n] = await t.db.select({ n: sql<number>`COUNT(*)` }).from(customers).where(eq(customers.corpId, corp.id));
    expect(Number(n!.n)).toBe(28);
    expect((await t.db.select().from(leads).where(eq(leads.corpId, corp.id))).length).toBe(10);
    expect((await t.db.select().from(contacts).where(eq(contacts.corpId, corp.id))).length).toBe(56);
    const mine = await u.rep1!.api.get('/api/customers?scope=mine');
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items[0].followUpCount).toBeGreaterThan(0);
    const pool = await u.rep1!.api.get('/api/customers?scope=pool');
    expect(pool.body.items).toHaveLength(4);
    const ctxRes = await u.rep1!.api.get('/api/sidebar/context?externalUserId=wm_demo_rep1_1');
    expect(ctxRes.status).toBe(200);
  });
});

import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers } from '../../src/db/schema/index';
import { msUntilNightlyRun, repairCustomerRollups } from '../../src/modules/customers/rollup-repair';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';

let t: TestServer;
let corp: TestCorp;
let other: TestCorp;
beforeAll(async () => {
  t = await startTestServer();
  corp = await makeCorp(t);
  other = await makeCorp(t);
});
afterAll(async () => t.close());

const DAY = 86_400_000;
const base = new Date('2026-06-01T02:00:00.000Z');

/** A customer of `c` owned by its rep1, with `n` follow-ups written through the API (every other one with a plan). */
async function customerWithFollowUps(c: TestCorp, name: string, n: number): Promise<number> {
  const rep = c.users.rep1!;
  const res = await rep.api.post('/api/customers', { name });
  expect(res.status, res.text).toBe(201);
  for (let i = 0; i < n; i++) {
    const f = await rep.api.post('/api/follow-ups', {
      customerId: res.body.id,
      type: 'phone',
      content: `跟进 ${i}`,
      occurredAt: new Date(base.getTime() - (n - i) * DAY).toISOString(),
      ...(i % 2 === 0 ? { nextFollowUpAt: new Date(base.getTime() + (i + 1) * DAY).toISOString() } : {}),
    });
    expect(f.status, f.text).toBe(201);
  }
  return Number(res.body.id);
}

const rollupsOf = async (ids: number[]) =>
  (await t.db.select({ id: customers.id, n: customers.followUpCount, last: customers.lastFollowUpAt, next: customers.nextFollowUpAt }).from(customers).where(inArray(customers.id, ids))).sort(
    (a, b) => a.id - b.id,
  );

describe('customer rollup repair', () => {
  it('rewrites exactly the customers whose follow-up rollups were corrupted, in small batches, and nothing else', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) ids.push(await customerWithFollowUps(corp, `修复测试客户${i}`, i % 4));
    const otherCorpId = await customerWithFollowUps(other, '另一企业客户', 2);
    const good = await rollupsOf([...ids, otherCorpId]);
    // Nothing to do while the rollups are right.
    expect((await repairCustomerRollups(t.db, corp.id, { batchSize: 3 })).repairedIds).toEqual([]);

    // Corrupt three customers of the corp (one field each) and one of the other corp.
    const [countBad, lastBad, nextBad] = [ids[1]!, ids[3]!, ids[6]!];
    await t.db.execute(sql`UPDATE customers SET follow_up_count = follow_up_count + 5 WHERE id = ${countBad}`);
    await t.db.execute(sql`UPDATE customers SET last_follow_up_at = '2020-01-01 00:00:00' WHERE id = ${lastBad}`);
    await t.db.execute(sql`UPDATE customers SET next_follow_up_at = NULL WHERE id = ${nextBad}`);
    await t.db.execute(sql`UPDATE customers SET follow_up_count = 99 WHERE id = ${otherCorpId}`);
    expect(await rollupsOf([countBad, lastBad, nextBad])).not.toEqual(good.filter((g) => [countBad, lastBad, nextBad].includes(g.id)));

    const r = await repairCustomerRollups(t.db, corp.id, { batchSize: 3 });
    expect(r.repairedIds).toEqual([countBad, lastBad, nextBad].sort((a, b) => a - b));
    expect(r.scanned).toBeGreaterThanOrEqual(ids.length);
    expect(await rollupsOf(ids)).toEqual(good.filter((g) => ids.includes(g.id)));
    // Another corp is untouched by a corp-scoped repair…
    const [o] = await t.db.select({ n: customers.followUpCount }).from(customers).where(eq(customers.id, otherCorpId));
    expect(o!.n).toBe(99);
    // …and fixed by the all-corps pass, which then finds nothing more.
    expect((await repairCustomerRollups(t.db)).repairedIds).toContain(otherCorpId);
    expect(await rollupsOf([...ids, otherCorpId])).toEqual(good);
    expect((await repairCustomerRollups(t.db)).repairedIds).toEqual([]);
  });

  it('a customer without follow-ups whose rollups say otherwise is reset to none', async () => {
    const id = await customerWithFollowUps(corp, '无跟进修复客户', 0);
    await t.db.execute(sql`UPDATE customers SET follow_up_count = 2, last_follow_up_at = '2026-01-01 00:00:00', next_follow_up_at = '2026-02-01 00:00:00' WHERE id = ${id}`);
    expect((await repairCustomerRollups(t.db, corp.id)).repairedIds).toEqual([id]);
    expect(await rollupsOf([id])).toEqual([{ id, n: 0, last: null, next: null }]);
  });

  it('the nightly pass is scheduled for 03:00 Shanghai time', () => {
    expect(msUntilNightlyRun(new Date('2026-06-01T02:00:00+08:00'))).toBe(3600_000);
    expect(msUntilNightlyRun(new Date('2026-06-01T03:00:00+08:00'))).toBe(24 * 3600_000);
    expect(msUntilNightlyRun(new Date('2026-06-01T10:30:00+08:00'))).toBe(16.5 * 3600_000);
  });
});

import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScope } from '../../src/auth/scope';
import type { Db } from '../../src/db/client';
import { customers, followUps } from '../../src/db/schema/index';
import type { AuthUser } from '../../src/http/context';
import { sqlErrorCode } from '../../src/http/errors';
import { lockCustomerForRollups, refreshCustomerFollowUpRollups } from '../../src/modules/customers/rollups';
import { createFollowUp } from '../../src/modules/followups/service';
import { makeCustomer, northOf, planVisit } from '../visits/fixtures';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';

let t: TestServer;
let corp: TestCorp;
beforeAll(async () => {
  t = await startTestServer();
  corp = await makeCorp(t);
});
afterAll(async () => t.close());

const rep1 = () => corp.users.rep1!;
const iso = (d: Date | string | null | undefined) => (d == null ? null : new Date(d).toISOString());
const HOUR = 3600_000;
const DAY = 24 * HOUR;

interface Rollups {
  count: number;
  last: string | null;
  next: string | null;
}

/** The exact follow-up rollups of a customer, recomputed from its follow-up rows. */
async function truthOf(customerId: number): Promise<Rollups> {
  const rows = await t.db
    .select({ occurredAt: followUps.occurredAt, next: followUps.nextFollowUpAt, id: followUps.id })
    .from(followUps)
    .where(and(eq(followUps.corpId, corp.id), eq(followUps.customerId, customerId)));
  const byLatest = [...rows].sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime() || b.id - a.id);
  return {
    count: rows.length,
    last: iso(byLatest[0]?.occurredAt),
    next: iso(byLatest.find((r) => r.next != null)?.next),
  };
}

/** What the customer row says, and what GET /api/customers/:id answers. */
async function storedOf(customerId: number): Promise<{ row: Rollups; api: Rollups }> {
  const [c] = await t.db.select().from(customers).where(eq(customers.id, customerId));
  const res = await rep1().api.get(`/api/customers/${customerId}`);
  expect(res.status, res.text).toBe(200);
  return {
    row: { count: c!.followUpCount, last: iso(c!.lastFollowUpAt), next: iso(c!.nextFollowUpAt) },
    api: { count: res.body.followUpCount, last: iso(res.body.lastFollowUpAt), next: iso(res.body.nextFollowUpAt) },
  };
}

async function expectExact(customerId: number, label: string): Promise<Rollups> {
  const truth = await truthOf(customerId);
  const stored = await storedOf(customerId);
  expect(stored.row, label).toEqual(truth);
  expect(stored.api, label).toEqual(truth);
  return truth;
}

async function deadlocksSoFar(): Promise<number> {
  const [rows] = (await t.db.execute(sql`SHOW GLOBAL STATUS LIKE 'Innodb_deadlocks'`)) as unknown as [{ Value: string }[]];
  return Number(rows[0]?.Value ?? 0);
}

async function newCustomer(): Promise<number> {
  return Number(await makeCustomer(t, corp, rep1()));
}

describe('customer follow-up rollups under concurrent writers', () => {
  it('next follow-up time is the plan of the latest follow-up that has one, whatever order they are written in', async () => {
    const customerId = await newCustomer();
    const api = rep1().api;
    const at = (h: number) => new Date(Date.UTC(2026, 6, 1, h)).toISOString();
    const plan = (d: number) => new Date(Date.UTC(2026, 7, d, 2)).toISOString();
    t.clock.set(at(12));
    const write = async (occurredAt: string, nextFollowUpAt?: string) => {
      const r = await api.post('/api/follow-ups', { customerId: String(customerId), type: 'phone', content: '规则', occurredAt, ...(nextFollowUpAt ? { nextFollowUpAt } : {}) });
      expect(r.status, r.text).toBe(201);
      return r.body.id as string;
    };
    const expectNext = async (next: string | null, count: number, last: string, label: string) => expect(await expectExact(customerId, label)).toEqual({ count, last, next });
    await write(at(1), plan(1));
    await expectNext(plan(1), 1, at(1), 'first, with a plan');
    await write(at(5));
    await expectNext(plan(1), 2, at(5), 'latest without a plan keeps the earlier plan');
    const c = await write(at(3), plan(3));
    await expectNext(plan(3), 3, at(5), 'back-dated, but the latest one with a plan');
    await write(at(0), plan(9));
    await expectNext(plan(3), 4, at(5), 'back-dated behind a later plan');
    const e = await write(at(5), plan(5));
    await expectNext(plan(5), 5, at(5), 'same time as the latest: the newer row wins');
    expect((await api.patch(`/api/follow-ups/${e}`, { nextFollowUpAt: null })).status).toBe(200);
    await expectNext(plan(3), 5, at(5), 'plan cleared by an edit');
    await t.db.transaction(async (tx) => {
      await lockCustomerForRollups(tx, corp.id, customerId);
      await tx.delete(followUps).where(eq(followUps.id, Number(c)));
      await refreshCustomerFollowUpRollups(tx, corp.id, customerId);
    });
    await expectNext(plan(1), 4, at(5), 'after a delete');
    t.clock.reset();
  });

  it('16 concurrent follow-ups on one customer, 20 rounds: every create succeeds and the rollups stay exact', async () => {
    const customerId = await newCustomer();
    const start = new Date('2026-03-02T01:00:00.000Z');
    const statuses: number[] = [];
    const failures: string[] = [];
    const drift: string[] = [];
    const deadlocksBefore = await deadlocksSoFar();
    const began = Date.now();
    for (let round = 0; round < 20; round++) {
      // One fixed server time per round: the 16 follow-ups of a round tie on occurredAt, so the
      // tie-break (latest id) decides the next follow-up time.
      t.clock.set(new Date(start.getTime() + round * HOUR));
      const res = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          rep1().api.post('/api/follow-ups', {
            customerId: String(customerId),
            type: 'phone',
            content: `第 ${round} 轮第 ${i} 次电话`,
            ...(i % 3 === 0 ? { nextStep: '回访', nextFollowUpAt: new Date(start.getTime() + (round + 1) * DAY + i * 60_000).toISOString() } : {}),
          }),
        ),
      );
      statuses.push(...res.map((r) => r.status));
      failures.push(...res.filter((r) => r.status !== 201).map((r) => `round ${round}: ${r.status} ${r.text}`));
      const truth = await truthOf(customerId);
      const stored = await storedOf(customerId);
      if (JSON.stringify([stored.row, stored.api]) !== JSON.stringify([truth, truth])) drift.push(`round ${round}: ${JSON.stringify({ stored, truth })}`);
    }
    t.clock.reset();
    console.log(
      `[rollups] 320 concurrent creates: ${failures.length} non-2xx (${[...new Set(statuses)].join('/')}), ${drift.length} rounds with drifted rollups, ` +
        `Innodb_deadlocks +${(await deadlocksSoFar()) - deadlocksBefore} (server-wide counter), ${Date.now() - began} ms`,
    );
    expect(failures).toEqual([]);
    expect(drift).toEqual([]);
    expect((await expectExact(customerId, 'after 20 rounds')).count).toBe(320);
  }, 180_000);

  it('16 writers in concurrent transactions, without any retry, never deadlock on one customer', async () => {
    const customerId = await newCustomer();
    const u = rep1();
    const user: AuthUser = { id: u.id, corpId: corp.id, wecomUserId: u.wecomUserId, name: '用户rep1', role: 'rep', sessionId: 0 };
    const base = new Date('2026-04-01T01:00:00.000Z');
    let deadlocks = 0;
    let otherErrors = 0;
    for (let round = 0; round < 10; round++) {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 16 }, (_, i) =>
          t.db.transaction(async (tx) => {
            const scope = await loadScope(tx as Db, user);
            const backDated = i % 5 === 4;
            return createFollowUp(
              tx as Db,
              user,
              scope,
              {
                customerId: String(customerId),
                type: 'wechat',
                content: `直接写入 ${round}-${i}`,
                images: [],
                contactIds: [],
                ...(i % 2 === 0 ? { nextFollowUpAt: new Date(base.getTime() + (round + 2) * DAY + i * 1000).toISOString() } : {}),
                ...(backDated ? { occurredAt: new Date(base.getTime() - (i + 1) * DAY).toISOString() } : {}),
              },
              new Date(base.getTime() + round * HOUR),
            );
          }),
        ),
      );
      for (const o of outcomes) {
        if (o.status === 'fulfilled') continue;
        if (sqlErrorCode(o.reason) === 'ER_LOCK_DEADLOCK') deadlocks++;
        else {
          otherErrors++;
          console.error(o.reason);
        }
      }
    }
    console.log(`[rollups] 160 direct transactional creates without retry: ${deadlocks} deadlocks, ${otherErrors} other errors`);
    expect(otherErrors).toBe(0);
    expect(deadlocks).toBe(0);
    expect((await expectExact(customerId, 'direct writers')).count).toBe(160);
  }, 120_000);

  it('mixed writers (plans, no plans, back-dated, edits, deletes, a visit record, a lead merge) leave the rollups exact, round after round', async () => {
    const customerId = await newCustomer();
    const api = rep1().api;
    const base = new Date('2026-05-04T02:00:00.000Z');
    t.clock.set(base);
    // Follow-ups to edit and delete later.
    const existing: string[] = [];
    for (let i = 0; i < 8; i++) {
      const r = await api.post('/api/follow-ups', {
        customerId: String(customerId),
        type: 'meeting',
        content: `既有跟进 ${i}`,
        occurredAt: new Date(base.getTime() - (10 - i) * DAY).toISOString(),
        ...(i % 2 ? { nextFollowUpAt: new Date(base.getTime() + i * DAY).toISOString() } : {}),
      });
      expect(r.status, r.text).toBe(201);
      existing.push(r.body.id);
    }
    await expectExact(customerId, 'seeded');
    // A lead of rep1 with two follow-ups, merged into the customer among the writers.
    const lead = await api.post('/api/leads', { name: '并发合并线索', mobile: '13900007788' });
    expect(lead.status, lead.text).toBe(201);
    for (const k of [3, 1]) {
      const r = await api.post('/api/follow-ups', {
        leadId: lead.body.id,
        type: 'phone',
        content: `线索跟进 ${k}`,
        occurredAt: new Date(base.getTime() - k * HOUR).toISOString(),
        nextFollowUpAt: new Date(base.getTime() + (20 + k) * DAY).toISOString(),
      });
      expect(r.status, r.text).toBe(201);
    }
    // A visit, checked in now, recorded among the writers (its follow-up happened at check-in).
    const visit = await planVisit(t, rep1(), String(customerId));
    expect((await api.post(`/api/visits/${visit.id}/check-in`, northOf(10))).status).toBe(200);

    type Outcome = { status: number; text: string; what: string };
    const tag = (what: string) => (r: { status: number; text: string }): Outcome => ({ status: r.status, text: r.text, what });
    let expectedCount = existing.length;
    for (let round = 0; round < 6; round++) {
      const now = new Date(base.getTime() + (round + 1) * 2 * HOUR);
      t.clock.set(now);
      const ops: Promise<Outcome>[] = [];
      for (let i = 0; i < 10; i++) {
        const plan = (i + round) % 2 === 0 ? { nextFollowUpAt: new Date(now.getTime() + (5 + i) * DAY).toISOString() } : {};
        const backDated = i % 3 === 2 ? { occurredAt: new Date(now.getTime() - (i + round + 1) * DAY).toISOString() } : {};
        ops.push(api.post('/api/follow-ups', { customerId: String(customerId), type: 'email', content: `混合写入 ${round}-${i}`, ...plan, ...backDated }).then(tag(`create ${i}`)));
      }
      const pick = (k: number) => existing[(round * 7 + k * 3) % existing.length]!;
      const victim = existing.splice((round * 5) % existing.length, 1)[0]!;
      const [cleared, planned, touched] = [pick(0), pick(1), pick(2)].filter((id) => id !== victim);
      if (cleared) ops.push(api.patch(`/api/follow-ups/${cleared}`, { nextFollowUpAt: null }).then(tag('clear plan')));
      if (planned) ops.push(api.patch(`/api/follow-ups/${planned}`, { nextFollowUpAt: new Date(now.getTime() + (30 + round) * DAY).toISOString() }).then(tag('add plan')));
      if (touched) ops.push(api.patch(`/api/follow-ups/${touched}`, { content: `只改内容 ${round}` }).then(tag('edit content')));
      // There is no delete route: a delete follows the same protocol — customer lock first, then the row, then an exact recompute — here without any retry.
      ops.push(
        t.db
          .transaction(async (tx) => {
            await lockCustomerForRollups(tx, corp.id, customerId);
            await tx.delete(followUps).where(eq(followUps.id, Number(victim)));
            await refreshCustomerFollowUpRollups(tx, corp.id, customerId);
          })
          .then(() => ({ status: 204, text: '', what: 'delete' })),
      );
      expectedCount += 10 - 1;
      if (round === 0) {
        ops.push(
          api
            .post(`/api/visits/${visit.id}/record`, { summary: '现场演示顺利', outcome: 'advanced', nextSteps: '发报价', nextFollowUpAt: new Date(now.getTime() + 3 * DAY).toISOString() })
            .then(tag('visit record')),
        );
        ops.push(api.post(`/api/leads/${lead.body.id}/actions/convert`, { mode: 'merge', customerId: String(customerId) }).then(tag('lead merge')));
        expectedCount += 1 + 2;
      }
      const results = await Promise.all(ops);
      expect(results.filter((r) => r.status >= 300).map((r) => `${r.what}: ${r.status} ${r.text}`), `round ${round}`).toEqual([]);
      existing.push(...results.filter((r) => r.what.startsWith('create')).map((r) => JSON.parse(r.text).id as string));
      expect((await expectExact(customerId, `mixed round ${round}`)).count).toBe(expectedCount);
    }
    t.clock.reset();
  }, 120_000);
});

import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadTouches, leads } from '../../src/db/schema/index';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';

let t: TestServer;
let corp: TestCorp;
let leadPoolId: string;
const u = (k: string) => corp.users[k]!.api;

beforeAll(async () => {
  // Deployed behind a reverse proxy that sets X-Forwarded-For (how the tests pick client IPs).
  t = await startTestServer({ TRUST_PROXY: 'on' });
  corp = await makeCorp(t);
  await u('admin').post('/api/pools', { entityType: 'lead', name: '线索池', isDefault: true });
  leadPoolId = (await u('admin').post('/api/pools', { entityType: 'lead', name: '活动线索池' })).body.id;
  await u('admin').post('/api/pools', { entityType: 'customer', name: '公海', isDefault: true });
});
afterAll(async () => t.close());

async function campaign(extra: Record<string, unknown> = {}) {
  const res = await u('manager').post('/api/campaigns', { name: '秋季线上推广', type: 'online_promotion', channel: '信息流', startDate: '2026-11-01', endDate: '2026-12-31', budget: 5_000_000, poolId: leadPoolId, status: 'active', ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
const web = (path: string, body: unknown, ip = '203.0.113.1') => t.api.post(path, body, { 'x-forwarded-for': ip });

describe('campaigns', () => {
  it('creates a campaign with vendors, cost lines and payments; payments may not exceed the vendor cost', async () => {
    const c = await campaign();
    expect(c).toMatchObject({ ownerId: String(corp.users.manager!.id), budget: 5_000_000, webFormPath: expect.stringMatching(/^\/api\/public\/campaigns\/[0-9a-f]{32}\/leads$/) });
    const v = await u('manager').post(`/api/campaigns/${c.id}/vendors`, { name: '星火广告', contactName: '许经理' });
    const vendorId = v.body.vendors[0].id;
    await u('manager').post(`/api/campaigns/${c.id}/costs`, { vendorId, item: '信息流投放', amount: 300_000 });
    const over = await u('manager').post(`/api/campaigns/${c.id}/payments`, { vendorId, amount: 300_001 });
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe('payment_exceeds_cost');
    const paid = await u('manager').post(`/api/campaigns/${c.id}/payments`, { vendorId, amount: 200_000, status: 'paid', paidOn: '2026-11-20' });
    expect(paid.status).toBe(201);
    const pending = await u('manager').post(`/api/campaigns/${c.id}/payments`, { vendorId, amount: 100_000 });
    const paymentId = pending.body.payments[1].id;
    const done = await u('manager').patch(`/api/campaigns/${c.id}/payments/${paymentId}`, { status: 'paid' });
    expect(done.body.vendors[0]).toMatchObject({ costTotal: 300_000, paidTotal: 300_000 });
    expect(done.body.results).toMatchObject({ cost: 300_000, leadsGenerated: 0, costPerLead: null, roi: -1 });
  });

  it('reps read campaigns but cannot edit; the web form path is hidden from them; dates are checked', async () => {
    const c = await campaign();
    const read = await u('rep1').get(`/api/campaigns/${c.id}`);
    expect(read.status).toBe(200);
    expect(read.body.webFormPath).toBeNull();
    expect((await u('rep1').patch(`/api/campaigns/${c.id}`, { budget: 1 })).status).toBe(403);
    const bad = await u('manager').patch(`/api/campaigns/${c.id}`, { endDate: '2026-10-01' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('campaign_dates_invalid');
    const other = await makeCorp(t);
    expect((await other.users.admin!.api.get(`/api/campaigns/${c.id}`)).status).toBe(404);
    const list = await u('rep1').get('/api/campaigns?scope=all');
    expect(list.body.items.map((i: any) => i.id)).toContain(c.id);
  });
});

describe('web-to-lead form', () => {
  it('stores a valid submission as an unowned lead in the campaign pool, counted in the results', async () => {
    const c = await campaign();
    const res = await web(c.webFormPath, { name: '李雷', mobile: '13911112222', company: '韩梅梅贸易', need: '要报价' }, '203.0.113.10');
    expect(res.status).toBe(201);
    expect(res.body.ok).toBe(true);
    const [lead] = await t.db.select().from(leads).where(and(eq(leads.corpId, corp.id), eq(leads.mobile, '13911112222')));
    expect(lead).toMatchObject({ ownerId: null, poolId: Number(leadPoolId), campaignId: Number(c.id), source: '信息流', status: 'active' });
    const pool = await u('rep1').get(`/api/leads?scope=pool&campaignId=${c.id}`);
    expect(pool.body.items).toHaveLength(1);
    const tl = await u('manager').get(`/api/leads/${lead!.id}/timeline`);
    expect(tl.body.items[0]).toMatchObject({ kind: 'created', actorName: '系统', title: expect.stringContaining('活动表单') });
    // A resubmission answers the same and stores no duplicate.
    expect((await web(c.webFormPath, { name: '李雷', mobile: '13911112222' }, '203.0.113.10')).status).toBe(201);
    expect(await t.db.select().from(leads).where(and(eq(leads.corpId, corp.id), eq(leads.mobile, '13911112222')))).toHaveLength(1);
    const results = await u('rep1').get(`/api/campaigns/${c.id}/results`);
    expect(results.body).toMatchObject({ leadsGenerated: 1, leadsConverted: 0, bySource: [{ source: '信息流', leads: 1, converted: 0 }] });
  });

  it('a repeat submission from someone already a lead is recorded on that lead as a campaign touch, not a new lead', async () => {
    const first = await campaign({ name: '春季线上推广' });
    const second = await campaign({ name: '华东巡展', channel: '展会' });
    expect((await web(first.webFormPath, { name: '韩梅梅', mobile: '13911115555', company: '韩氏贸易' }, '203.0.113.40')).status).toBe(201);
    const again = await web(second.webFormPath, { name: '韩梅梅', mobile: '13911115555', need: '想看展会报价' }, '203.0.113.41');
    expect(again.status).toBe(201);
    expect(again.body).toEqual((await web(first.webFormPath, { name: '韩梅梅', mobile: '13911115555' }, '203.0.113.42')).body);
    const rows = await t.db.select().from(leads).where(and(eq(leads.corpId, corp.id), eq(leads.mobile, '13911115555')));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.campaignId).toBe(Number(first.id));
    const touches = await t.db.select().from(leadTouches).where(eq(leadTouches.leadId, rows[0]!.id));
    expect(touches.map((x) => x.campaignId).sort()).toEqual([Number(first.id), Number(second.id)].sort());
    const tl = await u('manager').get(`/api/leads/${rows[0]!.id}/timeline`);
    expect(tl.status).toBe(200);
    const touch = tl.body.items.find((i: any) => i.kind === 'campaign_touch' && i.data.campaignId === second.id);
    expect(touch).toMatchObject({ title: '再次通过活动「华东巡展」留资', actorName: '系统', data: { need: '想看展会报价', source: '展会' } });
    expect(tl.body.items.filter((i: any) => i.kind === 'campaign_touch')).toHaveLength(2);
  });

  it('validates strictly: bad mobile, missing name, unknown fields → 400; unknown key → 404; closed form → 409', async () => {
    const c = await campaign();
    const bad = await web(c.webFormPath, { name: '', mobile: '123' }, '203.0.113.20');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: any) => d.path)).toEqual(expect.arrayContaining(['body.name', 'body.mobile']));
    const extra = await web(c.webFormPath, { name: '张三', mobile: '13911113333', ownerId: '1' }, '203.0.113.20');
    expect(extra.status).toBe(400);
    expect(extra.body.error.message).toContain('ownerId');
    expect((await web('/api/public/campaigns/0123456789abcdef0123456789abcdef/leads', { name: '张三', mobile: '13911113333' }, '203.0.113.21')).status).toBe(404);
    expect((await web('/api/public/campaigns/nope/leads', { name: '张三', mobile: '13911113333' }, '203.0.113.21')).status).toBe(404);
    await u('manager').patch(`/api/campaigns/${c.id}`, { status: 'ended' });
    const closed = await web(c.webFormPath, { name: '张三', mobile: '13911113333' }, '203.0.113.22');
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('web_form_closed');
  });

  it('the honeypot field answers like success but stores nothing', async () => {
    const c = await campaign();
    const res = await web(c.webFormPath, { name: '机器人', mobile: '13911114444', website: 'http://spam.example' }, '203.0.113.30');
    expect(res.status).toBe(201);
    expect(res.body.ok).toBe(true);
    expect(await t.db.select().from(leads).where(and(eq(leads.corpId, corp.id), eq(leads.mobile, '13911114444')))).toHaveLength(0);
  });

  it('rate-limits per IP: the 6th submission in 10 minutes is 429, other IPs are unaffected, the window slides', async () => {
    const c = await campaign();
    t.clock.set(new Date());
    try {
      for (let i = 0; i < 5; i++) expect((await web(c.webFormPath, { name: `访客${i}`, mobile: `1370000000${i}` }, '198.51.100.7')).status).toBe(201);
      const limited = await web(c.webFormPath, { name: '访客5', mobile: '13700000005' }, '198.51.100.7');
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe('rate_limited');
      expect(await t.db.select().from(leads).where(and(eq(leads.corpId, corp.id), eq(leads.mobile, '13700000005')))).toHaveLength(0);
      expect((await web(c.webFormPath, { name: '别的访客', mobile: '13700000006' }, '198.51.100.8')).status).toBe(201);
      t.clock.advance(10 * 60_000 + 1);
      expect((await web(c.webFormPath, { name: '访客5', mobile: '13700000005' }, '198.51.100.7')).status).toBe(201);
    } finally {
      t.clock.reset();
    }
  });

  it('without a declared proxy, a spoofed X-Forwarded-For does not escape the per-IP limit', async () => {
    const direct = await startTestServer();
    try {
      const c = await campaign();
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await direct.api.post(c.webFormPath, { name: `直连访客${i}`, mobile: `1360000000${i}` }, { 'x-forwarded-for': `203.0.113.${100 + i}` });
        codes.push(res.status);
      }
      expect(codes.slice(0, 5)).toEqual([201, 201, 201, 201, 201]);
      expect(codes[5]).toBe(429);
    } finally {
      await direct.close();
    }
  });

  it('results follow conversions and won deals: converted, customers won, won amount, ROI', async () => {
    const c = await campaign();
    const vendor = await u('manager').post(`/api/campaigns/${c.id}/vendors`, { name: '会展公司' });
    await u('manager').post(`/api/campaigns/${c.id}/costs`, { vendorId: vendor.body.vendors[0].id, item: '展位', amount: 100_000 });
    for (const m of ['13811110001', '13811110002']) await web(c.webFormPath, { name: `展会访客${m.slice(-1)}`, mobile: m, company: `展会公司${m.slice(-1)}` }, '192.0.2.50');
    const pool = await u('rep1').get(`/api/leads?scope=pool&campaignId=${c.id}`);
    const leadId = pool.body.items[0].id;
    expect((await u('rep1').post(`/api/leads/${leadId}/actions/claim`)).status).toBe(200);
    const conv = await u('rep1').post(`/api/leads/${leadId}/actions/convert`, { mode: 'new' });
    expect(conv.status).toBe(200);
    let results = (await u('rep1').get(`/api/campaigns/${c.id}/results`)).body;
    expect(results).toMatchObject({ leadsGenerated: 2, leadsConverted: 1, customersWon: 0, cost: 100_000, costPerLead: 50_000, conversionRate: 0.5 });
    // A won deal on the customer (rollup written back by the opportunities/contracts modules).
    const { customers } = await import('../../src/db/schema/index');
    await t.db.update(customers).set({ dealStatus: 'won', wonAmount: 400_000 }).where(eq(customers.id, Number(conv.body.conversion.customerId)));
    results = (await u('rep1').get(`/api/campaigns/${c.id}/results`)).body;
    expect(results).toMatchObject({ customersWon: 1, wonAmount: 400_000, roi: 3 });
    const byCampaign = await u('admin').get('/api/lead-reports/conversions?groupBy=campaign');
    expect(byCampaign.body.items.find((i: any) => i.key === c.id)).toMatchObject({ label: '秋季线上推广', conversions: 1 });
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contacts, customers } from '../../src/db/schema/index';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';

let t: TestServer;
let corp: TestCorp;
let skuStd: string;
let skuUser: string;
let stages: Record<string, string>;

async function customer(ownerKey: string, grade: string | null = null) {
  const name = `客户${Math.random().toString(36).slice(2, 8)}`;
  const [row] = await t.db.insert(customers).values({ corpId: corp.id, name, nameKey: name, grade, ownerId: corp.users[ownerKey]!.id }).$returningId();
  return row!.id;
}
async function contact(customerId: number, name: string) {
  const [row] = await t.db.insert(contacts).values({ corpId: corp.id, customerId, name }).$returningId();
  return String(row!.id);
}

beforeAll(async () => {
  t = await startTestServer();
  t.clock.set('2026-11-27T02:00:00Z');
  corp = await makeCorp(t);
  const admin = corp.users.admin!.api;
  const sync = await admin.request('PUT', '/api/erp/catalog', {
    categories: [{ externalCode: 'C1', name: '软件' }],
    products: [
      { externalCode: 'P1', name: '智客 CRM', categoryExternalCode: 'C1', unit: '套', skus: [{ externalCode: 'S-STD', name: '标准版' }, { externalCode: 'S-USER', name: '增购用户' }] },
    ],
    priceLists: [
      { externalCode: 'PL-D', name: '标准价', isDefault: true, items: [{ skuExternalCode: 'S-STD', price: 10000_00 }, { skuExternalCode: 'S-USER', price: 333 }, { skuExternalCode: 'S-USER', price: 300, minQuantity: 100 }] },
      { externalCode: 'PL-A', name: 'A 级价', customerGrade: 'A', priority: 5, items: [{ skuExternalCode: 'S-STD', price: 9000_00 }] },
      { externalCode: 'PL-OLD', name: '过期促销', customerGrade: 'A', validTo: '2026-01-01', priority: 99, items: [{ skuExternalCode: 'S-STD', price: 1_00 }] },
    ],
  });
  expect(sync.status).toBe(200);
  const products = await admin.get('/api/products');
  const skus = products.body.items[0].skus as { id: string; code: string }[];
  skuStd = skus.find((s) => s.code === 'S-STD')!.id;
  skuUser = skus.find((s) => s.code === 'S-USER')!.id;
  const sets = await admin.get('/api/stage-sets');
  stages = Object.fromEntries(sets.body.items[0].stages.map((s: { key: string; id: string }) => [s.key, s.id]));
});
afterAll(async () => t.close());

describe('catalog', () => {
  it('the ERP upsert is idempotent: replaying a batch changes nothing', async () => {
    const batch = { products: [{ externalCode: 'P9', name: '服务器', skus: [{ externalCode: 'S9', name: '1TB' }] }] };
    const first = await corp.users.admin!.api.request('PUT', '/api/erp/catalog', batch);
    expect(first.body.products.created).toBe(1);
    const again = await corp.users.admin!.api.request('PUT', '/api/erp/catalog', batch);
    expect(again.body.products).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(again.body.skus).toEqual({ created: 0, updated: 0, unchanged: 1 });
  });
  it('a rep cannot edit the catalog', async () => {
    const res = await corp.users.rep1!.api.post('/api/products', { code: 'X1', name: '违规产品' });
    expect(res.status).toBe(403);
  });
  it('selects the most specific valid price list and quantity tier', async () => {
    const api = corp.users.rep1!.api;
    expect((await api.get(`/api/prices/resolve?skuId=${skuStd}`)).body).toMatchObject({ price: 10000_00, priceListName: '标准价' });
    expect((await api.get(`/api/prices/resolve?skuId=${skuStd}&customerGrade=A`)).body).toMatchObject({ price: 9000_00, priceListName: 'A 级价' });
    // a grade list that does not price the SKU falls back to the default list
    expect((await api.get(`/api/prices/resolve?skuId=${skuUser}&customerGrade=A`)).body.price).toBe(333);
    expect((await api.get(`/api/prices/resolve?skuId=${skuUser}&quantity=150`)).body).toMatchObject({ price: 300, minQuantity: 100 });
    // the expired promotion applied only before its end date
    expect((await api.get(`/api/prices/resolve?skuId=${skuStd}&customerGrade=A&date=2025-12-01`)).body.price).toBe(1_00);
  });
});

describe('opportunities: amounts', () => {
  it('the amount is the sum of lines, each rounded half-up to the fen, using the customer grade’s prices', async () => {
    const api = corp.users.rep1!.api;
    const res = await api.post('/api/opportunities', {
      customerId: String(await customer('rep1', 'A')),
      name: '年度采购',
      lines: [
        { skuId: skuStd, quantity: 2, discountBp: 1000 },
        { skuId: skuUser, quantity: 1, discountBp: 1500 },
      ],
    });
    expect(res.status).toBe(201);
    // 9000.00 × 2 × 90% = 16200.00; 3.33 × 85% = 2.8305 → 2.83
    expect(res.body.lines.map((l: { amount: number }) => l.amount)).toEqual([1620000, 283]);
    expect(res.body.amount).toEqual({ amount: 1620283, currency: 'CNY' });
    expect(res.body.owner.id).toBe(String(corp.users.rep1!.id));
    expect((await api.patch(`/api/opportunities/${res.body.id}`, { amount: 1 })).body.error.code).toBe('amount_from_lines');
    const upd = await api.request('PUT', `/api/opportunities/${res.body.id}/lines`, { lines: [{ skuId: skuUser, quantity: 1000000, discountBp: 0 }] });
    expect(upd.body.amount.amount).toBe(300_000_000);
  });
  it('a manual amount is allowed only without lines', async () => {
    const res = await corp.users.rep1!.api.post('/api/opportunities', { customerId: String(await customer('rep1')), name: '意向', amount: 500000 });
    expect(res.body).toMatchObject({ amountManual: true, amount: { amount: 500000 } });
  });
});

describe('opportunities: stage engine', () => {
  it('refuses a move whose requirements are unmet with a Chinese message, allows it once met, records durations', async () => {
    const api = corp.users.rep2!.api;
    const custId = await customer('rep2');
    const o = (await api.post('/api/opportunities', { customerId: String(custId), name: '阶段测试', lines: [{ skuId: skuStd, quantity: 1 }] })).body;
    const refused = await api.post(`/api/opportunities/${o.id}/actions/move-stage`, { stageId: stages.needs });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('stage_requirement_unmet');
    expect(refused.body.error.message).toContain('客户需求');
    expect(refused.body.error.message).toContain('商机联系人');
    await api.patch(`/api/opportunities/${o.id}`, { need: '替换旧系统' });
    const c1 = await contact(custId, '王总');
    expect((await api.post(`/api/opportunities/${o.id}/contacts`, { contactId: c1, role: 'decision_maker', attitude: 'support' })).status).toBe(201);
    t.clock.advance(3600_000);
    const moved = await api.post(`/api/opportunities/${o.id}/actions/move-stage`, { stageId: stages.needs });
    expect(moved.status).toBe(200);
    expect(moved.body.stage.name).toBe('需求确认');
    expect(moved.body.weightedAmount).toBe(3000_00);
    // skipping a stage is not allowed by the default set
    const skip = await api.post(`/api/opportunities/${o.id}/actions/move-stage`, { stageId: stages.negotiation });
    expect(skip.body.error.code).toBe('stage_move_not_allowed');
    // checklist item of 方案报价
    const needCheck = await api.post(`/api/opportunities/${o.id}/actions/move-stage`, { stageId: stages.proposal });
    expect(needCheck.body.error.message).toContain('已向客户演示方案');
    await api.patch(`/api/opportunities/${o.id}`, { expectedCloseDate: '2026-12-31', checklist: { solution_presented: true } });
    t.clock.advance(2 * 3600_000);
    expect((await api.post(`/api/opportunities/${o.id}/actions/move-stage`, { stageId: stages.proposal })).status).toBe(200);
    // rollback is allowed
    t.clock.advance(600_000);
    expect((await api.post(`/api/opportunities/${o.id}/actions/move-stage`, { stageId: stages.needs })).status).toBe(200);
    t.clock.advance(60_000);
    const hist = (await api.get(`/api/opportunities/${o.id}/stage-history`)).body.items;
    expect(hist.map((h: { toStage: { name: string } }) => h.toStage.name)).toEqual(['初步接洽', '需求确认', '方案报价', '需求确认']);
    expect(hist.map((h: { durationSeconds: number }) => h.durationSeconds)).toEqual([3600, 7200, 600, 60]);
  });
  it('lost needs a reason; a closed opportunity cannot be reopened by default', async () => {
    const api = corp.users.rep2!.api;
    const o = (await api.post('/api/opportunities', { customerId: String(await customer('rep2')), name: '输单测试' })).body;
    const noReason = await api.post(`/api/opportunities/${o.id}/actions/move-stage`, { stageId: stages.lost });
    expect(noReason.body.error.code).toBe('stage_requirement_unmet');
    const lost = await api.post(`/api/opportunities/${o.id}/actions/move-stage`, { stageId: stages.lost, lostReason: '价格太高', competitor: '某竞品' });
    expect(lost.body).toMatchObject({ status: 'lost', lostReason: '价格太高', competitor: '某竞品' });
    const reopen = await api.post(`/api/opportunities/${o.id}/actions/move-stage`, { stageId: stages.initial });
    expect(reopen.body.error.code).toBe('stage_move_not_allowed');
  });
});

describe('opportunities: scope', () => {
  it('a rep cannot see another rep’s opportunity; the manager of the department can; another department’s manager cannot', async () => {
    const o = (await corp.users.rep1!.api.post('/api/opportunities', { customerId: String(await customer('rep1')), name: '范围测试' })).body;
    expect((await corp.users.rep2!.api.get(`/api/opportunities/${o.id}`)).status).toBe(404);
    expect((await corp.users.rep2!.api.patch(`/api/opportunities/${o.id}`, { name: 'x' })).status).toBe(404);
    expect((await corp.users.manager!.api.get(`/api/opportunities/${o.id}`)).status).toBe(200);
    expect((await corp.users.manager2!.api.get(`/api/opportunities/${o.id}`)).status).toBe(404);
    const team = await corp.users.manager!.api.get('/api/opportunities?scope=team&limit=100');
    expect(team.body.items.some((i: { id: string }) => i.id === o.id)).toBe(true);
    const funnel2 = await corp.users.manager2!.api.get('/api/pipeline/funnel');
    expect(funnel2.body.stages.reduce((s: number, x: { count: number }) => s + x.count, 0)).toBe(0);
  });
});

describe('relationship map and support', () => {
  it('returns the reports-to tree and refuses cycles', async () => {
    const api = corp.users.rep3!.api;
    const custId = await customer('rep3');
    const o = (await api.post('/api/opportunities', { customerId: String(custId), name: '地图' })).body;
    const boss = (await api.post(`/api/opportunities/${o.id}/contacts`, { contactId: await contact(custId, '总经理'), role: 'decision_maker' })).body;
    const cto = (await api.post(`/api/opportunities/${o.id}/contacts`, { contactId: await contact(custId, 'CTO'), role: 'technical', attitude: 'oppose', reportsToId: boss.id })).body;
    const map = (await api.get(`/api/opportunities/${o.id}/relationship-map`)).body;
    expect(map.edges).toEqual([{ from: cto.id, to: boss.id, type: 'reports_to' }]);
    expect(map.roots[0].children[0].attitude).toBe('oppose');
    const cyc = await api.patch(`/api/opportunities/${o.id}/contacts/${boss.id}`, { reportsToId: cto.id });
    expect(cyc.body.error.code).toBe('reports_to_cycle');
    const sr = await api.post(`/api/opportunities/${o.id}/support-requests`, { need: '技术方案', providerUserId: String(corp.users.rep1!.id), dueDate: '2026-12-05', bidRequired: true });
    expect(sr.status).toBe(201);
    expect(sr.body).toMatchObject({ bidRequired: true, status: 'requested' });
  });
});

describe('quotes', () => {
  it('versions push down the lines, need approval over the threshold, and accepting marks the winning quote', async () => {
    const api = corp.users.rep1!.api;
    const o = (await api.post('/api/opportunities', { customerId: String(await customer('rep1')), name: '报价', lines: [{ skuId: skuStd, quantity: 1, discountBp: 500 }] })).body;
    const v1 = (await api.post(`/api/opportunities/${o.id}/quotes`, {})).body;
    expect(v1).toMatchObject({ version: 1, status: 'draft', amount: { amount: 950000 }, validUntil: '2026-12-27' });
    const v2 = await api.post(`/api/opportunities/${o.id}/quotes`, { lines: [{ skuId: skuStd, quantity: 1, discountBp: 3000 }] });
    expect(v2.body).toMatchObject({ version: 2, needsApproval: true, amount: { amount: 700000 } });
    const list = (await api.get(`/api/opportunities/${o.id}/quotes`)).body.items;
    expect(list.map((q: { version: number; status: string }) => [q.version, q.status])).toEqual([[2, 'draft'], [1, 'superseded']]);
    const sub = await api.post(`/api/quotes/${v2.body.id}/actions/submit`);
    expect(sub.body.status).toBe('pending_approval');
    expect((await api.patch(`/api/quotes/${v2.body.id}`, { note: 'x' })).body.error.code).toBe('quote_not_editable');
    const v3 = (await api.post(`/api/opportunities/${o.id}/quotes`, {}));
    expect(v3.body.error.code).toBe('quote_approval_pending');
    const html = await api.get(`/api/quotes/${v2.body.id}/print`);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(html.text).toContain('报 价 单');
    expect((await corp.users.rep2!.api.get(`/api/quotes/${v2.body.id}`)).status).toBe(404);
  });
  it('a quote within the threshold is effective at once and can be accepted', async () => {
    const api = corp.users.rep1!.api;
    const o = (await api.post('/api/opportunities', { customerId: String(await customer('rep1')), name: '报价2', lines: [{ skuId: skuStd, quantity: 1 }] })).body;
    const created = await api.post(`/api/opportunities/${o.id}/quotes`, {});
    expect(created.status, created.text).toBe(201);
    const q = created.body;
    const sub = await api.post(`/api/quotes/${q.id}/actions/submit`);
    expect(sub.body, JSON.stringify(sub.body)).toMatchObject({ status: "approved" });
    expect((await api.post(`/api/quotes/${q.id}/actions/accept`)).body.status).toBe('accepted');
    expect((await api.get(`/api/opportunities/${o.id}`)).body.winningQuoteId).toBe(q.id);
  });
});

describe('pipeline', () => {
  it('forecast by owner and month and the funnel aggregate in scope', async () => {
    const api = corp.users.manager!.api;
    const f = await api.get('/api/pipeline/forecast?groupBy=owner');
    expect(f.status).toBe(200);
    expect(f.body.items.length).toBeGreaterThan(0);
    const d = await api.get('/api/pipeline/forecast?groupBy=department');
    expect(d.body.items.every((i: { label: string }) => typeof i.label === 'string')).toBe(true);
    const k = await api.get('/api/pipeline/kanban');
    expect(k.body.columns[0].stage.name).toBe('初步接洽');
  });
});

export { eq };

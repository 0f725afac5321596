import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contacts, customers, externalContacts, followUps, leadConversions, leads } from '../../src/db/schema/index';
import { createLeadFromExternalContact } from '../../src/modules/leads/service';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';

let t: TestServer;
let corp: TestCorp;
let poolId: string;
const u = (k: string) => corp.users[k]!.api;
let mobileSeq = 0;
const mobile = () => `139${String(10_000_000 + mobileSeq++ * 7 + Math.floor(Math.random() * 5)).padStart(8, '0')}`;

beforeAll(async () => {
  t = await startTestServer();
  corp = await makeCorp(t);
  const pool = await u('admin').post('/api/pools', { entityType: 'lead', name: '线索池', isDefault: true });
  expect(pool.status).toBe(201);
  poolId = pool.body.id;
  await u('admin').post('/api/pools', { entityType: 'customer', name: '公海', isDefault: true });
});
afterAll(async () => t.close());

async function newLead(who: string, extra: Record<string, unknown> = {}) {
  const res = await u(who).post('/api/leads', { name: `线索${mobileSeq}`, mobile: mobile(), ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; ownerId: string | null };
}

describe('create and duplicate check', () => {
  it('creates a lead owned by the caller, or in the pool with ownerId null', async () => {
    const mine = await newLead('rep1', { company: '杭州甲乙科技', grade: 'A', tags: ['展会'], need: '要 CRM' });
    expect(mine.ownerId).toBe(String(corp.users.rep1!.id));
    const pooled = await newLead('rep1', { ownerId: null });
    expect(pooled.ownerId).toBeNull();
    expect((pooled as any).poolId).toBe(poolId);
  });

  it('refuses the same mobile or the same name at the same company with 409 lead_duplicate', async () => {
    const m = mobile();
    await newLead('rep1', { name: '赵六', company: '（宁波）丙丁有限公司', mobile: m });
    const byMobile = await u('rep2').post('/api/leads', { name: '别人', mobile: m });
    expect(byMobile.status).toBe(409);
    expect(byMobile.body.error.code).toBe('lead_duplicate');
    expect(byMobile.body.error.details).toMatchObject({ field: 'mobile', leadId: null });
    const byCompany = await u('rep1').post('/api/leads', { name: '赵六', company: '(宁波)丙丁 有限公司' });
    expect(byCompany.body.error.code).toBe('lead_duplicate');
    expect(byCompany.body.error.details.field).toBe('company');
  });

  it('rejects bad input with 400 naming the field', async () => {
    const res = await u('rep1').post('/api/leads', { name: '', mobile: '123' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: any) => d.path)).toEqual(expect.arrayContaining(['body.name', 'body.mobile']));
  });
});

describe('data scope', () => {
  it('a rep sees only their own and pool leads; the manager sees the department; another department sees nothing', async () => {
    const l = await newLead('rep1');
    expect((await u('rep2').get(`/api/leads/${l.id}`)).status).toBe(404);
    expect((await u('rep2').patch(`/api/leads/${l.id}`, { grade: 'B' })).status).toBe(404);
    expect((await u('rep2').get(`/api/leads/${l.id}/timeline`)).status).toBe(404);
    expect((await u('rep9').post(`/api/leads/${l.id}/actions/convert`, { mode: 'new' })).status).toBe(404);
    expect((await u('manager').get(`/api/leads/${l.id}`)).status).toBe(200);
    expect((await u('manager2').get(`/api/leads/${l.id}`)).status).toBe(404);
    const mine = await u('rep1').get('/api/leads?scope=mine&limit=100');
    expect(mine.body.items.every((i: any) => i.ownerId === String(corp.users.rep1!.id))).toBe(true);
    const team = await u('manager').get('/api/leads?scope=team&limit=100');
    expect(team.body.items.map((i: any) => i.id)).toContain(l.id);
    const rep2All = await u('rep2').get('/api/leads?scope=all&limit=100');
    expect(rep2All.body.items.map((i: any) => i.id)).not.toContain(l.id);
    const pool = await u('rep2').get('/api/leads?scope=pool&limit=100');
    expect(pool.body.items.length).toBeGreaterThan(0);
    expect(pool.body.items.every((i: any) => i.ownerId === null)).toBe(true);
  });

  it('pages with an opaque cursor without repeats', async () => {
    for (let i = 0; i < 3; i++) await newLead('rep3');
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const res: any = await u('rep3').get(`/api/leads?scope=mine&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      for (const i of res.body.items) {
        expect(seen.has(i.id)).toBe(false);
        seen.add(i.id);
      }
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.size).toBe(3);
  });
});

describe('lead actions (the pool engine) — lead-specific rules', () => {
  it('two reps claiming the same pool lead at once: one wins, the other gets 409 already_owned', async () => {
    const l = await newLead('rep1', { ownerId: null });
    const [a, b] = await Promise.all([u('rep1').post(`/api/leads/${l.id}/actions/claim`), u('rep2').post(`/api/leads/${l.id}/actions/claim`)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.status === 409)!.body.error.code).toBe('already_owned');
    const history = await u('manager').get(`/api/leads/${l.id}/actions`);
    expect(history.body.items.filter((i: any) => i.action === 'claim')).toHaveLength(1);
  });

  it('return needs a reason, assign is for managers, discard then restore', async () => {
    const l = await newLead('rep1');
    expect((await u('rep1').post(`/api/leads/${l.id}/actions/return`)).body.error.code).toBe('reason_required');
    expect((await u('rep1').post(`/api/leads/${l.id}/actions/return`, { reason: '无效号码' })).status).toBe(200);
    expect((await u('rep1').post(`/api/leads/${l.id}/actions/assign`, { toUserId: String(corp.users.rep2!.id) })).body.error.code).toBe('manager_only');
    expect((await u('manager').post(`/api/leads/${l.id}/actions/assign`, { toUserId: String(corp.users.rep2!.id) })).status).toBe(200);
    expect((await u('rep2').post(`/api/leads/${l.id}/actions/discard`)).body.error.code).toBe('reason_required');
    expect((await u('rep2').post(`/api/leads/${l.id}/actions/discard`, { reason: '重复' })).status).toBe(200);
    expect((await u('manager').post(`/api/leads/${l.id}/actions/convert`, { mode: 'new' })).body.error.code).toBe('record_discarded');
    expect((await u('manager').post(`/api/leads/${l.id}/actions/restore`)).status).toBe(200);
    const tl = await u('manager').get(`/api/leads/${l.id}/timeline`);
    expect(tl.body.items.map((i: any) => i.data.action)).toEqual(expect.arrayContaining(['create', 'return', 'assign', 'discard', 'restore']));
  });

  it('a pool lead cannot be converted before it is claimed (409 lead_in_pool); unknown actions are 400', async () => {
    const l = await newLead('rep1', { ownerId: null });
    expect((await u('manager').post(`/api/leads/${l.id}/actions/convert`, { mode: 'new' })).body.error.code).toBe('lead_in_pool');
    expect((await u('rep1').post(`/api/leads/${l.id}/actions/explode`)).status).toBe(400);
    expect((await u('rep1').post(`/api/leads/${l.id}/actions/convert`, { mode: 'merge' })).status).toBe(400);
  });
});

async function externalContactLead(ownerKey: string, name: string): Promise<{ leadId: number; extId: number }> {
  const [ext] = await t.db.insert(externalContacts).values({ corpId: corp.id, externalUserId: `wm_${Math.random().toString(36).slice(2)}`, name }).$returningId();
  const out = await createLeadFromExternalContact(t.db, t.deps, { corpId: corp.id, ownerUserId: corp.users[ownerKey]!.id, externalContactId: ext!.id, name, company: `${name}的公司` });
  return { leadId: out.leadId, extId: ext!.id };
}

describe('conversion', () => {
  it('new: creates customer + contact, moves the WeCom binding, re-homes follow-ups, records the conversion once', async () => {
    const { leadId, extId } = await externalContactLead('rep1', '钱七');
    const detail = await u('rep1').get(`/api/leads/${leadId}`);
    expect(detail.body.externalContact).toMatchObject({ id: String(extId), name: '钱七' });
    const fu = await u('rep1').post('/api/follow-ups', { type: 'wechat', content: '微信沟通需求', leadId: String(leadId) });
    expect(fu.status).toBe(201);
    const res = await u('rep1').post(`/api/leads/${leadId}/actions/convert`, { mode: 'new', contact: { title: '采购经理' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('converted');
    const conv = res.body.conversion;
    expect(conv).toMatchObject({ mode: 'new', customerName: '钱七的公司', followUpCount: 1, metRules: true, ruleFailures: [], convertedById: String(corp.users.rep1!.id) });
    const customerId = Number(conv.customerId);
    const [contact] = await t.db.select().from(contacts).where(eq(contacts.id, Number(conv.contactId)));
    expect(contact).toMatchObject({ customerId, name: '钱七', title: '采购经理', externalContactId: extId });
    const [lead] = await t.db.select().from(leads).where(eq(leads.id, leadId));
    expect(lead).toMatchObject({ status: 'converted', externalContactId: null, convertedCustomerId: customerId, convertedContactId: contact!.id });
    const [f] = await t.db.select().from(followUps).where(eq(followUps.id, Number(fu.body.id)));
    expect(f).toMatchObject({ leadId, customerId, contactId: contact!.id });
    const cust = await u('rep1').get(`/api/customers/${customerId}`);
    expect(cust.body).toMatchObject({ ownerId: String(corp.users.rep1!.id), followUpCount: 1 });
    // Converting twice (or concurrently) never duplicates anything.
    const again = await u('rep1').post(`/api/leads/${leadId}/actions/convert`, { mode: 'new' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('lead_already_converted');
    expect(await t.db.select().from(customers).where(and(eq(customers.corpId, corp.id), eq(customers.name, '钱七的公司')))).toHaveLength(1);
    expect(await t.db.select().from(leadConversions).where(eq(leadConversions.leadId, leadId))).toHaveLength(1);
    // The WeCom callback for the same external contact now finds the converted lead, not a new one.
    expect(await createLeadFromExternalContact(t.db, t.deps, { corpId: corp.id, ownerUserId: corp.users.rep1!.id, externalContactId: extId, name: '钱七' })).toEqual({ leadId, created: false });
    const ctx = await u('rep1').get(`/api/leads/${leadId}`);
    expect(ctx.body.conversion.customerId).toBe(String(customerId));
    expect(ctx.body.permissions.convert).toBe(false);
  });

  it('concurrent conversions of one lead: one customer, one conversion', async () => {
    const l = await newLead('rep2', { company: '并发转换测试有限公司' });
    const results = await Promise.all([0, 1, 2].map(() => u('rep2').post(`/api/leads/${l.id}/actions/convert`, { mode: 'new' })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).every((r) => ['lead_already_converted', 'customer_duplicate'].includes(r.body.error.code))).toBe(true);
    expect(await t.db.select().from(customers).where(and(eq(customers.corpId, corp.id), eq(customers.name, '并发转换测试有限公司')))).toHaveLength(1);
  });

  it('merge: a duplicate customer is refused for new (409 customer_duplicate) and offered as a candidate; merge reuses the contact with the same mobile', async () => {
    const m = mobile();
    const c = await u('rep1').post('/api/customers', { name: '合并目标有限公司', contact: { name: '孙八', mobile: m } });
    expect(c.status).toBe(201);
    const l = await newLead('rep1', { name: '孙八', company: '合并目标有限公司', mobile: m });
    const dup = await u('rep1').post(`/api/leads/${l.id}/actions/convert`, { mode: 'new' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('customer_duplicate');
    expect(dup.body.error.details.customerId).toBe(c.body.id);
    const cands = await u('rep1').get(`/api/leads/${l.id}/convert-candidates`);
    expect(cands.body.items).toEqual([expect.objectContaining({ customerId: c.body.id, matchedBy: 'mobile' })]);
    const before = await t.db.select().from(contacts).where(eq(contacts.customerId, Number(c.body.id)));
    const res = await u('rep1').post(`/api/leads/${l.id}/actions/convert`, { mode: 'merge', customerId: c.body.id });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.conversion).toMatchObject({ mode: 'merge', customerId: c.body.id, contactId: String(before[0]!.id), metRules: false, ruleFailures: ['min_follow_ups'] });
    expect(await t.db.select().from(contacts).where(eq(contacts.customerId, Number(c.body.id)))).toHaveLength(before.length);
  });

  it('merge into a customer outside the scope is 404', async () => {
    const other = await u('rep9').post('/api/customers', { name: '外部门客户有限公司' });
    const l = await newLead('rep1');
    expect((await u('rep1').post(`/api/leads/${l.id}/actions/convert`, { mode: 'merge', customerId: other.body.id })).status).toBe(404);
  });

  it('a conversion after the SLA is recorded as not meeting the rules; reports group it by marketer / campaign / source', async () => {
    const l = await newLead('rep3', { source: '官网', company: 'SLA 测试有限公司' });
    await u('rep3').post('/api/follow-ups', { type: 'phone', content: '电话', leadId: l.id });
    // The lead arrived 40 days ago (sessions would expire if the clock moved instead).
    await t.db.update(leads).set({ createdAt: new Date(Date.now() - 40 * 86_400_000) }).where(eq(leads.id, Number(l.id)));
    const res = await u('rep3').post(`/api/leads/${l.id}/actions/convert`, { mode: 'new', opportunity: { name: 'SLA 测试商机', amount: 1_000_000 } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.conversion).toMatchObject({ metRules: false, ruleFailures: ['sla_days'] });
      expect(res.body.conversion.opportunityId).toMatch(/^\d+$/);
      expect(res.body.conversion.durationSeconds).toBeGreaterThan(39 * 86400);
      const opp = await u('rep3').get(`/api/opportunities/${res.body.conversion.opportunityId}`);
      expect(opp.body).toMatchObject({ name: 'SLA 测试商机', customer: { id: res.body.conversion.customerId } });
    const byRep = await u('manager').get('/api/lead-reports/conversions?groupBy=marketer');
    expect(byRep.body.items.find((i: any) => i.key === String(corp.users.rep3!.id))).toMatchObject({ conversions: 1, metRules: 0 });
    const bySource = await u('admin').get('/api/lead-reports/conversions?groupBy=source');
    expect(bySource.body.items.find((i: any) => i.key === '官网')).toMatchObject({ conversions: 1 });
    const rep9 = await u('rep9').get('/api/lead-reports/conversions?groupBy=marketer');
    expect(rep9.body.items).toEqual([]);
    const funnel = await u('admin').get('/api/lead-reports/funnel');
    expect(funnel.body.leads).toBeGreaterThan(funnel.body.converted);
    expect(funnel.body.converted).toBeGreaterThanOrEqual(4);
  });
});

describe('edit and import', () => {
  it('the owner edits fields; the duplicate rule holds on edit', async () => {
    const a = await newLead('rep1', { name: '周九', company: '编辑测试公司' });
    const b = await newLead('rep1');
    const ok = await u('rep1').patch(`/api/leads/${b.id}`, { grade: 'B', need: '预算 10 万' });
    expect(ok.body).toMatchObject({ grade: 'B', need: '预算 10 万' });
    const dup = await u('rep1').patch(`/api/leads/${b.id}`, { name: '周九', company: '编辑测试公司' });
    expect(dup.body.error.code).toBe('lead_duplicate');
    expect(a.id).not.toBe(b.id);
  });

  it('imports rows and reports row errors (bad mobile, missing name, duplicates)', async () => {
    const tpl = await u('rep2').get('/api/leads/import-template');
    expect(tpl.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('线索');
    ws.addRow(['姓名*', '公司', '手机', '微信', '地区', '来源', '线索等级', '标签（逗号分隔）', '需求描述']);
    const m = mobile();
    ws.addRow(['导入甲', '导入公司甲', m, '', '浙江', '展会', 'A', '展会,华东', '需要报价']);
    ws.addRow(['导入乙', '', '12345']);
    ws.addRow(['', '无名公司']);
    ws.addRow(['导入丙', '', m]);
    const res = await fetch(`${t.url}/api/leads/import?assignTo=pool`, {
      method: 'POST',
      headers: { authorization: `Bearer ${corp.users.rep2!.token}`, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      body: Buffer.from(await wb.xlsx.writeBuffer()),
    });
    const body = (await res.json()) as any;
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ created: 1, skipped: 1 });
    expect(body.errors.map((e: any) => [e.row, e.field])).toEqual(expect.arrayContaining([[3, 'mobile'], [4, 'name'], [5, 'mobile']]));
    const pool = await u('rep2').get(`/api/leads?scope=pool&q=${encodeURIComponent('导入甲')}`);
    expect(pool.body.items).toHaveLength(1);
    expect(pool.body.items[0].tags).toEqual(['展会', '华东']);
  });
});

describe('conversion maps the lead grade onto the corp\'s customer grades', () => {
  it('keeps an allowed grade and drops one the corp does not use, without failing the conversion', async () => {
    const { corps } = await import('../../src/db/schema/index');
    const other = await makeCorp(t);
    await other.users.admin!.api.post('/api/pools', { entityType: 'lead', name: '线索池', isDefault: true });
    await t.db.update(corps).set({ settings: { customerGrades: ['重点', '普通'] } }).where(eq(corps.id, other.id));
    expect((await other.users.rep1!.api.get('/api/customer-grades')).body.items).toEqual(['重点', '普通']);
    const convert = async (grade: string, company: string) => {
      const l = await other.users.rep1!.api.post('/api/leads', { name: `等级${grade}`, company, mobile: mobile(), grade });
      expect(l.status, JSON.stringify(l.body)).toBe(201);
      const res = await other.users.rep1!.api.post(`/api/leads/${l.body.id}/actions/convert`, { mode: 'new' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return (await other.users.rep1!.api.get(`/api/customers/${res.body.conversion.customerId}`)).body;
    };
    expect((await convert('A', '等级映射甲公司')).grade).toBeNull();
    expect((await convert('重点', '等级映射乙公司')).grade).toBe('重点');
    // In a corp with the default A/B/C the lead's grade is kept as it is.
    const l = await newLead('rep1', { company: '等级映射丙公司', grade: 'B' });
    const res = await u('rep1').post(`/api/leads/${l.id}/actions/convert`, { mode: 'new' });
    expect((await u('rep1').get(`/api/customers/${res.body.conversion.customerId}`)).body.grade).toBe('B');
    // A grade typed in the convert form is still checked against the corp's list.
    const typed = await other.users.rep1!.api.post('/api/leads', { name: '等级手填', company: '等级映射丁公司', mobile: mobile() });
    const bad = await other.users.rep1!.api.post(`/api/leads/${typed.body.id}/actions/convert`, { mode: 'new', customer: { grade: 'A' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('重点');
  });
});

describe('bulk actions', () => {
  it('answer one result per lead and are described in openapi.json', async () => {
    const mine = await newLead('rep1');
    const foreign = await newLead('rep9');
    const res = await u('rep1').post('/api/leads/bulk-actions', { ids: [mine.id, foreign.id], action: 'transfer', toUserId: String(corp.users.rep2!.id) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ succeeded: 1, failed: 1 });
    expect(res.body.results).toEqual(expect.arrayContaining([expect.objectContaining({ id: mine.id, ok: true }), expect.objectContaining({ id: foreign.id, ok: false })]));
    const doc = (await t.api.get('/api/openapi.json')).body;
    const schema = doc.paths['/api/leads/bulk-actions'].post.responses['200'].content['application/json'].schema;
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['results', 'succeeded', 'failed']));
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidCreditCode, normaliseCustomerName } from '@scrm/shared';
import { externalContacts } from '../../src/db/schema/index';
import { createLeadFromExternalContact } from '../../src/modules/leads/service';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';

let t: TestServer;
let corp: TestCorp;
let poolId: string;
const u = (k: string) => corp.users[k]!;
beforeAll(async () => {
  t = await startTestServer();
  corp = await makeCorp(t);
  const res = await u('admin').api.post('/api/pools', { entityType: 'customer', name: '公海', isDefault: true });
  expect(res.status).toBe(201);
  poolId = res.body.id;
});
afterAll(async () => t.close());

describe('customer basics', () => {
  it('creates a customer with only a name, owned by the caller', async () => {
    const res = await u('rep1').api.post('/api/customers', { name: '杭州云帆科技有限公司' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '杭州云帆科技有限公司', ownerId: String(u('rep1').id), grade: null, followUpCount: 0 });
  });

  it('validates with Chinese messages (credit code checksum, mobile)', async () => {
    const res = await u('rep1').api.post('/api/customers', { name: '校验测试', creditCode: '91350100M000100Y42', contact: { name: '张三', mobile: '123' } });
    expect(res.status).toBe(400);
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.creditCode', 'body.contact.mobile']));
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(normaliseCustomerName('（北京） 星河 有限公司')).toBe(normaliseCustomerName('(北京)星河有限公司'));
  });

  it('rejects a duplicate name after normalising, naming the owner masked for outsiders', async () => {
    await u('rep1').api.post('/api/customers', { name: '（北京）星河数据有限公司', creditCode: '91350100M000100Y43', contact: { name: '李四', mobile: '13912345678' } });
    const byOutsider = await u('rep9').api.post('/api/customers', { name: '(北京) 星河数据有限公司' });
    expect(byOutsider.status).toBe(409);
    expect(byOutsider.body.error.code).toBe('customer_duplicate');
    expect(byOutsider.body.error.details).toMatchObject({ field: 'name', customerId: null, ownerName: '用*****' });
    const byManager = await u('manager').api.post('/api/customers', { name: '另一个名字', creditCode: '91350100M000100Y43' });
    expect(byManager.status).toBe(409);
    expect(byManager.body.error.details).toMatchObject({ field: 'creditCode', ownerName: '用户rep1' });
    expect(byManager.body.error.details.customerId).toMatch(/^\d+$/);
    const byPhone = await u('rep2').api.post('/api/customers', { name: '第三个名字', contact: { name: '王五', mobile: '13912345678' } });
    expect(byPhone.status).toBe(409);
    expect(byPhone.body.error.details.field).toBe('mobile');
  });
});

describe('data scope', () => {
  let id: string;
  beforeAll(async () => {
    id = (await u('rep1').api.post('/api/customers', { name: '范围测试公司' })).body.id;
  });
  it.each([
    ['rep1', 200],
    ['admin', 200],
    ['manager', 200],
    ['rep2', 404],
    ['rep3', 404],
    ['rep9', 404],
    ['manager2', 404],
    ['finance', 404],
  ])('%s reading a rep1 customer → %i (detail, edit, action, timeline)', async (who, status) => {
    const api = u(who).api;
    expect((await api.get(`/api/customers/${id}`)).status).toBe(status);
    expect((await api.get(`/api/customers/${id}/timeline`)).status).toBe(status);
    if (status === 404) {
      expect((await api.patch(`/api/customers/${id}`, { industry: '制造业' })).status).toBe(404);
      expect((await api.post(`/api/customers/${id}/actions/transfer`, { toUserId: String(u(who).id) })).status).toBe(404);
      const list = await api.get('/api/customers?scope=all&limit=100');
      expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(id);
    }
  });
  it('a collaborator sees the customer; a read collaborator cannot edit', async () => {
    await u('rep1').api.request('PUT', `/api/customers/${id}/collaborators`, { collaborators: [{ userId: String(u('rep9').id), permission: 'read' }] });
    expect((await u('rep9').api.get(`/api/customers/${id}`)).status).toBe(200);
    expect((await u('rep9').api.patch(`/api/customers/${id}`, { industry: 'IT' })).status).toBe(403);
    const mine = await u('rep9').api.get('/api/customers?scope=mine');
    expect(mine.body.items.map((c: { id: string }) => c.id)).toContain(id);
  });
  it('lists keyset-page without repeats', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await u('rep1').api.get(`/api/customers?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      for (const c of res.body.items) {
        expect(seen.has(c.id)).toBe(false);
        seen.add(c.id);
      }
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.size).toBeGreaterThanOrEqual(3);
  });
});

describe('follow-ups and rollups', () => {
  it('a follow-up updates count, last and next follow-up and shows on the timeline', async () => {
    const c = (await u('rep2').api.post('/api/customers', { name: '跟进测试公司', contact: { name: '赵六' } })).body;
    const res = await u('rep2').api.post('/api/follow-ups', { customerId: c.id, type: 'phone', content: '电话沟通需求', nextFollowUpAt: '2030-01-01T10:00:00+08:00' });
    expect(res.status).toBe(201);
    const after = (await u('rep2').api.get(`/api/customers/${c.id}`)).body;
    expect(after.followUpCount).toBe(1);
    expect(after.lastFollowUpAt).toBeTruthy();
    expect(after.nextFollowUpAt).toBe('2030-01-01T10:00:00.000+08:00');
    const tl = (await u('rep2').api.get(`/api/customers/${c.id}/timeline`)).body.items;
    expect(tl.map((i: { kind: string }) => i.kind)).toEqual(expect.arrayContaining(['follow_up', 'created']));
    expect((await u('rep9').api.get(`/api/follow-ups/${res.body.id}`)).status).toBe(404);
    expect((await u('rep9').api.post('/api/follow-ups', { customerId: c.id, type: 'phone', content: 'x' })).status).toBe(404);
  });
});

describe('sidebar and WeCom leads', () => {
  it('creates a lead once per external contact, then binding a contact shows the customer', async () => {
    const [ext] = await t.db.insert(externalContacts).values({ corpId: corp.id, externalUserId: `wm_t_${corp.id}`, name: '孙七', corpName: '孙氏贸易' }).$returningId();
    const first = await createLeadFromExternalContact(t.db, t.deps, { corpId: corp.id, ownerUserId: u('rep1').id, externalContactId: ext!.id, name: '孙七' });
    const again = await createLeadFromExternalContact(t.db, t.deps, { corpId: corp.id, ownerUserId: u('rep1').id, externalContactId: ext!.id, name: '孙七' });
    expect(first.created).toBe(true);
    expect(again).toEqual({ leadId: first.leadId, created: false });
    let ctx = await u('rep1').api.get(`/api/sidebar/context?externalUserId=wm_t_${corp.id}`);
    expect(ctx.status).toBe(200);
    expect(ctx.body).toMatchObject({ externalContact: { name: '孙七' }, contact: null, customer: null, lead: { id: String(first.leadId) }, opportunities: [] });
    const created = await u('rep1').api.post('/api/sidebar/create-customer', { externalUserId: `wm_t_${corp.id}` });
    expect(created.status).toBe(201);
    expect(created.body.customer.name).toBe('孙氏贸易');
    expect(created.body.contact.externalUserId).toBe(`wm_t_${corp.id}`);
    expect((await u('rep1').api.get('/api/sidebar/context?externalUserId=nobody')).status).toBe(404);
    ctx = await u('rep9').api.get(`/api/sidebar/context?externalUserId=wm_t_${corp.id}`);
    expect(ctx.body.customer).toBeNull();
    const [row] = await t.db.select().from(externalContacts).where(eq(externalContacts.id, ext!.id));
    expect(row).toBeTruthy();
  });
});

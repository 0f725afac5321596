import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';

/** One rule per aggregate (docs/CONVENTIONS.md, "Visibility"): each test pins a difference that was removed. */
let t: TestServer;
let corp: TestCorp;
const u = (k: string) => corp.users[k]!.api;
let customerId: string;
beforeAll(async () => {
  t = await startTestServer();
  corp = await makeCorp(t);
  expect((await u('admin').post('/api/pools', { entityType: 'customer', name: '公海', isDefault: true })).status).toBe(201);
  expect((await u('admin').post('/api/pools', { entityType: 'lead', name: '线索池', isDefault: true })).status).toBe(201);
  customerId = (await u('rep1').post('/api/customers', { name: '可见性规则公司' })).body.id;
  const collaborators = [
    { userId: String(corp.users.rep9!.id), permission: 'read' },
    { userId: String(corp.users.manager2!.id), permission: 'edit' },
  ];
  expect((await u('rep1').request('PUT', `/api/customers/${customerId}/collaborators`, { collaborators })).status).toBe(200);
});
afterAll(async () => t.close());

describe('opening an opportunity on a customer', () => {
  it('a collaborator (read or edit) whose scope does not hold the owner gets 403, not 404; an outsider 404; the owner 201', async () => {
    const body = { customerId, name: '协作人商机' };
    expect((await u('rep9').post('/api/opportunities', body)).status).toBe(403);
    expect((await u('manager2').post('/api/opportunities', body)).status).toBe(403);
    expect((await u('rep2').post('/api/opportunities', body)).status).toBe(404);
    expect((await u('rep1').post('/api/opportunities', body)).status).toBe(201);
  });

  it('a rep who sees a pool customer is told to claim it first (409 customer_in_pool), not 404', async () => {
    const c = (await u('rep2').post('/api/customers', { name: '公海里的公司' })).body;
    expect((await u('rep2').post(`/api/customers/${c.id}/actions/return`, { reason: '暂无需求' })).status).toBe(200);
    expect((await u('rep9').get(`/api/customers/${c.id}`)).status).toBe(200);
    const res = await u('rep9').post('/api/opportunities', { customerId: c.id, name: '公海商机' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('customer_in_pool');
  });
});

describe('follow-ups', () => {
  let opportunityId: string;
  let followUpId: string;
  beforeAll(async () => {
    opportunityId = (await u('rep1').post('/api/opportunities', { customerId, name: '跟进用商机' })).body.id;
    followUpId = (await u('rep1').post('/api/follow-ups', { customerId, type: 'phone', content: '负责人的跟进' })).body.id;
  });

  it('a follow-up cannot link an opportunity the caller cannot see, even on a customer they collaborate on', async () => {
    expect((await u('rep9').post('/api/follow-ups', { customerId, opportunityId, type: 'phone', content: '协作人跟进' })).status).toBe(404);
    expect((await u('rep9').post('/api/follow-ups', { customerId, type: 'phone', content: '协作人跟进' })).status).toBe(201);
    expect((await u('rep1').post('/api/follow-ups', { customerId, opportunityId, type: 'phone', content: '负责人跟进商机' })).status).toBe(201);
  });

  it('a leader who sees a follow-up only through a collaborated customer cannot edit it; the author’s leader can', async () => {
    expect((await u('manager2').get(`/api/follow-ups/${followUpId}`)).status).toBe(200);
    expect((await u('manager2').patch(`/api/follow-ups/${followUpId}`, { content: '改一下' })).status).toBe(403);
    expect((await u('manager').patch(`/api/follow-ups/${followUpId}`, { content: '上级修改' })).status).toBe(200);
  });

  it('the follow-up list shows what the detail shows: follow-ups of a pool lead the caller can see', async () => {
    const lead = (await u('rep1').post('/api/leads', { name: '池中线索', mobile: '13700001111' })).body;
    const f = (await u('rep1').post('/api/follow-ups', { leadId: lead.id, type: 'phone', content: '线索跟进' })).body;
    expect((await u('rep1').post(`/api/leads/${lead.id}/actions/return`, { reason: '无效' })).status).toBe(200);
    expect((await u('rep9').get(`/api/follow-ups/${f.id}`)).status).toBe(200);
    const list = await u('rep9').get(`/api/follow-ups?leadId=${lead.id}&scope=all`);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(f.id);
    expect((await u('rep9').get(`/api/follow-ups?scope=all&limit=100`)).body.items.map((i: { id: string }) => i.id)).toContain(f.id);
  });
});

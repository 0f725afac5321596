import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupChatOut, groupContextOut } from '@scrm/shared';
import { customers } from '../../src/db/schema/index';
import { makeCorp, startTestServer, type TestCorp, type TestServer, type TestUser } from '../harness';

let t: TestServer;
let corp: TestCorp;
async function customerOf(owner: TestUser, name: string) {
  const [c] = await t.db.insert(customers).values({ corpId: corp.id, name, nameKey: name, ownerId: owner.id, ownedAt: new Date() }).$returningId();
  return String(c!.id);
}
async function opportunityOf(owner: TestUser, customerId: string, name: string) {
  const o = await owner.api.post('/api/opportunities', { customerId, name, amount: 80_000 });
  expect(o.status, JSON.stringify(o.body)).toBe(201);
  return o.body.id as string;
}
beforeAll(async () => {
  t = await startTestServer();
  t.clock.set('2026-11-27T10:00:00+08:00');
  corp = await makeCorp(t);
});
afterAll(async () => t.close());

describe('group chat bound to an opportunity', () => {
  it('binds a group chat to a customer and one of its opportunities; the group context shows both', async () => {
    const rep = corp.users.rep1!;
    const cust = await customerOf(rep, '群客户');
    const opp = await opportunityOf(rep, cust, '群商机');
    const chatId = `wr_opp_${corp.id}`;
    const bound = await rep.api.post(`/api/customers/${cust}/group-chats`, { chatId, name: '项目群', opportunityId: opp });
    expect(bound.status, JSON.stringify(bound.body)).toBe(201);
    expect(groupChatOut.parse(bound.body)).toMatchObject({ chatId, customerId: cust, opportunityId: opp });
    const ctx = await rep.api.get(`/api/sidebar/group-context?chatId=${chatId}`);
    expect(ctx.status).toBe(200);
    groupContextOut.parse(ctx.body);
    expect(ctx.body).toMatchObject({ bound: true, customer: { id: cust }, opportunityId: opp, opportunity: { id: opp, name: '群商机', status: 'open', stage: { name: '初步接洽' }, amount: { amount: 80_000 } } });
    const list = await rep.api.get(`/api/customers/${cust}/group-chats`);
    expect(list.body.items[0].opportunityId).toBe(opp);
  });

  it('the opportunity must be the customer’s (409) and inside the caller’s scope (404)', async () => {
    const rep = corp.users.rep1!;
    const cust = await customerOf(rep, '客户甲');
    const other = await opportunityOf(rep, await customerOf(rep, '客户乙'), '乙的商机');
    const wrong = await rep.api.post(`/api/customers/${cust}/group-chats`, { chatId: `wr_x_${corp.id}`, opportunityId: other });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error.code).toBe('opportunity_not_of_customer');
    const foreign = await opportunityOf(corp.users.rep9!, await customerOf(corp.users.rep9!, '客户丙'), '丙的商机');
    const hidden = await rep.api.post(`/api/customers/${cust}/group-chats`, { chatId: `wr_y_${corp.id}`, opportunityId: foreign });
    expect(hidden.status).toBe(404);
    const none = await rep.api.post(`/api/customers/${cust}/group-chats`, { chatId: `wr_z_${corp.id}` });
    expect(none.status).toBe(201);
    expect(none.body.opportunityId).toBeNull();
  });

  it('the opportunity can be changed or unbound later; others see nothing of it', async () => {
    const rep = corp.users.rep2!;
    const cust = await customerOf(rep, '客户丁');
    const a = await opportunityOf(rep, cust, '一期');
    const b = await opportunityOf(rep, cust, '二期');
    const chatId = `wr_patch_${corp.id}`;
    await rep.api.post(`/api/customers/${cust}/group-chats`, { chatId, opportunityId: a });
    const moved = await rep.api.patch(`/api/customers/${cust}/group-chats/${chatId}`, { opportunityId: b });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.opportunityId).toBe(b);
    expect((await rep.api.get(`/api/sidebar/group-context?chatId=${chatId}`)).body.opportunity.name).toBe('二期');
    const outsider = await corp.users.rep9!.api.get(`/api/sidebar/group-context?chatId=${chatId}`);
    expect(outsider.body).toMatchObject({ bound: true, customer: null, opportunityId: null, opportunity: null });
    expect((await corp.users.rep9!.api.patch(`/api/customers/${cust}/group-chats/${chatId}`, { opportunityId: null })).status).toBe(404);
    const cleared = await rep.api.patch(`/api/customers/${cust}/group-chats/${chatId}`, { opportunityId: null });
    expect(cleared.body.opportunityId).toBeNull();
    expect((await rep.api.get(`/api/sidebar/group-context?chatId=${chatId}`)).body).toMatchObject({ opportunityId: null, opportunity: null });
    expect((await rep.api.patch(`/api/customers/${cust}/group-chats/wr_missing`, { opportunityId: null })).status).toBe(404);
  });
});

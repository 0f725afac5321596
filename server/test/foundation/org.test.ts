import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('org directory', () => {
  it('lists the departments of the caller corp only, with parents and member counts', async () => {
    const res = await corp.users.rep1!.api.get('/api/departments');
    expect(res.status).toBe(200);
    const names = res.body.items.map((d: { name: string }) => d.name);
    expect(names).toEqual(expect.arrayContaining(['总部', '销售一部', '销售一部一组', '销售二部', '财务部']));
    expect(res.body.items).toHaveLength(5);
    const sales1 = res.body.items.find((d: { name: string }) => d.name === '销售一部');
    expect(sales1.parentId).toBe(String(corp.departments['总部']));
    expect(sales1.memberCount).toBe(3);
    expect(res.body.nextCursor).toBeNull();
  });

  it('finds colleagues by name, filters by department, pages with a cursor, never shows another corp', async () => {
    const byName = await corp.users.rep1!.api.get('/api/users?q=rep9');
    expect(byName.body.items.map((u: { wecomUserId: string }) => u.wecomUserId)).toEqual(['rep9']);
    expect(byName.body.items[0].departmentName).toBe('销售二部');
    const dept = await corp.users.rep1!.api.get(`/api/users?departmentId=${corp.departments['销售一部']}`);
    expect(dept.body.items.map((u: { wecomUserId: string }) => u.wecomUserId).sort()).toEqual(['manager', 'rep1', 'rep2']);
    const page1 = await corp.users.rep1!.api.get('/api/users?limit=5');
    expect(page1.body.items).toHaveLength(5);
    const page2 = await corp.users.rep1!.api.get(`/api/users?limit=5&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items).toHaveLength(3);
    expect(page2.body.nextCursor).toBeNull();
    const all = [...page1.body.items, ...page2.body.items].map((u: { id: string }) => u.id);
    expect(all).not.toContain(String(other.users.rep1!.id));
    expect((await corp.users.rep1!.api.get('/api/users?cursor=garbage')).status).toBe(400);
  });
});

describe('method override for the mini program', () => {
  it('applies POST + X-HTTP-Method-Override: PATCH as the PATCH it stands for', async () => {
    const api = corp.users.rep1!.api;
    const created = await api.post('/api/customers', { name: '覆盖方法测试有限公司' });
    expect(created.status).toBeLessThan(300);
    const res = await api.request('POST', `/api/customers/${created.body.id}`, { industry: '制造业' }, { 'x-http-method-override': 'PATCH' });
    expect(res.status).toBe(200);
    expect((await api.get(`/api/customers/${created.body.id}`)).body.industry).toBe('制造业');
  });

  it('does not turn POST into GET', async () => {
    const res = await corp.users.rep1!.api.request('POST', '/api/me', {}, { 'x-http-method-override': 'GET' });
    expect(res.status).not.toBe(200);
  });
});

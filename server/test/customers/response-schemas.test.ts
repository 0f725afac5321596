import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  bulkActionResult,
  groupChatListOut,
  groupChatOut,
  groupContextOut,
  pipelineForecastOut,
  pipelineFunnelOut,
  pipelineKanbanOut,
  sidebarContextOut,
} from '@scrm/shared';
import { contacts, customers, externalContacts } from '../../src/db/schema/index';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';

let t: TestServer;
let corp: TestCorp;
let customerId: string;
beforeAll(async () => {
  t = await startTestServer();
  t.clock.set('2026-11-27T10:00:00+08:00');
  corp = await makeCorp(t);
  const rep = corp.users.rep1!;
  const [c] = await t.db.insert(customers).values({ corpId: corp.id, name: '响应客户', nameKey: '响应客户', ownerId: rep.id, ownedAt: new Date() }).$returningId();
  customerId = String(c!.id);
  const [ext] = await t.db.insert(externalContacts).values({ corpId: corp.id, externalUserId: `wm_resp_${corp.id}`, name: '周八', corpName: '周氏' }).$returningId();
  await t.db.insert(contacts).values({ corpId: corp.id, customerId: c!.id, name: '周八', externalContactId: ext!.id });
  const o = await rep.api.post('/api/opportunities', { customerId, name: '响应商机', amount: 120_000, expectedCloseDate: '2026-12-20' });
  expect(o.status, JSON.stringify(o.body)).toBe(201);
  await rep.api.post('/api/follow-ups', { customerId, type: 'phone', content: '电话沟通' });
});
afterAll(async () => t.close());

/** The answer matches its declared schema exactly (strictly: no undeclared drift in types). */
function conforms(schema: z.ZodType, body: unknown) {
  const r = schema.safeParse(body);
  expect(r.success, r.success ? '' : JSON.stringify(r.error.issues.slice(0, 3))).toBe(true);
}

describe('response schemas', () => {
  const described: [string, 'get' | 'post'][] = [
    ['/api/pipeline/funnel', 'get'],
    ['/api/pipeline/kanban', 'get'],
    ['/api/pipeline/forecast', 'get'],
    ['/api/sidebar/context', 'get'],
    ['/api/sidebar/bind-contact', 'post'],
    ['/api/sidebar/create-customer', 'post'],
    ['/api/sidebar/keep-as-lead', 'post'],
    ['/api/sidebar/group-context', 'get'],
    ['/api/customers/{id}/group-chats', 'get'],
    ['/api/customers/{id}/group-chats', 'post'],
    ['/api/customers/bulk-actions', 'post'],
    ['/api/instalments', 'get'],
    ['/api/receivables', 'get'],
  ];
  it('openapi.json describes the answers of the pipeline, sidebar, group-chat and bulk-action routes', async () => {
    const doc = (await t.api.get('/api/openapi.json')).body;
    for (const [path, method] of described) {
      const op = doc.paths[path]?.[method];
      expect(op, `${method} ${path}`).toBeTruthy();
      const ok = Object.entries(op.responses).find(([code]) => code.startsWith('2'))![1] as any;
      const schema = ok.content['application/json'].schema;
      expect(schema.type, `${method} ${path}`).toBe('object');
      expect(Object.keys(schema.properties ?? {}).length, `${method} ${path}`).toBeGreaterThan(0);
    }
  });

  it('the pipeline answers match their schemas', async () => {
    const api = corp.users.rep1!.api;
    const funnel = await api.get('/api/pipeline/funnel?scope=mine');
    conforms(pipelineFunnelOut, funnel.body);
    expect(funnel.body.stages.reduce((s: number, x: any) => s + x.count, 0)).toBe(1);
    const kanban = await api.get('/api/pipeline/kanban?scope=mine');
    conforms(pipelineKanbanOut, kanban.body);
    expect(kanban.body.columns.flatMap((c: any) => c.cards).map((c: any) => c.name)).toEqual(['响应商机']);
    for (const groupBy of ['month', 'owner', 'department']) conforms(pipelineForecastOut, (await api.get(`/api/pipeline/forecast?groupBy=${groupBy}`)).body);
  });

  it('the sidebar and group-chat answers match their schemas', async () => {
    const api = corp.users.rep1!.api;
    const ctx = await api.get(`/api/sidebar/context?externalUserId=wm_resp_${corp.id}`);
    expect(ctx.status).toBe(200);
    conforms(sidebarContextOut, ctx.body);
    expect(ctx.body.opportunities).toHaveLength(1);
    expect(ctx.body.followUps).toHaveLength(1);
    const bound = await api.post(`/api/customers/${customerId}/group-chats`, { chatId: `wr_resp_${corp.id}`, name: '项目群' });
    expect(bound.status).toBe(201);
    conforms(groupChatOut, bound.body);
    conforms(groupChatListOut, (await api.get(`/api/customers/${customerId}/group-chats`)).body);
    const group = await api.get(`/api/sidebar/group-context?chatId=wr_resp_${corp.id}`);
    conforms(groupContextOut, group.body);
    expect(group.body.customer.id).toBe(customerId);
  });

  it('the bulk-action answer matches its schema', async () => {
    const res = await corp.users.manager!.api.post('/api/customers/bulk-actions', { ids: [customerId, '999999999'], action: 'transfer', toUserId: String(corp.users.rep2!.id) });
    expect(res.status).toBe(200);
    conforms(bulkActionResult, res.body);
    expect(res.body).toMatchObject({ succeeded: 1, failed: 1 });
  });
});

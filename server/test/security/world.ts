import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { wecomOutbox } from '../../src/db/schema/index';
import { makeCorp, type ApiResponse, type TestCorp, type TestServer, type TestUser } from '../harness';
import { approveDoc } from '../contracts/fixtures';
import { PNG_1PX } from '../visits/fixtures';

/** The kinds of record an `:id`-style route parameter can refer to. */
export type Kind =
  | 'customer' | 'contact' | 'followUp' | 'lead' | 'pool' | 'opportunity' | 'oppContact' | 'supportRequest' | 'quote'
  | 'visit' | 'file' | 'expenseClaim' | 'advance' | 'report' | 'approval' | 'contract' | 'receipt' | 'receivable'
  | 'order' | 'shipment' | 'invoice' | 'asset' | 'campaign' | 'campaignPayment' | 'priceList' | 'productCategory'
  | 'product' | 'sku' | 'groupChat' | 'deadLetter';

/** One corp with at least one record of every kind, all made through the API by their owners. */
export interface World {
  corp: TestCorp;
  /** Records owned by rep1 (or corp-wide records made by admin). */
  ids: Record<Kind, string>;
  /** Text put into every record's name/title: must never show up in another corp's answers. */
  marker: string;
  /** A valid body per `METHOD /path` (path with `:params`), for routes that need one to reach the scope check. */
  bodies: Record<string, unknown>;
}

/** In a body: replaced by the calling user's id (a transfer target the caller may always name). */
export const CALLER = '$caller';
export function bodyFor(world: World, key: string, caller: TestUser): unknown {
  const body = world.bodies[key];
  if (!body || typeof body !== 'object') return body;
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, v === CALLER ? String(caller.id) : v]));
}

let seq = 0;
const uniq = () => `M${randomBytes(4).toString('hex')}${++seq}`;

function ok(res: ApiResponse, what: string): any {
  expect(res.status, `${what}: ${res.status} ${res.text}`).toBeLessThan(300);
  return res.body;
}

export async function buildWorld(t: TestServer): Promise<World> {
  const corp = await makeCorp(t);
  const u = (k: string): TestUser => corp.users[k]!;
  const admin = u('admin').api;
  const rep = u('rep1').api;
  const ids = {} as Record<Kind, string>;
  const bodies: Record<string, unknown> = {};
  const n = uniq();

  // Admin-made, corp-wide records.
  ids.pool = ok(await admin.post('/api/pools', { entityType: 'customer', name: `公海${n}` }), 'pool').id;
  ok(await admin.post('/api/pools', { entityType: 'lead', name: `线索池${n}`, isDefault: true }), 'lead pool');
  ids.productCategory = ok(await admin.post('/api/product-categories', { name: `分类${n}` }), 'category').id;
  const product = ok(
    await admin.post('/api/products', { code: `P${n}`, name: `产品${n}`, categoryId: ids.productCategory, skus: [{ code: `S${n}`, name: '标准版' }] }),
    'product',
  );
  ids.product = product.id;
  ids.sku = product.skus[0].id;
  ids.priceList = ok(await admin.post('/api/price-lists', { name: `价目表${n}` }), 'price list').id;
  const campaign = ok(
    await admin.post('/api/campaigns', { name: `活动${n}`, type: 'online_promotion', channel: '信息流', startDate: '2026-11-01', endDate: '2026-12-31', budget: 100000, status: 'active' }),
    'campaign',
  );
  ids.campaign = campaign.id;
  const withVendor = ok(await admin.post(`/api/campaigns/${ids.campaign}/vendors`, { name: `供应商${n}` }), 'vendor');
  const vendorId = withVendor.vendors[0].id;
  ok(await admin.post(`/api/campaigns/${ids.campaign}/costs`, { vendorId, item: '场地', amount: 1000 }), 'cost');
  const withPayment = ok(await admin.post(`/api/campaigns/${ids.campaign}/payments`, { vendorId, amount: 100 }), 'payment');
  ids.campaignPayment = withPayment.payments[0].id;

  // rep1's book.
  ids.customer = ok(await rep.post('/api/customers', { name: `隔离客户${n}` }), 'customer').id;
  ids.contact = ok(await rep.post('/api/contacts', { customerId: ids.customer, name: `王总${n}` }), 'contact').id;
  ids.followUp = ok(await rep.post('/api/follow-ups', { customerId: ids.customer, type: 'wechat', content: `微信沟通${n}` }), 'follow-up').id;
  ids.lead = ok(await rep.post('/api/leads', { name: `线索${n}` }), 'lead').id;
  ids.opportunity = ok(await rep.post('/api/opportunities', { customerId: ids.customer, name: `商机${n}`, amount: 500000 }), 'opportunity').id;
  ids.oppContact = ok(await rep.post(`/api/opportunities/${ids.opportunity}/contacts`, { contactId: ids.contact, role: 'decision_maker' }), 'opp contact').id;
  ids.supportRequest = ok(await rep.post(`/api/opportunities/${ids.opportunity}/support-requests`, { need: `售前演示${n}` }), 'support').id;
  ids.quote = ok(
    await rep.post(`/api/opportunities/${ids.opportunity}/quotes`, { lines: [{ skuId: ids.sku, quantity: 1, listPrice: 10000 }] }),
    'quote',
  ).id;
  const start = new Date(t.clock.now().getTime() + 86400_000);
  ids.visit = ok(
    await rep.post('/api/visits', { customerId: ids.customer, purpose: `产品演示${n}`, plannedStart: start.toISOString(), plannedEnd: new Date(start.getTime() + 3600_000).toISOString() }),
    'visit',
  ).id;
  const form = new FormData();
  form.append('file', new Blob([PNG_1PX], { type: 'image/png' }), 'a.png');
  const up = await fetch(`${t.url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${u('rep1').token}` }, body: form });
  ids.file = ((await up.json()) as { id: string }).id;
  expect(up.status).toBe(201);
  const cats = ok(await rep.get('/api/expense-categories'), 'categories').items;
  ids.expenseClaim = ok(
    await rep.post('/api/expense-claims', { title: `出差报销${n}`, lines: [{ spentOn: '2026-11-20', categoryId: cats[0].id, amount: 1000, description: '交通' }] }),
    'claim',
  ).id;
  ids.advance = ok(await rep.post('/api/advances', { amount: 1000, reason: `展会备用金${n}` }), 'advance').id;
  ids.report = ok(await rep.post('/api/reports', { type: 'daily', date: '2026-11-27', done: `拜访客户${n}`, plans: '报价', problems: '' }), 'report').id;
  const chatId = `wrchat${n}`;
  ok(await rep.post(`/api/customers/${ids.customer}/group-chats`, { chatId, name: '项目群' }), 'group chat');
  ids.groupChat = chatId;

  // Contract → approval → effective, then money and fulfilment on it.
  const amount = 100_000;
  ids.contract = ok(
    await rep.post('/api/contracts', {
      customerId: ids.customer,
      title: `年度服务合同${n}`,
      signedOn: '2026-11-01',
      amount,
      lines: [{ skuId: ids.sku, name: '标准版', quantity: 1, unitPrice: amount }],
    }),
    'contract',
  ).id;
  ok(await rep.request('PUT', `/api/contracts/${ids.contract}/payment-plan`, { instalments: [{ period: 1, dueOn: '2026-12-10', amount }] }), 'plan');
  ok(await rep.post(`/api/contracts/${ids.contract}/actions/submit`, {}), 'submit');
  ids.approval = String(await approveDoc(t, corp, 'contract', ids.contract, [u('manager'), u('finance')]));
  ids.receipt = ok(await rep.post('/api/receipts', { contractId: ids.contract, amount: 100, receivedOn: '2026-11-27' }), 'receipt').id;
  ids.receivable = ok(await rep.post('/api/receivables', { customerId: ids.customer, amount: 5000, dueOn: '2026-12-31', remark: `服务费${n}` }), 'receivable').id;
  const order = ok(await rep.post('/api/orders', { contractId: ids.contract, orderedOn: '2026-11-27' }), 'order');
  ids.order = order.id;
  const shipment = ok(
    await rep.post('/api/shipments', { orderId: ids.order, shippedOn: '2026-11-27', lines: [{ orderLineId: order.lines[0].id, quantity: 1 }] }),
    'shipment',
  );
  ids.shipment = shipment.id;
  ids.invoice = ok(
    await rep.post('/api/invoices', { contractId: ids.contract, issuedOn: '2026-11-27', title: '某某公司', lines: [{ name: '服务费', amount: 11_300, taxRateBp: 1300 }] }),
    'invoice',
  ).id;
  const assets = ok(await rep.get(`/api/assets?scope=all&customerId=${ids.customer}`), 'assets').items;
  expect(assets.length, 'a shipment makes an asset').toBeGreaterThan(0);
  ids.asset = assets[0].id;

  // A dead outbox message of this corp (the WeCom queues are written by the platform, not the API).
  const [dead] = await t.db
    .insert(wecomOutbox)
    .values({ corpId: corp.id, dedupeKey: `dead-${n}`, toUsers: ['rep1'], msgType: 'text', message: { text: { content: 'x' } }, status: 'dead', attempts: 5, nextAttemptAt: new Date(), createdAt: new Date() })
    .$returningId();
  ids.deadLetter = String(dead!.id);

  // Bodies that pass validation, so a route reaches its lookup (and scope check) rather than a 400.
  Object.assign(bodies, {
    'PATCH /api/pools/:id': { name: `改名${n}` },
    'POST /api/leads/:id/actions/:action': { toUserId: CALLER, reason: '原因', mode: 'new' },
    'PATCH /api/customers/:id': { remark: '改' },
    'PUT /api/customers/:id/collaborators': { collaborators: [] },
    'POST /api/customers/:id/actions/:action': { toUserId: CALLER, reason: '原因' },
    'PATCH /api/contacts/:id': { title: '总监' },
    'POST /api/contacts/:id/bind-external': { externalUserId: 'wmNOPE' },
    'PATCH /api/follow-ups/:id': { content: '改' },
    'PATCH /api/price-lists/:id': { name: '改' },
    'PATCH /api/product-categories/:id': { name: '改' },
    'PATCH /api/products/:id': { name: '改' },
    'POST /api/products/:id/skus': { code: `X${n}`, name: '新' },
    'PATCH /api/skus/:id': { name: '改' },
    'PATCH /api/opportunities/:id': { name: '改' },
    'PUT /api/opportunities/:id/lines': { lines: [] },
    'POST /api/opportunities/:id/actions/move-stage': { stageId: '1' },
    'POST /api/opportunities/:id/contacts': { contactId: ids.contact, role: 'user' },
    'PATCH /api/opportunities/:id/contacts/:childId': { note: '改' },
    'POST /api/opportunities/:id/support-requests': { need: '支持' },
    'PATCH /api/opportunities/:id/support-requests/:childId': { need: '改' },
    'POST /api/opportunities/:id/quotes': {},
    'PATCH /api/quotes/:id': { note: '改' },
    'POST /api/customers/:id/group-chats': { chatId: `wrchatB${n}` },
    'PATCH /api/customers/:id/group-chats/:chatId': { opportunityId: null },
    'POST /api/approvals/:id/actions/:action': {},
    'PATCH /api/expense-claims/:id': { title: '改', lines: [{ spentOn: '2026-11-20', categoryId: cats[0].id, amount: 1000, description: '交通' }] },
    'POST /api/expense-claims/:id/reimburse': { reimbursedOn: '2026-11-28', method: 'cash' },
    'PATCH /api/reports/:id': { done: '改' },
    'POST /api/reports/:id/comments': { body: '好' },
    'PATCH /api/visits/:id': { purpose: '改' },
    'POST /api/visits/:id/check-in': { latitude: 31.2, longitude: 121.4 },
    'POST /api/visits/:id/check-out': { latitude: 31.2, longitude: 121.4 },
    'POST /api/visits/:id/record': { summary: '沟通顺利', outcome: 'advanced' },
    'POST /api/visits/:id/review': { rating: 5 },
    'PATCH /api/contracts/:id': { title: '改' },
    'POST /api/contracts/:id/actions/:action': {},
    'PUT /api/contracts/:id/payment-plan': { instalments: [{ period: 1, dueOn: '2026-12-10', amount }] },
    'POST /api/contracts/:id/changes': { reason: '变更' },
    'POST /api/contracts/:id/plan-changes': { reason: '变更', instalments: [{ period: 1, dueOn: '2026-12-10', amount }] },
    'POST /api/receipts/:id/refunds': { amount: 1, refundedOn: '2026-11-28', reason: '退' },
    'POST /api/receivables/:id/changes': { delta: 1, reason: '调' },
    'POST /api/receivables/:id/settlements': { amount: 1 },
    'POST /api/orders/:id/changes': { reason: '改', lines: [{ lineId: order.lines[0].id, quantity: 2 }] },
    'POST /api/shipments/:id/returns': { returnedOn: '2026-11-28', reason: '退', lines: [{ shipmentLineId: shipment.lines?.[0]?.id ?? '1', quantity: 1 }] },
    'POST /api/invoices/:id/red': { issuedOn: '2026-11-28', reason: '红冲' },
    'PATCH /api/assets/:id': { location: '机房' },
    'PATCH /api/campaigns/:id': { name: '改' },
    'POST /api/campaigns/:id/vendors': { name: '新供应商' },
    'POST /api/campaigns/:id/costs': { item: '场地', amount: 100 },
    'POST /api/campaigns/:id/payments': { vendorId, amount: 1 },
    'PATCH /api/campaigns/:id/payments/:paymentId': { note: '改' },
  });
  return { corp, ids, marker: n, bodies };
}

import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contacts, externalContacts } from '../../src/db/schema/index';
import { startTestServer, type TestServer, type TestUser } from '../harness';
import { allRoutes, pathParams } from './routes';
import { buildWorld, type World } from './world';

/**
 * The checks the generic walk in isolation.test.ts cannot make: the WeCom sidebar (keyed by an
 * external_userid, not a record id), spreadsheet imports (which match existing records by name)
 * and spreadsheet exports (zipped, so a plain text search of the response finds nothing).
 */
let t: TestServer;
let A: World;
let B: World;
beforeAll(async () => {
  t = await startTestServer();
  A = await buildWorld(t);
  B = await buildWorld(t);
}, 120_000);
afterAll(async () => t.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function workbook(header: string[], rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('导入');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(who: TestUser, path: string, file: Buffer) {
  const res = await fetch(`${t.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${who.token}`, 'content-type': XLSX }, body: file });
  const text = await res.text();
  expect(res.status, `${path}: ${text}`).toBe(200);
  return JSON.parse(text) as { created: number; merged: number; skipped: number; errors: { row: number; field: string | null; message: string }[] };
}

/** Every cell of every sheet of an .xlsx download, joined (the status must be 200). */
async function download(who: TestUser, path: string): Promise<string> {
  const res = await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${who.token}` } });
  const buf = Buffer.from(await res.arrayBuffer());
  expect(res.status, `${path}: ${buf.toString('utf8').slice(0, 200)}`).toBe(200);
  if (!(res.headers.get('content-type') ?? '').includes('spreadsheetml')) return buf.toString('utf8');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const cells: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void cells.push(String(c.text ?? c.value)))));
  return cells.join('\n');
}

/** An external contact of the world's corp, bound to the world's contact (rep1's customer). */
async function bindExternal(w: World, externalUserId: string): Promise<void> {
  const [ext] = await t.db.insert(externalContacts).values({ corpId: w.corp.id, externalUserId, name: `外部${w.marker}`, corpName: `外部公司${w.marker}` }).$returningId();
  await t.db.update(contacts).set({ externalContactId: ext!.id }).where(eq(contacts.id, Number(w.ids.contact)));
}

describe('security: the WeCom sidebar', () => {
  const extA = `wmsecA${Math.random().toString(36).slice(2, 10)}`;
  const shared = `wmsecS${Math.random().toString(36).slice(2, 10)}`;
  beforeAll(async () => {
    await bindExternal(A, extA);
    // The same external_userid string in corp B (unique per corp only), not bound to anything.
    await t.db.insert(externalContacts).values({ corpId: B.corp.id, externalUserId: shared, name: `外部${B.marker}` });
    const [extShared] = await t.db.insert(externalContacts).values({ corpId: A.corp.id, externalUserId: shared, name: `外部${A.marker}` }).$returningId();
    expect(extShared).toBeTruthy();
  });

  it('another corp\'s external contact is a 404 on every sidebar route, for admin and rep', async () => {
    for (const who of ['admin', 'rep1'] as const) {
      const u = B.corp.users[who]!;
      const ctx = await u.api.get(`/api/sidebar/context?externalUserId=${extA}`);
      expect(ctx.status, ctx.text).toBe(404);
      expect(ctx.text).not.toContain(A.marker);
      for (const [path, body] of [
        ['/api/sidebar/bind-contact', { externalUserId: extA, contactId: B.ids.contact }],
        ['/api/sidebar/create-customer', { externalUserId: extA }],
        ['/api/sidebar/keep-as-lead', { externalUserId: extA }],
      ] as const) {
        const res = await u.api.post(path, body);
        expect(res.status, `${who} ${path}: ${res.text}`).toBe(404);
      }
    }
    // The same external_userid in both corps: each corp sees only its own row.
    const mine = await B.corp.users.admin!.api.get(`/api/sidebar/context?externalUserId=${shared}`);
    expect(mine.status, mine.text).toBe(200);
    expect(mine.text).toContain(B.marker);
    expect(mine.text).not.toContain(A.marker);
  });

  it('the owner sees the bound customer and its opportunity (the checks below are not vacuous)', async () => {
    const res = await A.corp.users.rep1!.api.get(`/api/sidebar/context?externalUserId=${extA}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.customer.id).toBe(A.ids.customer);
    expect(res.body.contact.id).toBe(A.ids.contact);
    expect(res.body.opportunities.map((o: { id: string }) => o.id)).toContain(A.ids.opportunity);
    expect(res.body.followUps.length).toBeGreaterThan(0);
    expect(res.body.boundElsewhere).toBeNull();
  });

  it('a colleague outside the scope gets only the masked boundElsewhere, no customer details', async () => {
    for (const who of ['rep2', 'manager2', 'rep9'] as const) {
      const res = await A.corp.users[who]!.api.get(`/api/sidebar/context?externalUserId=${extA}`);
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({ contact: null, customer: null, opportunities: [], followUps: [] });
      expect(res.body.boundElsewhere).toEqual({ ownerName: expect.any(String) });
      expect(res.body.boundElsewhere.ownerName).not.toBe('用户rep1');
      // Only the external contact's own WeCom profile carries the marker; no CRM record does.
      const { externalContact, ...rest } = res.body;
      expect(JSON.stringify(rest)).not.toContain(A.marker);
      expect(JSON.stringify(rest)).not.toContain(A.ids.customer);
      expect(externalContact.externalUserId).toBe(extA);
    }
  });

  it('a collaborator sees the customer but not the owner\'s opportunities on it', async () => {
    const rep1 = A.corp.users.rep1!;
    const rep9 = A.corp.users.rep9!;
    const put = await rep1.api.request('PUT', `/api/customers/${A.ids.customer}/collaborators`, { collaborators: [{ userId: String(rep9.id), permission: 'read' }] });
    expect(put.status, put.text).toBe(200);
    try {
      expect((await rep9.api.get(`/api/opportunities/${A.ids.opportunity}`)).status).toBe(404);
      const res = await rep9.api.get(`/api/sidebar/context?externalUserId=${extA}`);
      expect(res.status, res.text).toBe(200);
      expect(res.body.customer?.id).toBe(A.ids.customer);
      expect(res.body.opportunities.map((o: { id: string }) => o.id)).not.toContain(A.ids.opportunity);
      expect(JSON.stringify(res.body.opportunities)).not.toContain(`商机${A.marker}`);
    } finally {
      await rep1.api.request('PUT', `/api/customers/${A.ids.customer}/collaborators`, { collaborators: [] });
    }
  });
});

// Before the imports below: the customer import makes a customer named like corp A's in corp B.
describe('security: exports', () => {
  /** Every download route without a path parameter whose path names an export. */
  const exports = allRoutes.filter((r) => r.spec.method === 'get' && r.spec.auth !== 'none' && pathParams(r.spec.path).length === 0 && /export/.test(r.spec.path));

  it('the export routes are the known ones (a new one is picked up here)', () => {
    expect(exports.map((r) => r.spec.path)).toEqual(expect.arrayContaining(['/api/customers/export', '/api/contacts/export']));
  });

  it('another corp\'s admin, manager and finance never export corp A\'s records', async () => {
    const bad: string[] = [];
    for (const r of exports) {
      for (const who of ['admin', 'manager', 'finance', 'rep1'] as const) {
        for (const qs of ['', '?scope=all', '?scope=team', '?scope=pool']) {
          const text = await download(B.corp.users[who]!, r.spec.path + qs);
          if (text.includes(A.marker)) bad.push(`${who} of B: GET ${r.spec.path}${qs}`);
        }
      }
      // Not vacuous: B's admin exports B's own records.
      expect(await download(B.corp.users.admin!, `${r.spec.path}?scope=all`), r.spec.path).toContain(B.marker);
    }
    expect(bad).toEqual([]);
  });

  it('a rep never exports a colleague\'s records; the owner and the leader do', async () => {
    const bad: string[] = [];
    for (const r of exports) {
      for (const who of ['rep2', 'rep3', 'rep9', 'manager2'] as const) {
        for (const qs of ['', '?scope=all', '?scope=team', '?scope=mine', '?scope=pool']) {
          const text = await download(A.corp.users[who]!, r.spec.path + qs);
          if (text.includes(A.marker)) bad.push(`${who}: GET ${r.spec.path}${qs}`);
        }
      }
      for (const who of ['rep1', 'manager', 'admin'] as const) {
        expect(await download(A.corp.users[who]!, `${r.spec.path}?scope=all`), `${who} ${r.spec.path}`).toContain(A.marker);
      }
    }
    expect(bad).toEqual([]);
  });
});

const CUSTOMER_HEADER = ['客户名称*', '统一社会信用代码', '行业', '客户等级', '来源', '地区', '地址', '法定代表人', '注册资本（元）', '标签（逗号分隔）', '联系人', '联系人手机', '联系人职务'];
const CONTACT_HEADER = ['客户名称*', '姓名*', '手机', '微信', '职务', '部门', '邮箱', '关键决策人', '备注'];
const LEAD_HEADER = ['姓名*', '公司', '手机', '微信', '地区', '来源', '线索等级', '标签（逗号分隔）', '需求描述'];

describe('security: imports write only into the caller\'s corp and scope', () => {
  it('contact import naming another corp\'s customer, or a colleague\'s customer out of scope, is a row error', async () => {
    const name = `隔离客户${A.marker}`;
    const before = (await A.corp.users.admin!.api.get(`/api/contacts?scope=all&customerId=${A.ids.customer}`)).body.items.length;
    const file = await workbook(CONTACT_HEADER, [[name, `导入联系人${B.marker}`, '13700001111']]);
    for (const who of [B.corp.users.admin!, B.corp.users.rep1!, A.corp.users.rep2!, A.corp.users.rep9!]) {
      const res = await upload(who, '/api/contacts/import?duplicate=merge', file);
      expect(res, `user ${who.wecomUserId} of corp ${who.corpId}`).toMatchObject({ created: 0, merged: 0, skipped: 0 });
      expect(res.errors).toEqual([expect.objectContaining({ row: 2 })]);
    }
    const after = await A.corp.users.admin!.api.get(`/api/contacts?scope=all&customerId=${A.ids.customer}`);
    expect(after.body.items.length).toBe(before);
    expect(after.text).not.toContain(B.marker);
  });

  it('customer import with a name identical to another corp\'s customer creates it in the caller\'s corp; the other is untouched', async () => {
    const name = `隔离客户${A.marker}`;
    const adminA = A.corp.users.admin!.api;
    const beforeA = (await adminA.get(`/api/customers/${A.ids.customer}`)).body;
    const beforeContacts = (await adminA.get(`/api/contacts?scope=all&customerId=${A.ids.customer}`)).body.items.length;
    const file = await workbook(CUSTOMER_HEADER, [[name, '', '制造业', '', '', '浙江 宁波', '', '', '', '', `导入联系人${B.marker}`, '13700002222', '经理']]);
    const res = await upload(B.corp.users.rep1!, '/api/customers/import?duplicate=merge', file);
    expect(res).toMatchObject({ created: 1, merged: 0, skipped: 0, errors: [] });
    const inB = await B.corp.users.rep1!.api.get(`/api/customers?q=${encodeURIComponent(name)}`);
    expect(inB.body.items.map((c: { name: string }) => c.name)).toContain(name);
    const afterA = (await adminA.get(`/api/customers/${A.ids.customer}`)).body;
    expect(afterA).toEqual(beforeA);
    expect((await adminA.get(`/api/contacts?scope=all&customerId=${A.ids.customer}`)).body.items.length).toBe(beforeContacts);
    const listA = await adminA.get(`/api/customers?scope=all&q=${encodeURIComponent(name)}`);
    expect(listA.body.items.map((c: { id: string }) => c.id)).toEqual([A.ids.customer]);
  });

  it('customer import merging into a colleague\'s customer out of scope is a row error, nothing written', async () => {
    const name = `隔离客户${A.marker}`;
    const before = (await A.corp.users.admin!.api.get(`/api/customers/${A.ids.customer}`)).body;
    const file = await workbook(CUSTOMER_HEADER, [[name, '', '金融', '', '', '上海', '', '', '', '', '外人', '13700003333', '']]);
    const res = await upload(A.corp.users.rep2!, '/api/customers/import?duplicate=merge', file);
    expect(res).toMatchObject({ created: 0, merged: 0 });
    expect(res.errors).toEqual([expect.objectContaining({ row: 2 })]);
    expect((await A.corp.users.admin!.api.get(`/api/customers/${A.ids.customer}`)).body).toEqual(before);
  });

  it('lead import: a mobile / company + name identical to another corp\'s lead is created in the caller\'s corp; another corp\'s campaign is refused', async () => {
    const mobile = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const company = `线索公司${A.marker}`;
    const leadName = `线索人${A.marker}`;
    const made = await A.corp.users.rep1!.api.post('/api/leads', { name: leadName, company, mobile });
    expect(made.status, made.text).toBe(201);
    const beforeA = (await A.corp.users.admin!.api.get(`/api/leads/${made.body.id}`)).body;
    const file = await workbook(LEAD_HEADER, [[leadName, company, mobile, '', '', '', '', '', '']]);

    const withCampaign = await upload(B.corp.users.admin!, `/api/leads/import?campaignId=${A.ids.campaign}`, file);
    expect(withCampaign.created).toBe(0);
    expect(withCampaign.errors.length).toBe(1);

    const res = await upload(B.corp.users.rep1!, '/api/leads/import', file);
    expect(res).toMatchObject({ created: 1, skipped: 0, errors: [] });
    const inB = await B.corp.users.rep1!.api.get(`/api/leads?q=${encodeURIComponent(leadName)}`);
    expect(inB.body.items.length).toBe(1);
    const inA = await A.corp.users.admin!.api.get(`/api/leads?scope=all&q=${encodeURIComponent(leadName)}`);
    expect(inA.body.items.map((l: { id: string }) => l.id)).toEqual([made.body.id]);
    expect((await A.corp.users.admin!.api.get(`/api/leads/${made.body.id}`)).body).toEqual(beforeA);
    const campaignA = await A.corp.users.admin!.api.get(`/api/leads?scope=all&campaignId=${A.ids.campaign}`);
    expect(campaignA.text).not.toContain(B.marker);
  });
});

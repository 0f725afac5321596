import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';
import { makeContract } from './fixtures';

let t: TestServer;
let corp: TestCorp;
beforeAll(async () => {
  t = await startTestServer();
  t.clock.set('2026-11-27T10:00:00+08:00');
  corp = await makeCorp(t);
});
afterAll(async () => t.close());

describe('ERP sync', () => {
  it('upserts customers by external code idempotently, with per-row errors', async () => {
    const admin = corp.users.admin!;
    const rows = [
      { externalCode: 'C001', name: 'ERP 客户甲', ownerWecomUserId: 'rep1' },
      { externalCode: 'C002', name: '' },
      { externalCode: 'C003', name: 'ERP 客户丙', ownerWecomUserId: 'nobody' },
    ];
    const first = await admin.api.post('/api/erp/customers', { rows });
    expect(first.status).toBe(200);
    expect(first.body.results.map((r: any) => r.status)).toEqual(['created', 'error', 'error']);
    expect(first.body.results[2].error.code).toBe('owner_not_found');
    const again = await admin.api.post('/api/erp/customers', { rows });
    expect(again.body.results[0]).toMatchObject({ status: 'unchanged', id: first.body.results[0].id });
    const renamed = await admin.api.post('/api/erp/customers', { rows: [{ externalCode: 'C001', name: 'ERP 客户甲（新）', ownerWecomUserId: 'rep1' }] });
    expect(renamed.body.results[0]).toMatchObject({ status: 'updated', id: first.body.results[0].id });
  });

  it('only the integration account (admin) may sync', async () => {
    const res = await corp.users.rep1!.api.post('/api/erp/customers', { rows: [{ externalCode: 'X', name: 'x' }] });
    expect(res.status).toBe(403);
  });

  it('a receipt synced twice has one effect; ERP receipts are read-only in the CRM', async () => {
    const { contract } = await makeContract(t, corp, corp.users.rep2!, { amount: 1_000, plan: [400, 600] });
    const admin = corp.users.admin!;
    const rows = [
      { externalCode: 'SK-ERP-1', contractNumber: contract.number, amount: 500, receivedOn: '2026-11-26' },
      { externalCode: 'SK-ERP-2', contractNumber: 'HT-0000-000000', amount: 1, receivedOn: '2026-11-26' },
      { externalCode: 'SK-ERP-3', contractNumber: contract.number, amount: 501, receivedOn: '2026-11-26' },
    ];
    const first = await admin.api.post('/api/erp/receipts', { rows });
    expect(first.body.results.map((r: any) => r.error?.code ?? r.status)).toEqual(['created', 'contract_not_found', 'receipt_exceeds_due']);
    const again = await admin.api.post('/api/erp/receipts', { rows: rows.slice(0, 1) });
    expect(again.body.results[0].status).toBe('unchanged');
    const c = (await corp.users.rep2!.api.get(`/api/contracts/${contract.id}`)).body;
    expect(c.receivedAmount).toBe(500);
    const receipt = await corp.users.rep2!.api.get(`/api/receipts/${first.body.results[0].id}`);
    expect(receipt.body).toMatchObject({ origin: 'erp', externalCode: 'SK-ERP-1' });
    const refund = await corp.users.rep2!.api.post(`/api/receipts/${receipt.body.id}/refunds`, { amount: 1, refundedOn: '2026-11-27', reason: '试退' });
    expect(refund.status).toBe(409);
    expect(refund.body.error.code).toBe('erp_document_read_only');
  });

  it('imports the same rows from an Excel workbook', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    ws.addRow(['externalCode', 'name', 'ownerWecomUserId']);
    ws.addRow(['XL-1', 'Excel 客户一', 'rep2']);
    ws.addRow(['XL-2', 'Excel 客户二', 'rep2']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const post = () =>
      fetch(`${t.url}/api/erp/customers/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${corp.users.admin!.token}`, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
        body: buf,
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
    const first = await post();
    expect(first.status).toBe(200);
    expect(first.body.results.map((r: any) => r.status)).toEqual(['created', 'created']);
    expect((await post()).body.results.map((r: any) => r.status)).toEqual(['unchanged', 'unchanged']);
  });

  it('is listed in the OpenAPI document', async () => {
    const doc = (await t.api.get('/api/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/erp/{entity}', '/api/contracts', '/api/receipts']));
  });
});

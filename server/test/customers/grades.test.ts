import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corps } from '../../src/db/schema/index';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';

let t: TestServer;
let corp: TestCorp;
beforeAll(async () => {
  t = await startTestServer();
  corp = await makeCorp(t);
});
afterAll(async () => t.close());

async function importRows(rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  ws.addRow(['客户名称*', '统一社会信用代码', '行业', '客户等级']);
  for (const r of rows) ws.addRow(r);
  const res = await fetch(`${t.url}/api/customers/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${corp.users.rep1!.token}`, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    body: Buffer.from(await wb.xlsx.writeBuffer()),
  });
  return (await res.json()) as any;
}

describe('customer grades', () => {
  it('by default only A/B/C: another grade on create or edit is a 400 listing the allowed grades', async () => {
    const api = corp.users.rep1!.api;
    const bad = await api.post('/api/customers', { name: '等级测试一', grade: 'D' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(bad.body.error.message).toBe('客户等级只能是：A、B、C');
    expect(bad.body.error.details).toEqual([{ path: 'body.grade', message: '客户等级只能是：A、B、C' }]);
    const ok = await api.post('/api/customers', { name: '等级测试一', grade: 'B' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const edit = await api.patch(`/api/customers/${ok.body.id}`, { grade: 'S' });
    expect(edit.status).toBe(400);
    expect(edit.body.error.message).toContain('A、B、C');
    expect((await api.get(`/api/customers/${ok.body.id}`)).body.grade).toBe('B');
    const cleared = await api.patch(`/api/customers/${ok.body.id}`, { grade: null });
    expect(cleared.status).toBe(200);
    expect((await api.get('/api/customer-grades')).body).toEqual({ items: ['A', 'B', 'C'] });
  });

  it('a corp’s own grade list (corps.settings.customerGrades) replaces the default, also for import', async () => {
    const [row] = await t.db.select().from(corps).where(eq(corps.id, corp.id));
    await t.db.update(corps).set({ settings: { ...row!.settings, customerGrades: ['VIP', '普通'] } }).where(eq(corps.id, corp.id));
    const api = corp.users.rep1!.api;
    expect((await api.get('/api/customer-grades')).body.items).toEqual(['VIP', '普通']);
    const refused = await api.post('/api/customers', { name: '等级测试二', grade: 'A' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe('客户等级只能是：VIP、普通');
    expect((await api.post('/api/customers', { name: '等级测试二', grade: 'VIP' })).status).toBe(201);

    const res = await importRows([
      ['等级导入甲公司', '', '制造业', 'VIP'],
      ['等级导入乙公司', '', '制造业', 'A'],
    ]);
    expect(res.created).toBe(1);
    expect(res.errors).toEqual([{ row: 3, field: 'grade', message: '客户等级只能是：VIP、普通' }]);
  });
});

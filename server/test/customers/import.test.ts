import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';

let t: TestServer;
let corp: TestCorp;
beforeAll(async () => {
  t = await startTestServer();
  corp = await makeCorp(t);
});
afterAll(async () => t.close());

async function upload(rows: unknown[][], duplicate = 'skip', who = 'rep1') {
  const tpl = await corp.users[who]!.api.get('/api/customers/import-template');
  expect(tpl.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  ws.addRow(['客户名称*', '统一社会信用代码', '行业', '客户等级', '来源', '地区', '地址', '法定代表人', '注册资本（元）', '标签（逗号分隔）', '联系人', '联系人手机', '联系人职务']);
  for (const r of rows) ws.addRow(r);
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  const res = await fetch(`${t.url}/api/customers/import?duplicate=${duplicate}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${corp.users[who]!.token}`, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    body,
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('customer import / export', () => {
  it('imports valid rows and reports row-level errors', async () => {
    const res = await upload([
      ['宁波导入测试有限公司', '', '制造业', 'A', '展会', '', '', '', 1000000, '重点', '张三', '13800138000', '经理'],
      ['', '', '', '', '', '', '', '', '', '', '', '', ''],
      ['坏手机号公司', '', '', '', '', '', '', '', '', '', '李四', '12345', ''],
      ['坏信用代码公司', '91350100M000100Y42'],
    ]);
    expect(res.status).toBe(200);
    expect(res.body.created).toBe(1);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 4, field: 'contact.mobile' }),
        expect.objectContaining({ row: 5, field: 'creditCode' }),
      ]),
    );
  });

  it('skips or merges duplicates', async () => {
    expect((await upload([['宁波导入测试有限公司']])).body).toMatchObject({ created: 0, skipped: 1 });
    const merged = await upload([['宁波 导入测试有限公司', '', '', '', '', '浙江 宁波', '', '', '', '', '王五', '', '']], 'merge');
    expect(merged.body).toMatchObject({ merged: 1 });
    const other = await upload([['宁波导入测试有限公司']], 'merge', 'rep9');
    expect(other.body.errors[0]).toMatchObject({ row: 2 });
  });

  it('exports only customers in scope', async () => {
    const res = await fetch(`${t.url}/api/customers/export?scope=all`, { headers: { authorization: `Bearer ${corp.users.rep9!.token}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets[0]!.rowCount).toBe(1);
    const mine = await fetch(`${t.url}/api/customers/export?scope=all`, { headers: { authorization: `Bearer ${corp.users.rep1!.token}` } });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(await mine.arrayBuffer());
    expect(wb2.worksheets[0]!.rowCount).toBe(2);
  });
});

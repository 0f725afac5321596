import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';

let t: TestServer;
let corp: TestCorp;
const ids: Record<string, string> = {};
const u = (k: string) => corp.users[k]!;
const HEADERS = ['客户名称*', '姓名*', '手机', '微信', '职务', '部门', '邮箱', '关键决策人', '备注'];

beforeAll(async () => {
  t = await startTestServer();
  corp = await makeCorp(t);
  const make = async (who: string, key: string, name: string, extra: object = {}) => {
    const res = await u(who).api.post('/api/customers', { name, ...extra });
    expect(res.status).toBe(201);
    ids[key] = res.body.id;
  };
  await make('rep1', 'a', '联系人导入甲有限公司');
  await make('rep1', 'a2', '联系人导入甲二有限公司');
  await make('rep2', 'b', '联系人导入乙有限公司');
  await make('rep9', 'readOnly', '联系人导入只读有限公司', { collaborators: [{ userId: String(u('rep1').id), permission: 'read' }] });
  await make('rep9', 'hidden', '联系人导入隐藏有限公司');
});
afterAll(async () => t.close());

async function upload(rows: unknown[][], duplicate = 'skip', who = 'rep1') {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('联系人');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  const res = await fetch(`${t.url}/api/contacts/import?duplicate=${duplicate}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${u(who).token}`, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    body: Buffer.from(await wb.xlsx.writeBuffer()),
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function exportRows(who: string, query: string): Promise<string[][]> {
  const res = await fetch(`${t.url}/api/contacts/export?${query}`, { headers: { authorization: `Bearer ${u(who).token}` } });
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push(Array.from(row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

const contactsOf = async (who: string, key: string) => (await u(who).api.get(`/api/contacts?customerId=${ids[key]}&limit=100`)).body.items as any[];

describe('contact import / export', () => {
  it('the template has the import columns and an example row', async () => {
    const res = await fetch(`${t.url}/api/contacts/import-template`, { headers: { authorization: `Bearer ${u('rep1').token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(ws.rowCount).toBe(2);
  });

  it('imports valid rows; a bad row is reported per column in Chinese and written not at all', async () => {
    const res = await upload([
      ['联系人导入甲有限公司', '张三', '13800138001', 'wx_zs', '经理', '采购部', 'zs@example.com', '是', '老客户'],
      [],
      ['联系人导入甲有限公司', '李四', '12345', '', '', '', 'not-an-email', '', ''],
      ['不存在的公司', '王五'],
      ['联系人导入隐藏有限公司', '赵六'],
      ['联系人导入只读有限公司', '孙七'],
      ['联系人导入甲有限公司', '', '13800138002'],
      ['联系人导入甲有限公司', '周八', '', '', '', '', '', '可能'],
      ['', '吴九'],
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 1, merged: 0, skipped: 0 });
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 4, field: '手机' }),
        expect.objectContaining({ row: 4, field: '邮箱' }),
        expect.objectContaining({ row: 5, field: '客户名称' }),
        expect.objectContaining({ row: 6, field: '客户名称' }),
        expect.objectContaining({ row: 7, field: '客户名称', message: expect.stringContaining('只有查看权限') }),
        expect.objectContaining({ row: 8, field: '姓名' }),
        expect.objectContaining({ row: 9, field: '关键决策人' }),
        expect.objectContaining({ row: 10, field: '客户名称' }),
      ]),
    );
    expect(res.body.errors.some((e: { row: number }) => e.row === 3)).toBe(false);
    // a customer outside the scope reads exactly like a missing one
    const msg = (row: number) => res.body.errors.find((e: { row: number }) => e.row === row).message as string;
    expect(msg(6).replace('联系人导入隐藏有限公司', 'X')).toBe(msg(5).replace('不存在的公司', 'X'));
    const list = await contactsOf('rep1', 'a');
    expect(list.map((c) => c.name)).toEqual(['张三']);
    expect(list[0]).toMatchObject({ mobile: '13800138001', wechatId: 'wx_zs', title: '经理', department: '采购部', email: 'zs@example.com', isKeyDecisionMaker: true, remark: '老客户' });
    expect(await contactsOf('rep9', 'readOnly')).toEqual([]);
  });

  it('a duplicate (same mobile at the same customer) is skipped, or merged filling only empty fields', async () => {
    expect((await upload([['联系人导入甲有限公司', '钱七', '13800138003']])).body).toMatchObject({ created: 1 });
    const skipped = await upload([
      ['联系人导入甲有限公司', '张三丰', '13800138001', '', '总监'],
      ['联系人导入甲有限公司', '钱七七', '13800138003', 'wx_qq', '总监', '', '', '是'],
    ]);
    expect(skipped.body).toMatchObject({ created: 0, skipped: 2, merged: 0, errors: [] });
    const merged = await upload(
      [
        ['联系人导入甲有限公司', '张三丰', '13800138001', '', '总监'],
        ['联系人导入甲有限公司', '钱七七', '13800138003', 'wx_qq', '总监', '', '', '是'],
        ['联系人导入甲二有限公司', '张三', '13800138001'],
      ],
      'merge',
    );
    expect(merged.body).toMatchObject({ created: 1, merged: 2, skipped: 0, errors: [] });
    const byName = Object.fromEntries((await contactsOf('rep1', 'a')).map((c) => [c.name, c]));
    expect(Object.keys(byName).sort()).toEqual(['张三', '钱七']);
    expect(byName['张三']).toMatchObject({ title: '经理' });
    expect(byName['钱七']).toMatchObject({ wechatId: 'wx_qq', title: '总监', isKeyDecisionMaker: true });
    expect((await contactsOf('rep1', 'a2')).map((c) => c.name)).toEqual(['张三']);
  });

  it('export holds only contacts of customers in scope: rep2 does not get rep1’s, the department leader gets both', async () => {
    expect((await upload([['联系人导入乙有限公司', '郑十', '13900139000']], 'skip', 'rep2')).body).toMatchObject({ created: 1 });
    const rep2 = await exportRows('rep2', 'scope=all');
    expect(rep2[0]).toEqual([...HEADERS.map((h) => h.replace('*', '')), '创建时间']);
    expect(rep2.slice(1).map((r) => r[1])).toEqual(['郑十']);
    const rep1 = await exportRows('rep1', 'scope=all');
    expect(rep1.slice(1).map((r) => r[1]).sort()).toEqual(['张三', '张三', '钱七']);
    const leader = await exportRows('manager', 'scope=team');
    expect(leader.slice(1).map((r) => r[1]).sort()).toEqual(['张三', '张三', '郑十', '钱七']);
    expect(await exportRows('rep9', 'scope=all')).toHaveLength(1);
    // the list filters apply, and an exported row re-imports as a duplicate
    const filtered = await exportRows('manager', `scope=team&customerId=${ids.a}&q=${encodeURIComponent('钱')}`);
    expect(filtered.slice(1)).toEqual([['联系人导入甲有限公司', '钱七', '13800138003', 'wx_qq', '总监', '', '', '是', '', expect.any(String)]]);
    expect((await upload([filtered[1]!.slice(0, 9)])).body).toMatchObject({ skipped: 1, created: 0 });
  });

  it('rejects a file without the 客户名称 column and a non-Excel body', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['姓名', '手机']);
    const post = (body: Buffer) =>
      fetch(`${t.url}/api/contacts/import`, { method: 'POST', headers: { authorization: `Bearer ${u('rep1').token}`, 'content-type': 'application/octet-stream' }, body });
    const noColumn = await post(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(noColumn.status).toBe(400);
    expect(((await noColumn.json()) as any).error.message).toContain('客户名称');
    expect((await post(Buffer.from('not excel'))).status).toBe(400);
  });
});

import ExcelJS from 'exceljs';
import type { ErpEntity } from '@scrm/shared';
import { errors } from '../../http/errors';

const NUMERIC = new Set(['amount', 'receivedAmount', 'lineNo', 'quantity']);

function cellValue(v: ExcelJS.CellValue): unknown {
  if (v == null) return undefined;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'result' in v) return cellValue(v.result as ExcelJS.CellValue);
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return v;
}

/**
 * Reads the first sheet: row 1 holds the field names of the ERP rows (`externalCode`, `amount`…);
 * shipments repeat `externalCode` once per line with `lineNo` and `quantity`.
 */
export async function rowsFromWorkbook(buf: Buffer, entity: ErpEntity): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw errors.badRequest('invalid_workbook', '无法读取 Excel 文件（需要 .xlsx）');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw errors.badRequest('invalid_workbook', 'Excel 文件没有工作表');
  const header: string[] = [];
  sheet.getRow(1).eachCell((c, col) => (header[col] = String(cellValue(c.value) ?? '').trim()));
  const rows: Record<string, unknown>[] = [];
  sheet.eachRow((r, n) => {
    if (n === 1) return;
    const o: Record<string, unknown> = {};
    r.eachCell((c, col) => {
      const key = header[col];
      if (!key) return;
      const v = cellValue(c.value);
      o[key] = NUMERIC.has(key) && typeof v === 'string' && v.trim() !== '' ? Number(v) : typeof v === 'number' && !NUMERIC.has(key) ? String(v) : v;
    });
    if (Object.keys(o).length) rows.push(o);
  });
  if (entity !== 'shipments') return rows;
  const byCode = new Map<string, Record<string, unknown> & { lines: unknown[] }>();
  for (const r of rows) {
    const code = String(r.externalCode ?? '');
    const s = byCode.get(code) ?? { externalCode: r.externalCode, orderNumber: r.orderNumber, shippedOn: r.shippedOn, lines: [] };
    s.lines.push({ lineNo: r.lineNo, quantity: r.quantity });
    byCode.set(code, s);
  }
  return [...byCode.values()];
}

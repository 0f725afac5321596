import ExcelJS from 'exceljs';
import type { Context } from 'koa';
import type { ImportResult } from '@scrm/shared';
import { AppError, errors } from '../http/errors';

/** Shared parts of the Excel import / export of customers and contacts. */

const MAX_ROWS = 5000;
const MAX_BYTES = 5 * 1024 * 1024;
const MAX_EXPORT_PAGES = 200;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Template columns: header (a trailing `*` marks a required column) → field. */
export type SheetColumns<F extends string> = readonly (readonly [string, F])[];

/** One non-empty data row of an uploaded sheet: its 1-based row number and cell text by field. */
export interface SheetRow<F extends string> {
  row: number;
  get(field: F): string;
}

/** Sends a workbook as a download. */
export async function sendWorkbook(ctx: Context, wb: ExcelJS.Workbook, filename: string): Promise<void> {
  ctx.type = XLSX;
  ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`);
  ctx.body = Buffer.from(await wb.xlsx.writeBuffer());
}

/** A one-sheet workbook: bold header row, then the given rows. */
export function sheetWorkbook(sheet: string, headers: readonly string[], rows: unknown[][] = []): { wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet } {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow([...headers]);
  for (const r of rows) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c) => (c.width = 18));
  return { wb, ws };
}

/** Reads the raw request body (an .xlsx upload), at most 5 MB. */
export async function readUpload(ctx: Context): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BYTES) throw errors.payloadTooLarge('文件过大（上限 5 MB）');
    chunks.push(chunk as Buffer);
  }
  if (!size) throw errors.badRequest('file_required', '请上传 Excel 文件');
  return Buffer.concat(chunks);
}

const cellText = (v: ExcelJS.CellValue): string => {
  if (v == null) return '';
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  return String(v).trim();
};

/** The header of a column without the required mark (`客户名称*` → `客户名称`): the name errors use. */
export const columnLabel = (header: string): string => header.replace('*', '');

/**
 * Opens the first sheet of an upload and returns its non-empty data rows. The header row is matched
 * against the template columns (the `*` mark is optional); 400 when the file is not an .xlsx, the
 * `required` column is missing or there are more than 5000 rows.
 */
export async function readSheet<F extends string>(file: Buffer, columns: SheetColumns<F>, required: F): Promise<SheetRow<F>[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw errors.badRequest('invalid_file', '无法读取文件，请使用模板的 .xlsx 格式');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw errors.badRequest('invalid_file', '文件中没有工作表');
  const headers = Array.from(ws.getRow(1).values as ExcelJS.CellValue[], cellText).map(columnLabel);
  const colOf = new Map(columns.map(([h, f]) => [f, headers.indexOf(columnLabel(h))]));
  if ((colOf.get(required) ?? -1) < 0) {
    const header = columns.find(([, f]) => f === required)?.[0] ?? required;
    throw errors.badRequest('invalid_template', `缺少“${columnLabel(header)}”列，请使用导入模板`);
  }
  if (ws.rowCount - 1 > MAX_ROWS) throw errors.badRequest('too_many_rows', `一次最多导入 ${MAX_ROWS} 行`);
  const rows: SheetRow<F>[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const cells = ws.getRow(r);
    const get = (f: F) => {
      const i = colOf.get(f) ?? -1;
      return i > 0 ? cellText(cells.getCell(i).value) : '';
    };
    if (columns.some(([, f]) => get(f))) rows.push({ row: r, get });
  }
  return rows;
}

export const emptyImportResult = (): ImportResult => ({ created: 0, merged: 0, skipped: 0, errors: [] });

/**
 * Runs one row's writes; an `AppError` becomes a row error (field from its details), anything else
 * propagates. Returns whether the row succeeded.
 */
export async function importRow(result: ImportResult, row: number, run: () => Promise<void>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const field = (err.details as { field?: string } | undefined)?.field ?? null;
    result.errors.push({ row, field, message: err.message });
    return false;
  }
}

/** Appends every page of a keyset-paged list (up to 200 pages) to a sheet. */
export async function appendPages<T>(
  ws: ExcelJS.Worksheet,
  page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
  toRow: (item: T) => unknown[],
): Promise<void> {
  let cursor: string | undefined;
  for (let i = 0; i < MAX_EXPORT_PAGES; i++) {
    const res = await page(cursor);
    for (const item of res.items) ws.addRow(toRow(item));
    if (!res.nextCursor) break;
    cursor = res.nextCursor;
  }
}

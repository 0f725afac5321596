import ExcelJS from 'exceljs';
import type { Context } from 'koa';
import { and, eq, or } from 'drizzle-orm';
import { customerCreateBody, gradeNotAllowedMessage, normaliseCustomerName, type CustomerListQuery, type ImportResult } from '@scrm/shared';
import type { DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { contacts, customers } from '../../db/schema/index';
import type { AuthUser } from '../../http/context';
import { AppError, errors } from '../../http/errors';
import { allowedGrades } from './grades';
import { listCustomers } from './repo';
import { customerAccess } from './scope';
import { createCustomer } from './service';

/** Template columns: header → field. Registered capital is entered in 元 and stored in fen. */
const COLUMNS = [
  ['客户名称*', 'name'],
  ['统一社会信用代码', 'creditCode'],
  ['行业', 'industry'],
  ['客户等级', 'grade'],
  ['来源', 'source'],
  ['地区', 'region'],
  ['地址', 'address'],
  ['法定代表人', 'legalRepresentative'],
  ['注册资本（元）', 'registeredCapital'],
  ['标签（逗号分隔）', 'tags'],
  ['联系人', 'contactName'],
  ['联系人手机', 'contactMobile'],
  ['联系人职务', 'contactTitle'],
] as const;
const MAX_ROWS = 5000;
const MAX_BYTES = 5 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a workbook as a download. */
export async function sendWorkbook(ctx: Context, wb: ExcelJS.Workbook, filename: string): Promise<void> {
  ctx.type = XLSX;
  ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`);
  ctx.body = Buffer.from(await wb.xlsx.writeBuffer());
}

export function templateWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  ws.addRow(COLUMNS.map((c) => c[0]));
  ws.addRow(['杭州示例科技有限公司', '91350100M000100Y43', '软件和信息技术', 'A', '展会', '浙江 杭州', '杭州市西湖区文三路 1 号', '张三', 5000000, '重点,华东', '李四', '13800138000', '采购经理']);
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c) => (c.width = 18));
  return wb;
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

/**
 * Imports customers (+ first contact) row by row, each in its own savepoint. Errors are reported
 * per row and field; duplicates (by name or credit code) are skipped, or merged (empty fields
 * filled, contact added) when the caller may edit the existing customer.
 */
export async function importCustomers(db: Db, user: AuthUser, scope: DataScope, file: Buffer, mode: 'skip' | 'merge', now: Date): Promise<ImportResult> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw errors.badRequest('invalid_file', '无法读取文件，请使用模板的 .xlsx 格式');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw errors.badRequest('invalid_file', '文件中没有工作表');
  const headers = Array.from(ws.getRow(1).values as ExcelJS.CellValue[], cellText);
  const colOf = new Map(COLUMNS.map(([h, f]) => [f, headers.findIndex((x) => x.replace('*', '') === h.replace('*', ''))]));
  if ((colOf.get('name') ?? -1) < 0) throw errors.badRequest('invalid_template', '缺少“客户名称”列，请使用导入模板');
  if (ws.rowCount - 1 > MAX_ROWS) throw errors.badRequest('too_many_rows', `一次最多导入 ${MAX_ROWS} 行`);
  const result: ImportResult = { created: 0, merged: 0, skipped: 0, errors: [] };
  const grades = await allowedGrades(db, user.corpId);
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const get = (f: string) => {
      const i = colOf.get(f as never) ?? -1;
      return i > 0 ? cellText(row.getCell(i).value) : '';
    };
    if (COLUMNS.every(([, f]) => !get(f))) continue;
    const capital = get('registeredCapital');
    const raw = {
      name: get('name'),
      creditCode: get('creditCode') || undefined,
      industry: get('industry') || undefined,
      grade: get('grade') || undefined,
      source: get('source') || undefined,
      region: get('region') || undefined,
      address: get('address') || undefined,
      legalRepresentative: get('legalRepresentative') || undefined,
      registeredCapital: capital ? Math.round(Number(capital.replace(/,/g, '')) * 100) : undefined,
      tags: get('tags') ? get('tags').split(/[,，]/).map((s) => s.trim()).filter(Boolean) : undefined,
      contact: get('contactName') ? { name: get('contactName'), mobile: get('contactMobile') || undefined, title: get('contactTitle') || undefined } : undefined,
    };
    const parsed = customerCreateBody.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) result.errors.push({ row: r, field: issue.path.join('.') || null, message: issue.message });
      continue;
    }
    const b = parsed.data;
    if (b.grade && !grades.includes(b.grade)) {
      result.errors.push({ row: r, field: 'grade', message: gradeNotAllowedMessage(grades) });
      continue;
    }
    const [dup] = await db
      .select()
      .from(customers)
      .where(and(eq(customers.corpId, user.corpId), or(eq(customers.nameKey, normaliseCustomerName(b.name)), b.creditCode ? eq(customers.creditCode, b.creditCode) : undefined)))
      .limit(1);
    try {
      if (!dup) {
        await db.transaction(async (sp) => void (await createCustomer(sp as Db, user, scope, b, now)));
        result.created++;
      } else if (mode === 'skip') result.skipped++;
      else {
        const access = await customerAccess(db, scope, dup);
        if (!access?.edit) throw errors.conflict('customer_duplicate', '与已有客户重复，且您无权合并');
        await db.transaction(async (sp) => {
          const fill: Record<string, unknown> = {};
          for (const k of ['creditCode', 'industry', 'grade', 'source', 'region', 'address', 'legalRepresentative', 'registeredCapital'] as const)
            if (dup[k] == null && b[k] != null) fill[k] = b[k];
          if (Object.keys(fill).length) await sp.update(customers).set(fill).where(eq(customers.id, dup.id));
          if (b.contact) {
            const [same] = await sp.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.customerId, dup.id), eq(contacts.name, b.contact.name)));
            if (!same) await sp.insert(contacts).values({ corpId: user.corpId, customerId: dup.id, name: b.contact.name, mobile: b.contact.mobile ?? null, title: b.contact.title ?? null, createdBy: user.id, createdAt: now, updatedAt: now });
          }
        });
        result.merged++;
      }
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const field = (err.details as { field?: string } | undefined)?.field ?? null;
      result.errors.push({ row: r, field, message: err.message });
    }
  }
  return result;
}

/** Exports the customers the caller may see (list filters apply), up to 20 000 rows. */
export async function exportCustomers(db: Db, scope: DataScope, q: CustomerListQuery): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  ws.addRow(['客户名称', '统一社会信用代码', '行业', '客户等级', '来源', '地区', '地址', '负责人', '跟进次数', '最近跟进', '下次跟进', '赢单金额（元）', '创建时间']);
  ws.getRow(1).font = { bold: true };
  let cursor: string | undefined;
  for (let page = 0; page < 200; page++) {
    const res = await listCustomers(db, scope, { ...q, limit: 100, cursor });
    for (const c of res.items)
      ws.addRow([c.name, c.creditCode, c.industry, c.grade, c.source, c.region, c.address, c.ownerName ?? '公海', c.followUpCount, c.lastFollowUpAt, c.nextFollowUpAt, c.wonAmount / 100, c.createdAt]);
    if (!res.nextCursor) break;
    cursor = res.nextCursor;
  }
  return wb;
}

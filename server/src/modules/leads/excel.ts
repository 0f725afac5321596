import ExcelJS from 'exceljs';
import { leadCreateBody, type ImportResult } from '@scrm/shared';
import type { DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import type { AuthUser } from '../../http/context';
import { AppError, errors } from '../../http/errors';
import { createLead } from './manage';

/** Template columns: header → field. */
const COLUMNS = [
  ['姓名*', 'name'],
  ['公司', 'company'],
  ['手机', 'mobile'],
  ['微信', 'wechatId'],
  ['地区', 'region'],
  ['来源', 'source'],
  ['线索等级', 'grade'],
  ['标签（逗号分隔）', 'tags'],
  ['需求描述', 'need'],
] as const;
const MAX_ROWS = 5000;

export function leadTemplateWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('线索');
  ws.addRow(COLUMNS.map((c) => c[0]));
  ws.addRow(['王小明', '杭州示例科技有限公司', '13800138000', 'wxid_demo', '浙江 杭州', '展会', 'A', '华东,展会', '想了解 CRM 私有化部署']);
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c) => (c.width = 18));
  return wb;
}

const cellText = (v: ExcelJS.CellValue): string => {
  if (v == null) return '';
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  return String(v).trim();
};

export interface LeadImportOptions {
  /** `me` = the importer owns the leads; `pool` = they go to the default lead pool. */
  assignTo: 'me' | 'pool';
  campaignId?: string;
}

/**
 * Imports leads row by row, each in its own savepoint, through the same create command as the
 * API (validation, duplicate check by mobile / company + name). Errors come back per row and field;
 * duplicates are skipped and reported.
 */
export async function importLeads(db: Db, user: AuthUser, scope: DataScope, file: Buffer, opts: LeadImportOptions, now: Date): Promise<ImportResult> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw errors.badRequest('invalid_file', '无法读取文件，请使用模板的 .xlsx 格式');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw errors.badRequest('invalid_file', '文件中没有工作表');
  const headers = Array.from(ws.getRow(1).values as ExcelJS.CellValue[], cellText);
  const colOf = new Map(COLUMNS.map(([h, f]) => [f as string, headers.findIndex((x) => x.replace('*', '') === h.replace('*', ''))]));
  if ((colOf.get('name') ?? -1) < 0) throw errors.badRequest('invalid_template', '缺少“姓名”列，请使用导入模板');
  if (ws.rowCount - 1 > MAX_ROWS) throw errors.badRequest('too_many_rows', `一次最多导入 ${MAX_ROWS} 行`);
  const result: ImportResult = { created: 0, merged: 0, skipped: 0, errors: [] };
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const get = (f: string) => {
      const i = colOf.get(f) ?? -1;
      return i > 0 ? cellText(row.getCell(i).value) : '';
    };
    if (COLUMNS.every(([, f]) => !get(f))) continue;
    const raw = {
      name: get('name'),
      company: get('company') || undefined,
      mobile: get('mobile') || undefined,
      wechatId: get('wechatId') || undefined,
      region: get('region') || undefined,
      source: get('source') || '导入',
      grade: get('grade') || undefined,
      tags: get('tags') ? get('tags').split(/[,，]/).map((s) => s.trim()).filter(Boolean) : undefined,
      need: get('need') || undefined,
      ownerId: opts.assignTo === 'pool' ? null : undefined,
      campaignId: opts.campaignId,
    };
    const parsed = leadCreateBody.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) result.errors.push({ row: r, field: issue.path.join('.') || null, message: issue.message });
      continue;
    }
    try {
      await db.transaction(async (sp) => void (await createLead(sp as Db, user, scope, parsed.data, now)));
      result.created++;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.code === 'lead_duplicate') result.skipped++;
      const field = (err.details as { field?: string } | undefined)?.field ?? null;
      result.errors.push({ row: r, field, message: err.message });
    }
  }
  return result;
}

import type ExcelJS from 'exceljs';
import { leadCreateBody, type ImportResult } from '@scrm/shared';
import type { DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import type { AuthUser } from '../../http/context';
import { AppError } from '../../http/errors';
import { emptyImportResult, importRow, readSheet, sheetWorkbook } from '../../lib/excel';
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

export function leadTemplateWorkbook(): ExcelJS.Workbook {
  const example = ['王小明', '杭州示例科技有限公司', '13800138000', 'wxid_demo', '浙江 杭州', '展会', 'A', '华东,展会', '想了解 CRM 私有化部署'];
  return sheetWorkbook('线索', COLUMNS.map((c) => c[0]), [example]).wb;
}

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
  const rows = await readSheet(file, COLUMNS, 'name');
  const result = emptyImportResult();
  for (const { row: r, get } of rows) {
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
    await importRow(result, r, async () => {
      try {
        await db.transaction(async (sp) => void (await createLead(sp as Db, user, scope, parsed.data, now)));
      } catch (err) {
        if (err instanceof AppError && err.code === 'lead_duplicate') result.skipped++;
        throw err;
      }
      result.created++;
    });
  }
  return result;
}

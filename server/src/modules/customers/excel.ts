import type ExcelJS from 'exceljs';
import { and, eq, or } from 'drizzle-orm';
import { customerCreateBody, gradeNotAllowedMessage, normaliseCustomerName, type CustomerListQuery, type ImportResult } from '@scrm/shared';
import type { DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { contacts, customers } from '../../db/schema/index';
import type { AuthUser } from '../../http/context';
import { errors } from '../../http/errors';
import { appendPages, emptyImportResult, importRow, readSheet, sheetWorkbook } from '../../lib/excel';
import { allowedGrades } from './grades';
import { listCustomers } from './repo';
import { customerAccess } from './visibility';
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

export function templateWorkbook(): ExcelJS.Workbook {
  const example = ['杭州示例科技有限公司', '91350100M000100Y43', '软件和信息技术', 'A', '展会', '浙江 杭州', '杭州市西湖区文三路 1 号', '张三', 5000000, '重点,华东', '李四', '13800138000', '采购经理'];
  return sheetWorkbook('客户', COLUMNS.map((c) => c[0]), [example]).wb;
}

/**
 * Imports customers (+ first contact) row by row, each in its own savepoint. Errors are reported
 * per row and field; duplicates (by name or credit code) are skipped, or merged (empty fields
 * filled, contact added) when the caller may edit the existing customer.
 */
export async function importCustomers(db: Db, user: AuthUser, scope: DataScope, file: Buffer, mode: 'skip' | 'merge', now: Date): Promise<ImportResult> {
  const rows = await readSheet(file, COLUMNS, 'name');
  const result = emptyImportResult();
  const grades = await allowedGrades(db, user.corpId);
  for (const { row: r, get } of rows) {
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
    await importRow(result, r, async () => {
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
    });
  }
  return result;
}

/** Exports the customers the caller may see (list filters apply), up to 20 000 rows. */
export async function exportCustomers(db: Db, scope: DataScope, q: CustomerListQuery): Promise<ExcelJS.Workbook> {
  const { wb, ws } = sheetWorkbook('客户', ['客户名称', '统一社会信用代码', '行业', '客户等级', '来源', '地区', '地址', '负责人', '跟进次数', '最近跟进', '下次跟进', '赢单金额（元）', '创建时间']);
  await appendPages(
    ws,
    (cursor) => listCustomers(db, scope, { ...q, limit: 100, cursor }),
    (c) => [c.name, c.creditCode, c.industry, c.grade, c.source, c.region, c.address, c.ownerName ?? '公海', c.followUpCount, c.lastFollowUpAt, c.nextFollowUpAt, c.wonAmount / 100, c.createdAt],
  );
  return wb;
}

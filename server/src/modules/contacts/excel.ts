import type ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { contactImportRow, normaliseCustomerName, type ContactImportRow, type ContactListQuery, type ImportResult } from '@scrm/shared';
import type { DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { contacts, customers } from '../../db/schema/index';
import type { AuthUser } from '../../http/context';
import { appendPages, columnLabel, emptyImportResult, importRow, readSheet, sheetWorkbook } from '../../lib/excel';
import { customerAccess } from '../customers/visibility';
import { listContacts } from './repo';

/** Template columns: header → field. The export uses the same first columns, so it can be re-imported. */
const COLUMNS = [
  ['客户名称*', 'customerName'],
  ['姓名*', 'name'],
  ['手机', 'mobile'],
  ['微信', 'wechatId'],
  ['职务', 'title'],
  ['部门', 'department'],
  ['邮箱', 'email'],
  ['关键决策人', 'isKeyDecisionMaker'],
  ['备注', 'remark'],
] as const;
type Field = (typeof COLUMNS)[number][1];
const LABEL = new Map<string, string>(COLUMNS.map(([h, f]) => [f, columnLabel(h)]));
const label = (f: Field) => LABEL.get(f)!;
const YES_NO = new Map([
  ['是', true],
  ['否', false],
]);
/** Fields a merge fills in when the existing contact has them empty. */
const FILLABLE = ['wechatId', 'title', 'department', 'email', 'remark'] as const;

export function contactTemplateWorkbook(): ExcelJS.Workbook {
  const example = ['杭州示例科技有限公司', '李四', '13800138000', 'wxid_lisi', '采购经理', '采购部', 'lisi@example.com', '是', '负责年度采购'];
  return sheetWorkbook('联系人', COLUMNS.map((c) => c[0]), [example]).wb;
}

type CustomerMatch = { id: number; edit: boolean } | null;

/** The customer a row names, by normalised name, with the caller's permission on it (null = not found or outside the scope). */
async function matchCustomer(db: Db, scope: DataScope, name: string, cache: Map<string, CustomerMatch>): Promise<CustomerMatch> {
  const key = normaliseCustomerName(name);
  if (cache.has(key)) return cache.get(key)!;
  const [c] = await db
    .select({ id: customers.id, ownerId: customers.ownerId, poolId: customers.poolId })
    .from(customers)
    .where(and(eq(customers.corpId, scope.corpId), eq(customers.nameKey, key)));
  const access = c ? await customerAccess(db, scope, c) : null;
  const match = c && access ? { id: c.id, edit: access.edit } : null;
  cache.set(key, match);
  return match;
}

/** Validates one row: its customer (visible and editable) and its fields; errors name the column. */
async function checkRow(db: Db, scope: DataScope, get: (f: Field) => string, cache: Map<string, CustomerMatch>) {
  const errs: { field: string; message: string }[] = [];
  const customerName = get('customerName');
  let customer: CustomerMatch = null;
  if (!customerName) errs.push({ field: label('customerName'), message: '请填写客户名称' });
  else {
    customer = await matchCustomer(db, scope, customerName, cache);
    if (!customer) errs.push({ field: label('customerName'), message: `未找到客户“${customerName}”，或该客户不在您的数据范围内` });
    else if (!customer.edit) errs.push({ field: label('customerName'), message: `您对客户“${customerName}”只有查看权限，不能添加联系人` });
  }
  const kdm = get('isKeyDecisionMaker');
  if (kdm && !YES_NO.has(kdm)) errs.push({ field: label('isKeyDecisionMaker'), message: '关键决策人只能填“是”或“否”' });
  const opt = (f: Field) => get(f) || undefined;
  const parsed = contactImportRow.safeParse({
    name: get('name'),
    mobile: opt('mobile'),
    wechatId: opt('wechatId'),
    title: opt('title'),
    department: opt('department'),
    email: opt('email'),
    isKeyDecisionMaker: YES_NO.get(kdm),
    remark: opt('remark'),
  });
  if (!parsed.success) for (const issue of parsed.error.issues) errs.push({ field: LABEL.get(String(issue.path[0])) ?? String(issue.path[0] ?? ''), message: issue.message });
  return { errs, customerId: customer?.id ?? 0, body: parsed.success ? parsed.data : null };
}

/**
 * Imports contacts row by row, each all or nothing (validated first, written in its own savepoint).
 * The customer is matched by name and must be one the caller may edit. A duplicate is the same
 * mobile at the same customer: skipped, or merged (empty fields filled, 关键决策人 “是” set).
 */
export async function importContacts(db: Db, user: AuthUser, scope: DataScope, file: Buffer, mode: 'skip' | 'merge', now: Date): Promise<ImportResult> {
  const rows = await readSheet(file, COLUMNS, 'customerName');
  const result = emptyImportResult();
  const cache = new Map<string, CustomerMatch>();
  const run: ImportRun = { db, userId: user.id, corpId: scope.corpId, mode, now, result };
  for (const { row, get } of rows) {
    const { errs, customerId, body } = await checkRow(db, scope, get, cache);
    if (errs.length || !body) {
      for (const e of errs) result.errors.push({ row, ...e });
      continue;
    }
    await importRow(result, row, () => writeRow(run, customerId, body));
  }
  return result;
}

interface ImportRun {
  db: Db;
  userId: number;
  corpId: number;
  mode: 'skip' | 'merge';
  now: Date;
  result: ImportResult;
}

/** Writes one valid row: creates the contact, or skips / merges a duplicate (same mobile at the same customer). */
async function writeRow({ db, userId, corpId, mode, now, result }: ImportRun, customerId: number, b: ContactImportRow): Promise<void> {
  const [dup] = b.mobile
    ? await db.select().from(contacts).where(and(eq(contacts.corpId, corpId), eq(contacts.customerId, customerId), eq(contacts.mobile, b.mobile))).limit(1)
    : [];
  if (!dup) {
    await db.transaction(async (sp) => void (await sp.insert(contacts).values({ ...b, corpId, customerId, createdBy: userId, createdAt: now, updatedAt: now })));
    result.created++;
  } else if (mode === 'skip') result.skipped++;
  else {
    const fill: Partial<typeof contacts.$inferInsert> = {};
    for (const k of FILLABLE) if (dup[k] == null && b[k] != null) fill[k] = b[k];
    if (b.isKeyDecisionMaker && !dup.isKeyDecisionMaker) fill.isKeyDecisionMaker = true;
    if (Object.keys(fill).length) await db.transaction(async (sp) => void (await sp.update(contacts).set({ ...fill, updatedAt: now }).where(eq(contacts.id, dup.id))));
    result.merged++;
  }
}

/** Exports the contacts of customers in the caller's scope (list filters apply), up to 20 000 rows. */
export async function exportContacts(db: Db, scope: DataScope, q: ContactListQuery): Promise<ExcelJS.Workbook> {
  const { wb, ws } = sheetWorkbook('联系人', [...COLUMNS.map((c) => columnLabel(c[0])), '创建时间']);
  await appendPages(
    ws,
    (cursor) => listContacts(db, scope, { ...q, limit: 100, cursor }),
    (c) => [c.customerName, c.name, c.mobile, c.wechatId, c.title, c.department, c.email, c.isKeyDecisionMaker ? '是' : '否', c.remark, c.createdAt],
  );
  return wb;
}

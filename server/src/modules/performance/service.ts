import { and, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { MySqlColumn } from 'drizzle-orm/mysql-core';
import type { z } from 'zod';
import type { setCommissionRatesBody, setTargetsBody } from '@scrm/shared';
import type { DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { commissionRates, contractLines, contracts, departments, invoices, receipts, refunds, salesTargets, userDepartments, users } from '../../db/schema/index';
import { dayjs } from '../../lib/time';
import { mulDiv } from '../contracts/money';

type Metric = 'booked' | 'received' | 'invoiced';
const n = (v: unknown) => Number(v ?? 0);
const range = (from: string, to: string) => ({ start: `${from}-01`, end: dayjs(`${to}-01`).endOf('month').format('YYYY-MM-DD') });
const ownerIn = (scope: DataScope, col: MySqlColumn): SQL | undefined => (scope.level === 'all' ? undefined : inArray(col, scope.userIds!));

/** Sum of a money expression per owner over a date range, inside the scope. */
async function perOwner(db: Db, scope: DataScope, table: any, owner: MySqlColumn, date: MySqlColumn, amount: SQL, extra: SQL | undefined, start: string, end: string) {
  const rows = await db
    .select({ owner, v: sql`COALESCE(SUM(${amount}),0)` })
    .from(table)
    .where(and(eq(table.corpId, scope.corpId), ownerIn(scope, owner), gte(date, start), lte(date, end), extra))
    .groupBy(owner);
  return new Map(rows.map((r) => [Number(r.owner), n(r.v)]));
}

/**
 * 业绩: booked (effective contracts by signing date), received (receipts − refunds by date),
 * invoiced (blue − red by issue date) per rep or department, with targets and a ranking.
 */
export async function performance(db: Db, scope: DataScope, q: { from: string; to: string; groupBy: 'rep' | 'department'; rankBy: Metric }) {
  const { start, end } = range(q.from, q.to);
  const booked = await perOwner(db, scope, contracts, contracts.ownerId, contracts.signedOn, sql`${contracts.amount}`, inArray(contracts.status, ['effective', 'terminated']), start, end);
  const rec = await perOwner(db, scope, receipts, receipts.ownerId, receipts.receivedOn, sql`${receipts.amount}`, undefined, start, end);
  const ref = await perOwner(db, scope, refunds, refunds.ownerId, refunds.refundedOn, sql`${refunds.amount}`, undefined, start, end);
  const inv = await perOwner(db, scope, invoices, invoices.ownerId, invoices.issuedOn, sql`CASE WHEN ${invoices.kind} = 'blue' THEN ${invoices.amount} ELSE -${invoices.amount} END`, undefined, start, end);
  const people = await db
    .select({ id: users.id, name: users.name, dept: sql<number | null>`MIN(${userDepartments.departmentId})` })
    .from(users)
    .leftJoin(userDepartments, eq(userDepartments.userId, users.id))
    .where(and(eq(users.corpId, scope.corpId), ownerIn(scope, users.id)))
    .groupBy(users.id, users.name);
  const targets = await db
    .select()
    .from(salesTargets)
    .where(and(eq(salesTargets.corpId, scope.corpId), gte(salesTargets.month, q.from), lte(salesTargets.month, q.to)));
  const tgt = new Map<string, { booked: number; received: number; invoiced: number }>();
  for (const t of targets) {
    const acc = tgt.get(t.subjectKey) ?? { booked: 0, received: 0, invoiced: 0 };
    acc.booked += t.booked;
    acc.received += t.received;
    acc.invoiced += t.invoiced;
    tgt.set(t.subjectKey, acc);
  }
  const repRows = people.map((p) => ({
    key: `u${p.id}`,
    id: String(p.id),
    name: p.name,
    departmentId: p.dept == null ? null : Number(p.dept),
    booked: booked.get(p.id) ?? 0,
    received: (rec.get(p.id) ?? 0) - (ref.get(p.id) ?? 0),
    invoiced: inv.get(p.id) ?? 0,
  }));
  let rows = repRows.map((r) => ({ ...r, target: tgt.get(r.key) ?? { booked: 0, received: 0, invoiced: 0 } }));
  if (q.groupBy === 'department') {
    const names = new Map((await db.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.corpId, scope.corpId))).map((d) => [d.id, d.name]));
    const byDept = new Map<number, (typeof rows)[number]>();
    for (const r of repRows) {
      if (r.departmentId == null) continue;
      const d = byDept.get(r.departmentId) ?? { key: `d${r.departmentId}`, id: String(r.departmentId), name: names.get(r.departmentId) ?? '', departmentId: r.departmentId, booked: 0, received: 0, invoiced: 0, target: tgt.get(`d${r.departmentId}`) ?? { booked: 0, received: 0, invoiced: 0 } };
      d.booked += r.booked;
      d.received += r.received;
      d.invoiced += r.invoiced;
      byDept.set(r.departmentId, d);
    }
    rows = [...byDept.values()];
  }
  rows.sort((a, b) => b[q.rankBy] - a[q.rankBy] || Number(a.id) - Number(b.id));
  return {
    from: q.from,
    to: q.to,
    groupBy: q.groupBy,
    rankBy: q.rankBy,
    items: rows.map((r, i) => ({
      rank: i + 1,
      id: r.id,
      name: r.name,
      booked: r.booked,
      received: r.received,
      invoiced: r.invoiced,
      target: r.target,
      /** Completion in basis points of the target (null without a target). */
      completionBp: r.target[q.rankBy] ? mulDiv(Math.max(0, r[q.rankBy]), 10000, r.target[q.rankBy]) : null,
    })),
  };
}

/** Commission preview: booked contract lines × the rate of their product category (default rate otherwise). */
export async function commissionPreview(db: Db, scope: DataScope, q: { from: string; to: string }) {
  const { start, end } = range(q.from, q.to);
  const rates = await db.select().from(commissionRates).where(eq(commissionRates.corpId, scope.corpId));
  const rateOf = new Map(rates.map((r) => [r.categoryKey, r.rateBp]));
  const lines = await db
    .select({ owner: contracts.ownerId, categoryId: contractLines.categoryId, amount: sql`SUM(${contractLines.amount})` })
    .from(contractLines)
    .innerJoin(contracts, eq(contracts.id, contractLines.contractId))
    .where(and(eq(contracts.corpId, scope.corpId), ownerIn(scope, contracts.ownerId), inArray(contracts.status, ['effective', 'terminated']), gte(contracts.signedOn, start), lte(contracts.signedOn, end)))
    .groupBy(contracts.ownerId, contractLines.categoryId);
  const per = new Map<number, { base: number; commission: number }>();
  for (const l of lines) {
    const rate = rateOf.get(l.categoryId ?? 0) ?? rateOf.get(0) ?? 0;
    const acc = per.get(l.owner) ?? { base: 0, commission: 0 };
    acc.base += n(l.amount);
    acc.commission += mulDiv(n(l.amount), rate, 10000);
    per.set(l.owner, acc);
  }
  return { from: q.from, to: q.to, items: [...per].map(([id, v]) => ({ userId: String(id), base: v.base, commission: v.commission })).sort((a, b) => b.commission - a.commission) };
}

/** Upserts monthly targets (per user or per department). */
export async function setTargets(db: Db, corpId: number, targets: z.infer<typeof setTargetsBody>['targets']): Promise<void> {
  for (const t of targets) {
    const subjectKey = t.userId ? `u${t.userId}` : `d${t.departmentId}`;
    const values = { booked: t.booked, received: t.received, invoiced: t.invoiced };
    await db
      .insert(salesTargets)
      .values({ corpId, month: t.month, userId: t.userId ? Number(t.userId) : null, departmentId: t.departmentId ? Number(t.departmentId) : null, subjectKey, ...values })
      .onDuplicateKeyUpdate({ set: values });
  }
}

/** Upserts commission rates by product category (null = the default rate). */
export async function setCommissionRates(db: Db, corpId: number, rates: z.infer<typeof setCommissionRatesBody>['rates']): Promise<void> {
  for (const r of rates) {
    await db
      .insert(commissionRates)
      .values({ corpId, categoryId: r.categoryId ? Number(r.categoryId) : null, categoryKey: r.categoryId ? Number(r.categoryId) : 0, rateBp: r.rateBp })
      .onDuplicateKeyUpdate({ set: { rateBp: r.rateBp } });
  }
}

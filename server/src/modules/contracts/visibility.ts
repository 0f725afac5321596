import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { MySqlColumn } from 'drizzle-orm/mysql-core';
import type { ListScope } from '@scrm/shared';
import { ownerCondition, type DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { contracts, customers } from '../../db/schema/index';
import type { AuthUser } from '../../http/context';
import { errors } from '../../http/errors';
import { canEditCustomer, customerVisibleCondition, findVisibleCustomer, type Customer } from '../customers/visibility';

/**
 * Visibility of money documents (contracts and what hangs off them: payment plans, receipts,
 * refunds, receivables, orders, shipments, returns, invoices, assets; and expense claims and
 * advances). The one rule, written out in docs/CONVENTIONS.md ("Visibility — money documents
 * and approvals"):
 * - the finance role sees every money document of the corp (it books receipts, invoices and
 *   reimbursements for everyone): its money scope is `all`;
 * - everyone else sees the money documents of the customers they may see (customers/visibility:
 *   owner in their data scope, or a collaborator), except through a pool: the money documents of
 *   an unowned (pool) customer are seen by finance and "all" scopes only;
 * - writing a money document (creating one for a customer, or changing / acting on one) needs
 *   edit rights on its customer: a read-only collaborator reads, never writes (403).
 * Performance figures are the exception: they follow the rep (owner columns) inside the money scope.
 */

/** A data scope widened by the finance rule; only `moneyScope` makes one. */
export interface MoneyScope extends DataScope {
  readonly money: true;
}

/** The roles that see every money document of the corp. */
export const MONEY_ALL_ROLES: readonly string[] = ['finance'];

export const seesAllMoney = (user: Pick<AuthUser, 'role'>): boolean => MONEY_ALL_ROLES.includes(user.role);

/** The caller's money scope: the data scope, widened to the corp for the finance role. */
export async function moneyScope(args: { user: AuthUser; scope: () => Promise<DataScope> }): Promise<MoneyScope> {
  const s = await args.scope();
  return seesAllMoney(args.user) ? { ...s, level: 'all', userIds: null, money: true } : { ...s, money: true };
}

/**
 * A system caller's scope as a money scope, unchanged (ERP sync, demo seeds: their scopes are
 * already the corp). Handlers use `moneyScope`.
 */
export const systemMoneyScope = (scope: DataScope): MoneyScope => ({ ...scope, money: true });

/** The money scope of a scope already loaded (services that hold a user and a data scope). */
export function moneyScopeOf(user: AuthUser, scope: DataScope): MoneyScope {
  return seesAllMoney(user) ? { ...scope, level: 'all', userIds: null, money: true } : { ...scope, money: true };
}

/** A money document's table: every one carries the corp, the customer and an owner. */
export interface MoneyDocColumns {
  corpId: MySqlColumn;
  customerId: MySqlColumn;
  ownerId: MySqlColumn;
}

/**
 * SQL over a money document table: the corp, and (below `all`) a customer the scope sees money of.
 * A subquery on `customers`, so it composes with any select on the document table.
 */
export function moneyDocCondition(scope: MoneyScope, t: MoneyDocColumns): SQL {
  const corp = eq(t.corpId, scope.corpId);
  const visible = customerVisibleCondition(scope);
  if (!visible) return corp;
  return and(
    corp,
    sql`${t.customerId} IN (SELECT ${customers.id} FROM ${customers} WHERE ${customers.corpId} = ${scope.corpId} AND ${customers.ownerId} IS NOT NULL AND ${visible})`,
  )!;
}

/**
 * A list's condition: `moneyDocCondition`, narrowed by the list's `scope` tab over the document
 * owner (mine = I own it, team = others in my scope own it, all = everything visible; pool = none).
 */
export function moneyListCondition(scope: MoneyScope, listScope: ListScope, t: MoneyDocColumns): SQL {
  return and(moneyDocCondition(scope, t), listScope === 'all' ? undefined : ownerCondition(scope, listScope, t.ownerId))!;
}

/** Contracts the money scope sees (lists, joins): `moneyDocCondition` over `contracts`. */
export const contractVisibleCondition = (scope: MoneyScope): SQL => moneyDocCondition(scope, contracts);

/** The customer if the money scope sees its money documents (never through a pool), else null. */
export async function findMoneyCustomer(db: Db, scope: MoneyScope, customerId: number): Promise<Customer | null> {
  const c = await findVisibleCustomer(db, scope, customerId);
  if (!c || (scope.level !== 'all' && c.ownerId == null)) return null;
  return c;
}

/**
 * The customer a new money document is written for: 404 when the money scope does not see it,
 * 403 when the caller may only read it (a read-only collaborator).
 */
export async function requireMoneyCustomer(db: Db, scope: MoneyScope, customerId: number): Promise<Customer> {
  const c = await findMoneyCustomer(db, scope, customerId);
  if (!c) throw errors.notFound('客户');
  if (!(await canEditCustomer(db, scope, c))) throw errors.forbidden('您对该客户只有查看权限');
  return c;
}

/** True when the money scope sees a document of this customer. */
export async function canSeeMoneyDoc(db: Db, scope: MoneyScope, doc: { customerId: number }): Promise<boolean> {
  return scope.level === 'all' || (await findMoneyCustomer(db, scope, doc.customerId)) != null;
}

/** True when the caller may write (change, act on, add to) a visible money document. */
export async function canEditMoneyDoc(db: Db, scope: MoneyScope, doc: { customerId: number }): Promise<boolean> {
  if (scope.level === 'all') return true;
  const c = await findMoneyCustomer(db, scope, doc.customerId);
  return c != null && (await canEditCustomer(db, scope, c));
}

/** 404 (`label`) unless the money scope sees the document; 403 too when `edit` and it may only read. */
export async function assertMoneyDoc<T extends { customerId: number }>(db: Db, scope: MoneyScope, doc: T | undefined, label: string, opts: { edit?: boolean } = {}): Promise<T> {
  if (!doc || !(await canSeeMoneyDoc(db, scope, doc))) throw errors.notFound(label);
  if (opts.edit && !(await canEditMoneyDoc(db, scope, doc))) throw errors.forbidden('您对该客户只有查看权限');
  return doc;
}

export type ContractRow = typeof contracts.$inferSelect;

/** A contract the money scope sees (locked FOR UPDATE when asked), else 404. */
export async function findVisibleContract(db: Db, scope: MoneyScope, id: number, opts: { forUpdate?: boolean } = {}): Promise<ContractRow> {
  const q = db.select().from(contracts).where(and(eq(contracts.corpId, scope.corpId), eq(contracts.id, id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return assertMoneyDoc(db, scope, row, '合同');
}

/** True when the caller may change or act on this visible contract (edit rights on its customer). */
export const canEditContract = (db: Db, scope: MoneyScope, contract: ContractRow): Promise<boolean> => canEditMoneyDoc(db, scope, contract);

/** A contract the caller may change: 404 when not visible, 403 when read-only. */
export async function findEditableContract(db: Db, scope: MoneyScope, id: number, opts: { forUpdate?: boolean } = {}): Promise<ContractRow> {
  const q = db.select().from(contracts).where(and(eq(contracts.corpId, scope.corpId), eq(contracts.id, id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return assertMoneyDoc(db, scope, row, '合同', { edit: true });
}

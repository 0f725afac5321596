import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { normaliseCustomerName, type CustomerCreateBody, type CustomerPatchBody } from '@scrm/shared';
import type { DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { contacts, customerCollaborators, customers, users } from '../../db/schema/index';
import type { AuthUser } from '../../http/context';
import { errors, isDuplicateKey } from '../../http/errors';
import { idNum, idStr } from '../../lib/ids';
import { moveOpenOpportunities } from '../opportunities/service';
import { recordAction } from '../pools/actions-log';
import type { PoolEntityAdapter } from '../pools/engine';
import { defaultPoolId, getPool } from '../pools/repo';
import { collaboratorsOf, presentCustomer } from './repo';
import { canSeeOwner } from '../../auth/scope';
import { customerAccess, requireVisibleCustomer } from './visibility';
import { assertGradeAllowed } from './grades';

/** A visible customer as the detail API shows it (404 outside the scope), with the caller's permissions. */
export async function customerDetail(db: Db, scope: DataScope, id: number) {
  const { row, access } = await requireVisibleCustomer(db, scope, id);
  const collabs = await collaboratorsOf(db, id);
  return {
    ...presentCustomer(row, row.ownerName),
    collaborators: collabs.map((c) => ({ userId: idStr(c.userId), name: c.name, permission: c.permission })),
    permissions: access,
  };
}

/** Masks a name for callers who may not see the record: 张伟 → 张*. */
export const maskName = (name: string | null) => (name ? `${name.slice(0, 1)}${'*'.repeat(Math.max(1, name.length - 1))}` : null);

/**
 * Finds an existing customer by normalised name, credit code or a contact's mobile; throws 409
 * `customer_duplicate` naming its owner (masked, and without the record, when out of scope).
 */
export async function assertNoDuplicate(
  db: Db,
  scope: DataScope,
  probe: { name?: string; creditCode?: string | null; mobile?: string | null },
  exceptId?: number,
): Promise<void> {
  const corpId = scope.corpId;
  const checks: { field: 'name' | 'creditCode' | 'mobile'; where: ReturnType<typeof eq> }[] = [];
  if (probe.name) checks.push({ field: 'name', where: eq(customers.nameKey, normaliseCustomerName(probe.name)) });
  if (probe.creditCode) checks.push({ field: 'creditCode', where: eq(customers.creditCode, probe.creditCode) });
  if (probe.mobile)
    checks.push({
      field: 'mobile',
      where: inArray(customers.id, db.select({ id: contacts.customerId }).from(contacts).where(and(eq(contacts.corpId, corpId), eq(contacts.mobile, probe.mobile)))),
    });
  for (const c of checks) {
    const [hit] = await db
      .select({ id: customers.id, name: customers.name, ownerId: customers.ownerId, poolId: customers.poolId, ownerName: users.name })
      .from(customers)
      .leftJoin(users, eq(users.id, customers.ownerId))
      .where(and(eq(customers.corpId, corpId), c.where, exceptId ? ne(customers.id, exceptId) : undefined))
      .limit(1);
    if (!hit) continue;
    const visible = (await customerAccess(db, scope, hit)) != null;
    const ownerName = hit.ownerId == null ? '公海' : visible ? hit.ownerName : maskName(hit.ownerName);
    const what = { name: '客户名称', creditCode: '统一社会信用代码', mobile: '联系人手机号' }[c.field];
    throw errors.conflict('customer_duplicate', `${what}与已有客户重复（负责人：${ownerName ?? '未知'}）`, {
      field: c.field,
      customerId: visible ? idStr(hit.id) : null,
      customerName: visible ? hit.name : null,
      ownerName,
    });
  }
}

type Editable = Omit<CustomerPatchBody, 'name' | 'status'>;
function editableColumns(b: Editable) {
  const out: Partial<typeof customers.$inferInsert> = {};
  const keys = ['creditCode', 'registeredCapital', 'legalRepresentative', 'address', 'longitude', 'latitude', 'region', 'industry', 'grade', 'source', 'tags', 'remark', 'locked'] as const;
  for (const k of keys) if (b[k] !== undefined) (out as Record<string, unknown>)[k] = b[k];
  return out;
}

async function assertUsersInCorp(db: Db, corpId: number, ids: number[]): Promise<void> {
  if (!ids.length) return;
  const found = await db.select({ id: users.id }).from(users).where(and(eq(users.corpId, corpId), inArray(users.id, ids)));
  if (found.length !== new Set(ids).size) throw errors.badRequest('user_not_found', '指定的员工不存在');
}

/** Creates a customer (and optionally its first contact); the caller owns it unless `ownerId` says otherwise. */
export async function createCustomer(db: Db, user: AuthUser, scope: DataScope, b: CustomerCreateBody, now: Date): Promise<number> {
  await assertGradeAllowed(db, user.corpId, b.grade);
  await assertNoDuplicate(db, scope, { name: b.name, creditCode: b.creditCode, mobile: b.contact?.mobile });
  const ownerId: number | null = b.ownerId === undefined ? user.id : b.ownerId === null ? null : idNum(b.ownerId);
  if (ownerId != null && ownerId !== user.id) {
    if (scope.level === 'own' || !canSeeOwner(scope, ownerId)) throw errors.forbidden('只能把客户分给自己或本部门成员');
    await assertUsersInCorp(db, user.corpId, [ownerId]);
  }
  let poolId = b.poolId ? idNum(b.poolId) : await defaultPoolId(db, user.corpId, 'customer');
  if (b.poolId) {
    const pool = await getPool(db, user.corpId, poolId!);
    if (!pool || pool.entityType !== 'customer') throw errors.badRequest('pool_not_found', '公海不存在');
  }
  if (ownerId == null && poolId == null) throw errors.conflict('no_pool', '没有可放入的公海，请先创建公海或指定负责人');
  let id: number;
  try {
    const [row] = await db
      .insert(customers)
      .values({ corpId: user.corpId, name: b.name, nameKey: normaliseCustomerName(b.name), ...editableColumns(b), ownerId, poolId, ownedAt: ownerId ? now : null, createdBy: user.id, createdAt: now, updatedAt: now })
      .$returningId();
    id = row!.id;
  } catch (err) {
    if (isDuplicateKey(err)) await assertNoDuplicate(db, scope, { name: b.name, creditCode: b.creditCode });
    throw err;
  }
  if (b.contact) {
    await db.insert(contacts).values({ corpId: user.corpId, customerId: id, name: b.contact.name, mobile: b.contact.mobile ?? null, title: b.contact.title ?? null, createdBy: user.id, createdAt: now, updatedAt: now });
  }
  if (b.collaborators?.length) await setCollaborators(db, user.corpId, id, b.collaborators, ownerId);
  await recordAction(db, { corpId: user.corpId, entityType: 'customer', entityId: id, action: 'create', actorId: user.id, toUserId: ownerId, toPoolId: ownerId ? null : poolId, at: now });
  return id;
}

/** Updates fields; the name and credit code keep the duplicate rule. */
export async function patchCustomer(db: Db, scope: DataScope, id: number, b: CustomerPatchBody): Promise<void> {
  await assertGradeAllowed(db, scope.corpId, b.grade);
  await assertNoDuplicate(db, scope, { name: b.name, creditCode: b.creditCode }, id);
  const set = { ...editableColumns(b), ...(b.name ? { name: b.name, nameKey: normaliseCustomerName(b.name) } : {}) };
  if (Object.keys(set).length === 0) return;
  await db.update(customers).set(set).where(and(eq(customers.corpId, scope.corpId), eq(customers.id, id)));
}

/** Replaces the collaborator list (the owner is never a collaborator of their own customer). */
export async function setCollaborators(
  db: Db,
  corpId: number,
  customerId: number,
  list: { userId: string; permission: 'read' | 'edit' }[],
  ownerId: number | null,
): Promise<void> {
  const rows = list.map((c) => ({ customerId, corpId, userId: idNum(c.userId), permission: c.permission })).filter((c) => c.userId !== ownerId);
  await assertUsersInCorp(db, corpId, rows.map((r) => r.userId));
  await db.delete(customerCollaborators).where(eq(customerCollaborators.customerId, customerId));
  const unique = [...new Map(rows.map((r) => [r.userId, r])).values()];
  if (unique.length) await db.insert(customerCollaborators).values(unique);
}

/** Hooks other modules add to run when a customer changes owner (e.g. open opportunities follow). */
const ownerChangeHooks: NonNullable<PoolEntityAdapter['afterOwnerChange']>[] = [];
/** Registers a hook run in the transaction of every customer owner change (transfer, claim, reclaim…). */
export function onCustomerOwnerChange(hook: NonNullable<PoolEntityAdapter['afterOwnerChange']>): void {
  ownerChangeHooks.push(hook);
}

/** The pool engine's view of customers. */
export const customerAdapter: PoolEntityAdapter = {
  type: 'customer',
  label: '客户',
  async lockRow(db, corpId, id) {
    const [row] = await db
      .select({ id: customers.id, ownerId: customers.ownerId, poolId: customers.poolId, status: customers.status, grade: customers.grade, locked: customers.locked })
      .from(customers)
      .where(and(eq(customers.corpId, corpId), eq(customers.id, id)))
      .for('update');
    return row ?? null;
  },
  canSee: async (db, scope, row) => (await customerAccess(db, scope, row)) != null,
  async update(db, corpId, id, set) {
    await db
      .update(customers)
      .set({ ownerId: set.ownerId, poolId: set.poolId, ownedAt: set.ownedAt, ...(set.status ? { status: set.status as 'active' | 'discarded' } : {}) })
      .where(and(eq(customers.corpId, corpId), eq(customers.id, id)));
  },
  async countHeld(db, corpId, userId, poolId, grade) {
    const [r] = await db
      .select({ n: sql<number>`COUNT(*)` })
      .from(customers)
      .where(
        and(
          eq(customers.corpId, corpId),
          eq(customers.ownerId, userId),
          eq(customers.status, 'active'),
          eq(customers.poolId, poolId),
          grade === undefined ? undefined : eq(customers.grade, grade ?? ''),
        ),
      );
    return Number(r?.n ?? 0);
  },
  async afterOwnerChange(db, corpId, id, from, to, at) {
    // The owner's collaborator row would be redundant.
    if (to != null) await db.delete(customerCollaborators).where(and(eq(customerCollaborators.customerId, id), eq(customerCollaborators.userId, to)));
    // Open opportunities follow the customer to its new owner.
    if (to != null) await moveOpenOpportunities(db, corpId, id, to);
    for (const hook of ownerChangeHooks) await hook(db, corpId, id, from, to, at);
  },
};

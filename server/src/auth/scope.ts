import { and, eq, inArray, or, like, sql, type SQL } from 'drizzle-orm';
import type { MySqlColumn } from 'drizzle-orm/mysql-core';
import type { ListScope } from '@scrm/shared';
import type { Db } from '../db/client';
import { corps, departments, userDepartments } from '../db/schema/index';
import type { AuthUser } from '../http/context';

/** What the caller may see: own records, a department subtree's, or the whole corp's. */
export interface DataScope {
  corpId: number;
  userId: number;
  level: 'own' | 'subtree' | 'all';
  /** Users whose records are visible (self included); null when level is `all`. */
  userIds: number[] | null;
  /** Departments the caller leads plus all their descendants. */
  departmentIds: number[];
}

const DEFAULT_ALL_ROLES = ['admin'];

/** What a scope is computed from, read with the session (see `authenticate`): never cached across requests. */
interface ScopeInputs {
  allScopeRoles: string[] | undefined;
  /** Paths of the departments the user leads. */
  ledPaths: string[];
}
const prefetched = new WeakMap<AuthUser, ScopeInputs>();

/** Attaches the scope inputs read together with the session to this request's user object. */
export function rememberScopeInputs(user: AuthUser, inputs: ScopeInputs): void {
  prefetched.set(user, inputs);
}

async function readScopeInputs(db: Db, user: AuthUser): Promise<ScopeInputs> {
  const [corp] = await db.select({ settings: corps.settings }).from(corps).where(eq(corps.id, user.corpId));
  const led = await db
    .select({ path: departments.path })
    .from(userDepartments)
    .innerJoin(departments, eq(departments.id, userDepartments.departmentId))
    .where(and(eq(userDepartments.userId, user.id), eq(userDepartments.isLeader, true), eq(userDepartments.corpId, user.corpId)));
  return { allScopeRoles: corp?.settings.allScopeRoles, ledPaths: led.map((d) => d.path) };
}

/**
 * Loads the caller's scope: roles configured as "all" (default admin) → all; department leaders →
 * subtree; else own. With the inputs read by `authenticate`, reps and "all" roles cost no query
 * and leaders one (the subtree's departments and members together).
 */
export async function loadScope(db: Db, user: AuthUser): Promise<DataScope> {
  const inputs = prefetched.get(user) ?? (await readScopeInputs(db, user));
  const allRoles = inputs.allScopeRoles ?? DEFAULT_ALL_ROLES;
  if (allRoles.includes(user.role)) {
    return { corpId: user.corpId, userId: user.id, level: 'all', userIds: null, departmentIds: [] };
  }
  if (inputs.ledPaths.length === 0) {
    return { corpId: user.corpId, userId: user.id, level: 'own', userIds: [user.id], departmentIds: [] };
  }
  const subtree = await db
    .select({ id: departments.id, userId: userDepartments.userId })
    .from(departments)
    .leftJoin(userDepartments, and(eq(userDepartments.departmentId, departments.id), eq(userDepartments.corpId, user.corpId)))
    .where(and(eq(departments.corpId, user.corpId), or(...inputs.ledPaths.map((p) => like(departments.path, `${p}%`)))));
  const departmentIds = [...new Set(subtree.map((d) => d.id))];
  const userIds = [...new Set([user.id, ...subtree.flatMap((m) => (m.userId == null ? [] : [m.userId]))])];
  return { corpId: user.corpId, userId: user.id, level: 'subtree', userIds, departmentIds };
}

/** True when a record owned by `ownerId` is visible to the scope. */
export function canSeeOwner(scope: DataScope, ownerId: number | null): boolean {
  if (scope.level === 'all') return true;
  return ownerId != null && scope.userIds!.includes(ownerId);
}

/**
 * SQL condition over an owner column for a list's `scope` (mine / team / all); `undefined` = no
 * owner restriction (level all). `pool` is a module concern (pool ranges) and matches nothing here.
 * Always combine with the corp condition; this helper never widens beyond the data scope.
 */
export function ownerCondition(scope: DataScope, listScope: ListScope, owner: MySqlColumn): SQL | undefined {
  switch (listScope) {
    case 'mine':
      return eq(owner, scope.userId);
    case 'team': {
      if (scope.level === 'all') return sql`${owner} IS NOT NULL AND ${owner} <> ${scope.userId}`;
      const others = scope.userIds!.filter((id) => id !== scope.userId);
      return others.length ? inArray(owner, others) : sql`FALSE`;
    }
    case 'all':
      return scope.level === 'all' ? undefined : inArray(owner, scope.userIds!);
    case 'pool':
      // Pools have their own visibility (pool ranges); modules build that condition themselves.
      return sql`FALSE`;
  }
}

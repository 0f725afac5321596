import { and, eq, like, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { departments, userDepartments, users } from '../db/schema/index';
import type { AppDeps } from '../http/context';
import { revokeUserSessions } from '../auth/sessions';
import type { WecomDepartment, WecomUser } from './types';

/** Upserts a department under its parent and keeps `path` (/1/4/9/) right for it and its subtree. */
export async function upsertDepartment(db: Db, corpId: number, d: { id: number; name?: string; parentid?: number; order?: number }): Promise<number> {
  const [parent] = d.parentid
    ? await db.select().from(departments).where(and(eq(departments.corpId, corpId), eq(departments.wecomDeptId, d.parentid)))
    : [];
  const [existing] = await db.select().from(departments).where(and(eq(departments.corpId, corpId), eq(departments.wecomDeptId, d.id))).for('update');
  if (!existing) {
    const [ins] = await db
      .insert(departments)
      .values({ corpId, wecomDeptId: d.id, name: (d.name ?? String(d.id)).slice(0, 100), parentId: parent?.id ?? null, path: '/', sortOrder: d.order ?? 0 })
      .$returningId();
    await db.update(departments).set({ path: `${parent?.path ?? '/'}${ins!.id}/` }).where(eq(departments.id, ins!.id));
    return ins!.id;
  }
  const parentChanged = d.parentid !== undefined && (parent?.id ?? null) !== existing.parentId;
  await db
    .update(departments)
    .set({
      ...(d.name !== undefined ? { name: d.name.slice(0, 100) } : {}),
      ...(d.order !== undefined ? { sortOrder: d.order } : {}),
      ...(parentChanged ? { parentId: parent?.id ?? null } : {}),
    })
    .where(eq(departments.id, existing.id));
  if (parentChanged) {
    const newPath = `${parent?.path ?? '/'}${existing.id}/`;
    // Re-root the whole subtree: every descendant's path starts with the old prefix.
    await db
      .update(departments)
      .set({ path: sql`CONCAT(${newPath}, SUBSTRING(${departments.path}, ${existing.path.length + 1}))` })
      .where(and(eq(departments.corpId, corpId), like(departments.path, `${existing.path}%`)));
  }
  return existing.id;
}

/** Mirrors a whole department list (parents before children). */
export async function syncDepartments(db: Db, corpId: number, list: WecomDepartment[]): Promise<Map<number, number>> {
  const byId = new Map(list.map((d) => [d.id, d]));
  const depth = (d: WecomDepartment): number => (byId.has(d.parentid) && d.parentid !== d.id ? 1 + depth(byId.get(d.parentid)!) : 0);
  const ids = new Map<number, number>();
  for (const d of [...list].sort((a, b) => depth(a) - depth(b))) ids.set(d.id, await upsertDepartment(db, corpId, d));
  return ids;
}

/** Creates or updates a user from `user/get`, with memberships and leader flags; a disabled/quit user loses every session. */
export async function upsertUser(db: Db, deps: AppDeps, corpId: number, u: WecomUser): Promise<{ id: number; active: boolean }> {
  const active = (u.status ?? 1) === 1;
  const deptRows = await Promise.all(
    (u.department ?? []).map(async (wid, i) => {
      const [d] = await db.select({ id: departments.id }).from(departments).where(and(eq(departments.corpId, corpId), eq(departments.wecomDeptId, wid)));
      return d ? { departmentId: d.id, isLeader: (u.is_leader_in_dept?.[i] ?? 0) === 1, wid } : undefined;
    }),
  );
  const memberships = deptRows.filter((x): x is NonNullable<typeof x> => !!x);
  const main = memberships.find((m) => m.wid === u.main_department) ?? memberships[0];
  const values = {
    name: (u.name || u.userid).slice(0, 100),
    mobile: u.mobile?.slice(0, 20) || null,
    email: u.email?.slice(0, 120) || null,
    avatar: u.avatar?.slice(0, 500) || null,
    status: active ? ('active' as const) : ('disabled' as const),
    mainDepartmentId: main?.departmentId ?? null,
  };
  const [existing] = await db.select({ id: users.id }).from(users).where(and(eq(users.corpId, corpId), eq(users.wecomUserId, u.userid)));
  let id: number;
  if (existing) {
    id = existing.id;
    await db.update(users).set(values).where(eq(users.id, id));
  } else {
    const role = memberships.some((m) => m.isLeader) ? ('manager' as const) : ('rep' as const);
    const [ins] = await db.insert(users).values({ corpId, wecomUserId: u.userid, role, ...values }).$returningId();
    id = ins!.id;
  }
  await db.delete(userDepartments).where(eq(userDepartments.userId, id));
  if (memberships.length) {
    await db.insert(userDepartments).values(memberships.map((m) => ({ userId: id, departmentId: m.departmentId, corpId, isLeader: m.isLeader })));
  }
  if (!active) await revokeUserSessions(deps, db, id);
  return { id, active };
}

/** Marks a user deleted in WeCom (the row stays for history) and revokes every session. */
export async function markUserDeleted(db: Db, deps: AppDeps, corpId: number, wecomUserId: string): Promise<void> {
  const [u] = await db.select({ id: users.id }).from(users).where(and(eq(users.corpId, corpId), eq(users.wecomUserId, wecomUserId)));
  if (!u) return;
  await db.update(users).set({ status: 'deleted' }).where(eq(users.id, u.id));
  await revokeUserSessions(deps, db, u.id);
}

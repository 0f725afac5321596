import { and, eq } from 'drizzle-orm';
import type { Role } from '@scrm/shared';
import type { Db } from '../db/client';
import { corps, departments, userDepartments, users } from '../db/schema/index';

export interface SeedUser {
  wecomUserId: string;
  name: string;
  role: Role;
  department: string;
  leader?: boolean;
  mobile?: string;
}

/** The demo org of CONTRACT.md: 销售一部 / 销售二部 / 财务部 under the corp root. */
export const DEMO_DEPARTMENTS = [
  { wecomDeptId: 1, name: '演示科技有限公司', parent: null },
  { wecomDeptId: 2, name: '销售一部', parent: 1 },
  { wecomDeptId: 3, name: '销售二部', parent: 1 },
  { wecomDeptId: 4, name: '财务部', parent: 1 },
] as const;

export const DEMO_USERS: SeedUser[] = [
  { wecomUserId: 'demo.admin', name: '管理员 周敏', role: 'admin', department: '演示科技有限公司', mobile: '13800000000' },
  { wecomUserId: 'demo.manager', name: '销售经理 王强', role: 'manager', department: '销售一部', leader: true, mobile: '13800000001' },
  ...['李娜', '张伟', '刘洋', '陈静', '杨帆', '赵磊', '黄婷', '吴昊'].map(
    (n, i): SeedUser => ({ wecomUserId: `demo.rep${i + 1}`, name: n, role: 'rep', department: '销售一部', mobile: `1390000000${i + 1}` }),
  ),
  { wecomUserId: 'demo.manager2', name: '销售经理 孙丽', role: 'manager', department: '销售二部', leader: true, mobile: '13800000002' },
  { wecomUserId: 'demo.rep9', name: '郑凯', role: 'rep', department: '销售二部', mobile: '13900000009' },
  { wecomUserId: 'demo.finance', name: '财务 何芳', role: 'finance', department: '财务部', mobile: '13800000003' },
];

/** Upserts a corp row; returns its local id. */
export async function ensureCorp(db: Db, wecomCorpId: string, name: string, agentId: string): Promise<number> {
  const [existing] = await db.select({ id: corps.id }).from(corps).where(eq(corps.wecomCorpId, wecomCorpId));
  if (existing) return existing.id;
  const [row] = await db.insert(corps).values({ wecomCorpId, name, agentId, settings: {} }).$returningId();
  return row!.id;
}

/** Upserts departments (parents first) and returns local ids by name. */
export async function ensureDepartments(
  db: Db,
  corpId: number,
  list: readonly { wecomDeptId: number; name: string; parent: number | null }[],
): Promise<Record<string, number>> {
  const byWecom = new Map<number, { id: number; path: string }>();
  const byName: Record<string, number> = {};
  for (const d of list) {
    const parent = d.parent == null ? undefined : byWecom.get(d.parent);
    let [row] = await db
      .select({ id: departments.id, path: departments.path })
      .from(departments)
      .where(and(eq(departments.corpId, corpId), eq(departments.wecomDeptId, d.wecomDeptId)));
    if (!row) {
      const [ins] = await db
        .insert(departments)
        .values({ corpId, wecomDeptId: d.wecomDeptId, name: d.name, parentId: parent?.id ?? null, path: '/' })
        .$returningId();
      const path = `${parent?.path ?? '/'}${ins!.id}/`;
      await db.update(departments).set({ path }).where(eq(departments.id, ins!.id));
      row = { id: ins!.id, path };
    }
    byWecom.set(d.wecomDeptId, row);
    byName[d.name] = row.id;
  }
  return byName;
}

/** Upserts users with their department membership; returns local ids by WeCom user id. */
export async function ensureUsers(
  db: Db,
  corpId: number,
  list: SeedUser[],
  depts: Record<string, number>,
): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const u of list) {
    const departmentId = depts[u.department];
    if (departmentId === undefined) throw new Error(`seed: unknown department ${u.department}`);
    const [existing] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.corpId, corpId), eq(users.wecomUserId, u.wecomUserId)));
    let id = existing?.id;
    if (id === undefined) {
      const [ins] = await db
        .insert(users)
        .values({ corpId, wecomUserId: u.wecomUserId, name: u.name, role: u.role, mobile: u.mobile ?? null, mainDepartmentId: departmentId })
        .$returningId();
      id = ins!.id;
      await db.insert(userDepartments).values({ userId: id, departmentId, corpId, isLeader: u.leader ?? false });
    }
    out[u.wecomUserId] = id;
  }
  return out;
}

import { and, asc, count, eq, like, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { departments, userDepartments, users } from '../../db/schema/index';
import { idAfter } from '../../lib/paging';

/** Escapes LIKE wildcards in user input. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The corp's departments in tree order (path). */
export const listDepartments = (db: Db, corpId: number) =>
  db
    .select({ id: departments.id, name: departments.name, parentId: departments.parentId, path: departments.path })
    .from(departments)
    .where(eq(departments.corpId, corpId))
    .orderBy(asc(departments.path));

/** Active members per department of the corp. */
export const activeMemberCounts = (db: Db, corpId: number) =>
  db
    .select({ departmentId: userDepartments.departmentId, n: count() })
    .from(userDepartments)
    .innerJoin(users, eq(users.id, userDepartments.userId))
    .where(and(eq(userDepartments.corpId, corpId), eq(users.status, 'active')))
    .groupBy(userDepartments.departmentId);

export interface UserFilter {
  q?: string;
  departmentId?: number;
  afterId?: number;
  limit: number;
}

/** Active users of the corp, oldest id first, `limit + 1` rows (for `pageOf`); `departmentId` matches any membership. */
export function listActiveUsers(db: Db, corpId: number, f: UserFilter) {
  const conds = [eq(users.corpId, corpId), eq(users.status, 'active'), idAfter(users.id, f.afterId, 'asc')];
  if (f.q) {
    const pattern = `%${likeEscape(f.q)}%`;
    conds.push(or(like(users.name, pattern), like(users.wecomUserId, pattern)));
  }
  if (f.departmentId) conds.push(eq(userDepartments.departmentId, f.departmentId));
  const base = db
    .selectDistinct({
      id: users.id,
      wecomUserId: users.wecomUserId,
      name: users.name,
      role: users.role,
      avatar: users.avatar,
      departmentId: users.mainDepartmentId,
      departmentName: departments.name,
    })
    .from(users)
    .leftJoin(departments, eq(departments.id, users.mainDepartmentId));
  return (f.departmentId ? base.innerJoin(userDepartments, eq(userDepartments.userId, users.id)) : base)
    .where(and(...conds))
    .orderBy(asc(users.id))
    .limit(f.limit + 1);
}

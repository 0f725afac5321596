import { and, asc, count, eq, gt, like, or } from 'drizzle-orm';

import { departmentItem, listResponse, userItem, userListQuery } from '@scrm/shared';
import { departments, userDepartments, users } from '../../db/schema/index';
import { errors } from '../../http/errors';
import { defineRoute, type RouteSpec } from '../../http/route';
import { decodeCursor, encodeCursor, idNum, idStr, idStrOrNull } from '../../lib/ids';

/** Escapes LIKE wildcards in user input. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const listDepartments = defineRoute({
  method: 'get',
  path: '/api/departments',
  summary: 'Departments of the corp (the org tree, for pickers and names)',
  tags: ['org'],
  response: listResponse(departmentItem),
  handler: async ({ db, user }) => {
    const rows = await db
      .select({ id: departments.id, name: departments.name, parentId: departments.parentId, path: departments.path })
      .from(departments)
      .where(eq(departments.corpId, user.corpId))
      .orderBy(asc(departments.path));
    const counts = await db
      .select({ departmentId: userDepartments.departmentId, n: count() })
      .from(userDepartments)
      .innerJoin(users, eq(users.id, userDepartments.userId))
      .where(and(eq(userDepartments.corpId, user.corpId), eq(users.status, 'active')))
      .groupBy(userDepartments.departmentId);
    const byDept = new Map(counts.map((c) => [c.departmentId, c.n]));
    return {
      items: rows.map((d) => ({ id: idStr(d.id), name: d.name, parentId: idStrOrNull(d.parentId), memberCount: byDept.get(d.id) ?? 0 })),
      nextCursor: null,
    };
  },
});

const listUsers = defineRoute({
  method: 'get',
  path: '/api/users',
  summary: 'Active colleagues of the corp, by name or WeCom id (pickers: transfer to, assign to, approver)',
  tags: ['org'],
  query: userListQuery,
  response: listResponse(userItem),
  handler: async ({ db, user, query }) => {
    const after = decodeCursor(query.cursor);
    if (query.cursor && (!after || typeof after[0] !== 'number')) throw errors.badRequest('invalid_cursor', 'cursor 无效，请从第一页重新加载');
    const conds = [eq(users.corpId, user.corpId), eq(users.status, 'active')];
    if (after) conds.push(gt(users.id, after[0] as number));
    if (query.q) {
      const pattern = `%${likeEscape(query.q)}%`;
      conds.push(or(like(users.name, pattern), like(users.wecomUserId, pattern))!);
    }
    if (query.departmentId) {
      conds.push(eq(userDepartments.departmentId, idNum(query.departmentId)));
    }
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
    const rows = await (query.departmentId ? base.innerJoin(userDepartments, eq(userDepartments.userId, users.id)) : base)
      .where(and(...conds))
      .orderBy(asc(users.id))
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    return {
      items: page.map((u) => ({
        id: idStr(u.id),
        wecomUserId: u.wecomUserId,
        name: u.name,
        role: u.role,
        departmentId: idStrOrNull(u.departmentId),
        departmentName: u.departmentName ?? null,
        avatar: u.avatar ?? null,
      })),
      nextCursor: rows.length > query.limit ? encodeCursor([page[page.length - 1]!.id]) : null,
    };
  },
});

export const orgRoutes: RouteSpec[] = [listDepartments, listUsers];

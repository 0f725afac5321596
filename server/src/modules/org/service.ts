import type { z } from 'zod';
import type { DepartmentItem, ListResult, UserItem, userListQuery } from '@scrm/shared';
import type { Db } from '../../db/client';
import { idNum, idStr, idStrOrNull } from '../../lib/ids';
import { afterIdOf, pageOf } from '../../lib/paging';
import * as repo from './repo';

/** The org tree for pickers and names, with active member counts (one page: a corp's tree is small). */
export async function listDepartments(db: Db, corpId: number): Promise<ListResult<DepartmentItem>> {
  const rows = await repo.listDepartments(db, corpId);
  const byDept = new Map((await repo.activeMemberCounts(db, corpId)).map((c) => [c.departmentId, c.n]));
  return {
    items: rows.map((d) => ({ id: idStr(d.id), name: d.name, parentId: idStrOrNull(d.parentId), memberCount: byDept.get(d.id) ?? 0 })),
    nextCursor: null,
  };
}

/** Active colleagues by name or WeCom id, optionally in a department; keyset by id (oldest first). */
export async function listUsers(db: Db, corpId: number, q: z.infer<typeof userListQuery>): Promise<ListResult<UserItem>> {
  const rows = await repo.listActiveUsers(db, corpId, {
    q: q.q,
    departmentId: q.departmentId ? idNum(q.departmentId) : undefined,
    afterId: afterIdOf(q.cursor),
    limit: q.limit,
  });
  return pageOf(rows, q.limit, (u) => ({
    id: idStr(u.id),
    wecomUserId: u.wecomUserId,
    name: u.name,
    role: u.role,
    departmentId: idStrOrNull(u.departmentId),
    departmentName: u.departmentName ?? null,
    avatar: u.avatar ?? null,
  }));
}

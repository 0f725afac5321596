import {
  boolean,
  index,
  int,
  mysqlEnum,
  mysqlTable,
  primaryKey,
  uniqueIndex,
  varchar,
  type AnyMySqlColumn,
} from 'drizzle-orm/mysql-core';
import { ROLES, USER_STATUSES } from '@scrm/shared';
import { pk, ref, timestamps } from '../columns';
import { tenant } from './corps';

/** Department tree mirrored from WeCom; `path` is the chain of local ids, e.g. `/1/4/9/`. */
export const departments = mysqlTable(
  'departments',
  {
    id: pk(),
    ...tenant(),
    wecomDeptId: int('wecom_dept_id').notNull(),
    parentId: ref('parent_id').references((): AnyMySqlColumn => departments.id),
    name: varchar('name', { length: 100 }).notNull(),
    path: varchar('path', { length: 512 }).notNull(),
    sortOrder: int('sort_order').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    // serves: upsert from WeCom org sync
    uniqueIndex('departments_corp_wecom_uq').on(t.corpId, t.wecomDeptId),
    // serves: department subtree lookups (path LIKE '/1/4/%')
    index('departments_corp_path_idx').on(t.corpId, t.path),
  ],
);

/** Employees (WeCom members) of a corp. */
export const users = mysqlTable(
  'users',
  {
    id: pk(),
    ...tenant(),
    wecomUserId: varchar('wecom_user_id', { length: 64 }).notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    mobile: varchar('mobile', { length: 20 }),
    email: varchar('email', { length: 120 }),
    avatar: varchar('avatar', { length: 500 }),
    status: mysqlEnum('status', USER_STATUSES).notNull().default('active'),
    role: mysqlEnum('role', ROLES).notNull().default('rep'),
    mainDepartmentId: ref('main_department_id').references(() => departments.id),
    ...timestamps(),
  },
  (t) => [
    // serves: sign-in and callbacks resolving a WeCom userid
    uniqueIndex('users_corp_wecom_uq').on(t.corpId, t.wecomUserId),
  ],
);

/** Membership of users in departments, with WeCom's per-department leader flag. */
export const userDepartments = mysqlTable(
  'user_departments',
  {
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
    departmentId: ref('department_id')
      .notNull()
      .references(() => departments.id),
    ...tenant(),
    isLeader: boolean('is_leader').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.departmentId] }),
    // serves: members of a department subtree (data scope of leaders)
    index('user_departments_dept_idx').on(t.departmentId, t.userId),
  ],
);

import { departmentItem, listResponse, userItem, userListQuery } from '@scrm/shared';
import { defineRoute, type RouteSpec } from '../../http/route';
import * as svc from './service';

const listDepartments = defineRoute({
  method: 'get',
  path: '/api/departments',
  summary: 'Departments of the corp (the org tree, for pickers and names)',
  tags: ['org'],
  response: listResponse(departmentItem),
  handler: async ({ db, user }) => svc.listDepartments(db, user.corpId),
});

const listUsers = defineRoute({
  method: 'get',
  path: '/api/users',
  summary: 'Active colleagues of the corp, by name or WeCom id (pickers: transfer to, assign to, approver)',
  tags: ['org'],
  query: userListQuery,
  response: listResponse(userItem),
  handler: async ({ db, user, query }) => svc.listUsers(db, user.corpId, query),
});

export const orgRoutes: RouteSpec[] = [listDepartments, listUsers];

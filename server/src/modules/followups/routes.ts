import { followUpCreateBody, followUpItem, followUpListQuery, followUpPatchBody, idParams, listResponse } from '@scrm/shared';
import { defineRoute, type RouteSpec } from '../../http/route';
import { idNum } from '../../lib/ids';
import { listFollowUps } from './repo';
import { createFollowUp, loadFollowUp, patchFollowUp, presentFollowUp } from './service';

const strip = <T extends { _row: unknown }>({ _row, ...rest }: T) => rest;

export const followUpRoutes: RouteSpec[] = [
  defineRoute({
    method: 'get',
    path: '/api/follow-ups',
    summary: '跟进记录列表（按客户 / 联系人 / 线索 / 商机 / 类型 / 作者 / 时间筛选；scope=mine|team|all）',
    tags: ['follow-ups'],
    query: followUpListQuery,
    response: listResponse(followUpItem),
    handler: async ({ db, query, scope }) => listFollowUps(db, await scope(), query),
  }),
  defineRoute({
    method: 'post',
    path: '/api/follow-ups',
    summary: '写跟进（客户 / 联系人 / 线索 / 商机），更新客户跟进汇总',
    tags: ['follow-ups'],
    body: followUpCreateBody,
    response: followUpItem,
    status: 201,
    handler: async ({ db, body, user, scope, deps, audit }) => {
      const s = await scope();
      const id = await createFollowUp(db, user, s, body, deps.now());
      const out = strip(await loadFollowUp(db, s, id));
      await audit({ action: 'follow_up.create', entityType: 'follow_up', entityId: id, after: out });
      return out;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/follow-ups/:id',
    summary: '跟进记录详情',
    tags: ['follow-ups'],
    params: idParams,
    response: followUpItem,
    handler: async ({ db, params, scope }) => strip(await loadFollowUp(db, await scope(), idNum(params.id))),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/follow-ups/:id',
    summary: '修改跟进记录（作者或管理者）',
    tags: ['follow-ups'],
    params: idParams,
    body: followUpPatchBody,
    response: followUpItem,
    handler: async ({ db, params, body, user, scope, audit }) => {
      const s = await scope();
      const id = idNum(params.id);
      const before = strip(await loadFollowUp(db, s, id));
      await patchFollowUp(db, user, s, id, body);
      const out = strip(await loadFollowUp(db, s, id));
      await audit({ action: 'follow_up.update', entityType: 'follow_up', entityId: id, before, after: out });
      return out;
    },
  }),
];

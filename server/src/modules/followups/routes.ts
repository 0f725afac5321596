import { and, desc, eq, gte, inArray, lt, lte, or, type SQL } from 'drizzle-orm';
import { followUpCreateBody, followUpItem, followUpListQuery, followUpPatchBody, idParams, listResponse } from '@scrm/shared';
import { ownerCondition } from '../../auth/scope';
import { customers, followUpContacts, followUps, users } from '../../db/schema/index';
import { errors } from '../../http/errors';
import { defineRoute, type RouteSpec } from '../../http/route';
import { decodeCursor, encodeCursor, idNum } from '../../lib/ids';
import { customerScopeCondition } from '../customers/scope';
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
    handler: async ({ db, query: q, scope }) => {
      const s = await scope();
      const conds: (SQL | undefined)[] = [eq(followUps.corpId, s.corpId)];
      const subject = q.customerId ?? q.contactId ?? q.leadId ?? q.opportunityId;
      if (q.customerId) conds.push(eq(followUps.customerId, idNum(q.customerId)));
      if (q.contactId)
        conds.push(or(eq(followUps.contactId, idNum(q.contactId)), inArray(followUps.id, db.select({ id: followUpContacts.followUpId }).from(followUpContacts).where(eq(followUpContacts.contactId, idNum(q.contactId))))));
      if (q.leadId) conds.push(eq(followUps.leadId, idNum(q.leadId)));
      if (q.opportunityId) conds.push(eq(followUps.opportunityId, idNum(q.opportunityId)));
      if (q.type) conds.push(eq(followUps.type, q.type));
      if (q.authorId) conds.push(eq(followUps.authorId, idNum(q.authorId)));
      if (q.from) conds.push(gte(followUps.occurredAt, new Date(q.from)));
      if (q.to) conds.push(lte(followUps.occurredAt, new Date(q.to)));
      if (q.scope === 'mine' && !subject) conds.push(eq(followUps.authorId, s.userId));
      else if (q.scope === 'team') conds.push(ownerCondition(s, 'team', followUps.authorId));
      if (s.level !== 'all') {
        const visibleCustomers = db.select({ id: customers.id }).from(customers).where(await customerScopeCondition(db, s));
        conds.push(or(inArray(followUps.authorId, s.userIds!), inArray(followUps.customerId, visibleCustomers)));
      }
      const cursor = decodeCursor(q.cursor);
      if (q.cursor && (!cursor || cursor.length !== 2)) throw errors.badRequest('invalid_cursor', 'cursor 无效');
      if (cursor) {
        const at = new Date(String(cursor[0]));
        conds.push(or(lt(followUps.occurredAt, at), and(eq(followUps.occurredAt, at), lt(followUps.id, Number(cursor[1])))));
      }
      const rows = await db
        .select({ f: followUps, authorName: users.name, customerName: customers.name })
        .from(followUps)
        .leftJoin(users, eq(users.id, followUps.authorId))
        .leftJoin(customers, eq(customers.id, followUps.customerId))
        .where(and(...conds))
        .orderBy(desc(followUps.occurredAt), desc(followUps.id))
        .limit(q.limit + 1);
      const page = rows.slice(0, q.limit);
      const ids = page.map((r) => r.f.id);
      const links = ids.length ? await db.select().from(followUpContacts).where(inArray(followUpContacts.followUpId, ids)) : [];
      const last = page[page.length - 1];
      return {
        items: page.map((r) => presentFollowUp(r.f, { authorName: r.authorName, customerName: r.customerName, contactIds: links.filter((l) => l.followUpId === r.f.id).map((l) => l.contactId) })),
        nextCursor: rows.length > q.limit && last ? encodeCursor([last.f.occurredAt.toISOString(), last.f.id]) : null,
      };
    },
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

import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { bindExternalBody, groupChatBody, groupChatListOut, groupChatPatchBody, groupChatOut, groupContextOut, idParams, idSchema, mobileSchema, optionalText, sidebarContextOut } from '@scrm/shared';
import type { DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { contacts, customerGroupChats, opportunities } from '../../db/schema/index';
import { errors, isDuplicateKey } from '../../http/errors';
import { defineRoute, type RouteSpec } from '../../http/route';
import { idNum, idStr, idStrOrNull } from '../../lib/ids';
import { toIso } from '../../lib/time';
import { bindExternalContact, externalContactByUserId, loadContact } from '../contacts/service';
import { getCustomerRow, presentCustomer } from '../customers/repo';
import { loadVisibleCustomer } from '../customers/routes';
import { customerAccess } from '../customers/scope';
import { createCustomer } from '../customers/service';
import { createLeadFromExternalContact } from '../leads/service';
import { findVisible as findVisibleOpportunity, scopeCond as opportunityScope, withNames as withOpportunityNames } from '../opportunities/repo';
import { sidebarContext, sidebarContextByUserId } from './service';

const extQuery = z.object({ externalUserId: bindExternalBody.shape.externalUserId });

export const sidebarRoutes: RouteSpec[] = [
  defineRoute({
    method: 'get',
    path: '/api/sidebar/context',
    summary: '侧边栏上下文：{externalContact, contact|null, customer|null, lead|null, opportunities[], followUps[]}；未知外部联系人 → 404',
    tags: ['sidebar'],
    query: extQuery,
    response: sidebarContextOut,
    handler: async ({ db, query, scope }) => {
      const s = await scope();
      return sidebarContextByUserId(db, s, query.externalUserId);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/sidebar/bind-contact',
    summary: '把当前外部联系人绑定到已有联系人',
    tags: ['sidebar'],
    body: z.object({ externalUserId: extQuery.shape.externalUserId, contactId: idSchema }),
    response: sidebarContextOut,
    handler: async ({ db, body, scope, deps, audit }) => {
      const s = await scope();
      const ext = await externalContactByUserId(db, s.corpId, body.externalUserId);
      const { access } = await loadContact(db, s, idNum(body.contactId));
      if (!access.edit) throw errors.forbidden('您只有查看权限');
      await bindExternalContact(db, s.corpId, idNum(body.contactId), ext.id, deps.now());
      await audit({ action: 'contact.bind_external', entityType: 'contact', entityId: body.contactId, after: { externalUserId: ext.externalUserId } });
      return sidebarContext(db, s, ext);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/sidebar/create-customer',
    summary: '用外部联系人资料新建客户 + 联系人并绑定（名称默认取企业名称）',
    tags: ['sidebar'],
    body: z.object({
      externalUserId: extQuery.shape.externalUserId,
      customerName: optionalText('客户名称', 100),
      contactName: optionalText('联系人姓名', 50),
      mobile: mobileSchema.optional(),
      title: optionalText('职务', 50),
    }),
    status: 201,
    response: sidebarContextOut,
    handler: async ({ db, body, user, scope, deps, audit }) => {
      const s = await scope();
      const ext = await externalContactByUserId(db, s.corpId, body.externalUserId);
      const [bound] = await db.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.corpId, s.corpId), eq(contacts.externalContactId, ext.id)));
      if (bound) throw errors.conflict('external_contact_bound', '该企业微信联系人已绑定到联系人');
      const name = body.customerName ?? ext.corpFullName ?? ext.corpName ?? `${ext.name}（个人客户）`;
      const contact = { name: body.contactName ?? ext.name, mobile: body.mobile, title: body.title ?? ext.position ?? undefined };
      const now = deps.now();
      const customerId = await createCustomer(db, user, s, { name, contact, source: 'wecom' }, now);
      const [c] = await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.customerId, customerId));
      await bindExternalContact(db, s.corpId, c!.id, ext.id, now);
      await audit({ action: 'customer.create', entityType: 'customer', entityId: customerId, after: { name, from: 'sidebar', externalUserId: ext.externalUserId } });
      return sidebarContext(db, s, ext);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/sidebar/keep-as-lead',
    summary: '把外部联系人保留为线索（幂等；已绑定联系人则不创建）',
    tags: ['sidebar'],
    body: bindExternalBody,
    response: sidebarContextOut,
    handler: async ({ db, body, user, scope, deps }) => {
      const s = await scope();
      const ext = await externalContactByUserId(db, s.corpId, body.externalUserId);
      await createLeadFromExternalContact(db, deps, { corpId: s.corpId, ownerUserId: user.id, externalContactId: ext.id, name: ext.name, company: ext.corpName, source: 'wecom' });
      return sidebarContext(db, s, ext);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/sidebar/group-context',
    summary: '客户群所绑定的客户（无绑定或无权查看 → customer: null）',
    tags: ['sidebar'],
    query: z.object({ chatId: groupChatBody.shape.chatId }),
    response: groupContextOut,
    handler: async ({ db, query, scope }) => {
      const s = await scope();
      const [g] = await db.select().from(customerGroupChats).where(and(eq(customerGroupChats.corpId, s.corpId), eq(customerGroupChats.chatId, query.chatId)));
      const row = g ? await getCustomerRow(db, s.corpId, g.customerId) : null;
      const visible = row && (await customerAccess(db, s, row));
      const opportunity = visible && g?.opportunityId ? await groupOpportunity(db, s, g.opportunityId) : null;
      return { chatId: query.chatId, bound: Boolean(g), customer: visible ? presentCustomer(row, row.ownerName) : null, opportunityId: opportunity?.id ?? null, opportunity };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/customers/:id/group-chats',
    summary: '把客户群绑定到客户（一个群只属于一个客户）',
    tags: ['customers'],
    params: idParams,
    body: groupChatBody,
    status: 201,
    response: groupChatOut,
    handler: async ({ db, params, body, user, scope, deps, audit }) => {
      const s = await scope();
      const { access } = await loadVisibleCustomer(db, s, idNum(params.id));
      if (!access.edit) throw errors.forbidden('您只有查看权限');
      const opportunityId = body.opportunityId ? await opportunityOfCustomer(db, s, idNum(params.id), idNum(body.opportunityId)) : null;
      try {
        const now = deps.now();
        const [row] = await db.insert(customerGroupChats).values({ corpId: s.corpId, customerId: idNum(params.id), chatId: body.chatId, name: body.name ?? null, opportunityId, boundBy: user.id, createdAt: now, updatedAt: now }).$returningId();
        await audit({ action: 'customer.bind_group_chat', entityType: 'customer', entityId: params.id, after: body });
        return { id: idStr(row!.id), chatId: body.chatId, name: body.name ?? null, customerId: params.id, opportunityId: idStrOrNull(opportunityId), createdAt: toIso(now) };
      } catch (err) {
        if (isDuplicateKey(err)) throw errors.conflict('group_chat_bound', '该客户群已绑定到客户');
        throw err;
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/customers/:id/group-chats',
    summary: '客户绑定的客户群',
    tags: ['customers'],
    params: idParams,
    response: groupChatListOut,
    handler: async ({ db, params, scope }) => {
      await loadVisibleCustomer(db, await scope(), idNum(params.id));
      const rows = await db.select().from(customerGroupChats).where(eq(customerGroupChats.customerId, idNum(params.id)));
      return { items: rows.map((g) => ({ id: idStr(g.id), chatId: g.chatId, name: g.name, customerId: params.id, opportunityId: idStrOrNull(g.opportunityId), createdAt: toIso(g.createdAt) })) };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/api/customers/:id/group-chats/:chatId',
    summary: '修改客户群绑定的商机（opportunityId: null 解除）',
    tags: ['customers'],
    params: z.object({ id: idSchema, chatId: groupChatBody.shape.chatId }),
    body: groupChatPatchBody,
    response: groupChatOut,
    handler: async ({ db, params, body, scope, deps, audit }) => {
      const s = await scope();
      const customerId = idNum(params.id);
      const { access } = await loadVisibleCustomer(db, s, customerId);
      if (!access.edit) throw errors.forbidden('您只有查看权限');
      const where = and(eq(customerGroupChats.corpId, s.corpId), eq(customerGroupChats.customerId, customerId), eq(customerGroupChats.chatId, params.chatId));
      const [g] = await db.select().from(customerGroupChats).where(where);
      if (!g) throw errors.notFound('客户群');
      const opportunityId = body.opportunityId ? await opportunityOfCustomer(db, s, customerId, idNum(body.opportunityId)) : null;
      await db.update(customerGroupChats).set({ opportunityId, updatedAt: deps.now() }).where(eq(customerGroupChats.id, g.id));
      await audit({ action: 'customer.group_chat_opportunity', entityType: 'customer', entityId: params.id, before: { chatId: g.chatId, opportunityId: g.opportunityId }, after: { chatId: g.chatId, opportunityId } });
      return { id: idStr(g.id), chatId: g.chatId, name: g.name, customerId: params.id, opportunityId: idStrOrNull(opportunityId), createdAt: toIso(g.createdAt) };
    },
  }),
];

/** The opportunity's id when the caller may see it and it belongs to the customer (404 / 409 otherwise). */
async function opportunityOfCustomer(db: Db, s: DataScope, customerId: number, opportunityId: number): Promise<number> {
  const o = await findVisibleOpportunity(db, s, opportunityId);
  if (!o) throw errors.notFound('商机');
  if (o.customerId !== customerId) throw errors.conflict('opportunity_not_of_customer', '该商机不属于这个客户');
  return o.id;
}

/** The group's opportunity as the sidebar shows it; null when out of the caller's scope. */
async function groupOpportunity(db: Db, s: DataScope, opportunityId: number) {
  const [r] = await withOpportunityNames(db, and(eq(opportunities.corpId, s.corpId), eq(opportunities.id, opportunityId), opportunityScope(s)));
  if (!r) return null;
  return {
    id: idStr(r.o.id),
    name: r.o.name,
    status: r.o.status,
    stage: { id: idStr(r.stage.id), name: r.stage.name, winRate: r.stage.winRate },
    amount: { amount: r.o.amount, currency: r.o.currency },
    expectedCloseDate: r.o.expectedCloseDate,
  };
}

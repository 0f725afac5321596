import { z } from 'zod';
import { bindExternalBody, groupChatBody, groupChatListOut, groupChatPatchBody, groupChatOut, groupContextOut, idParams, idSchema, mobileSchema, optionalText, sidebarContextOut } from '@scrm/shared';
import { errors } from '../../http/errors';
import { defineRoute, type RouteSpec } from '../../http/route';
import { idNum } from '../../lib/ids';
import { bindExternalContact, externalContactByUserId, loadContact } from '../contacts/service';
import { createLeadFromExternalContact } from '../leads/service';
import { bindGroupChat, groupChatsOf, groupContext, setGroupChatOpportunity } from './group-chats';
import { createCustomerFromExternalContact, sidebarContext, sidebarContextByUserId } from './service';

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
      const { customerId, name } = await createCustomerFromExternalContact(db, user, s, ext, body, deps.now());
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
    handler: async ({ db, query, scope }) => groupContext(db, await scope(), query.chatId),
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
      const out = await bindGroupChat(db, await scope(), user, idNum(params.id), body, deps.now());
      await audit({ action: 'customer.bind_group_chat', entityType: 'customer', entityId: params.id, after: body });
      return { ...out, customerId: params.id };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/customers/:id/group-chats',
    summary: '客户绑定的客户群',
    tags: ['customers'],
    params: idParams,
    response: groupChatListOut,
    handler: async ({ db, params, scope }) => groupChatsOf(db, await scope(), idNum(params.id)),
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
      const { before, after, out } = await setGroupChatOpportunity(db, await scope(), idNum(params.id), params.chatId, body.opportunityId, deps.now());
      await audit({ action: 'customer.group_chat_opportunity', entityType: 'customer', entityId: params.id, before, after });
      return { ...out, customerId: params.id };
    },
  }),
];

import { bindExternalBody, contactCreateBody, contactItem, contactListQuery, contactPatchBody, idParams, importQuery, listResponse } from '@scrm/shared';
import { errors, isDuplicateKey } from '../../http/errors';
import { defineRoute, type RouteSpec } from '../../http/route';
import { importRoute } from '../../http/import-route';
import { sendWorkbook } from '../../lib/excel';
import { idNum } from '../../lib/ids';
import { contactTemplateWorkbook, exportContacts, importContacts } from './excel';
import { listContacts } from './repo';
import { bindExternalContact, createContact, editContact, externalContactByUserId, loadContact } from './service';

export const contactRoutes: RouteSpec[] = [
  defineRoute({
    method: 'get',
    path: '/api/contacts',
    summary: '联系人列表：q 搜索姓名 / 手机号（前缀），customerId 筛选；范围同其客户',
    tags: ['contacts'],
    query: contactListQuery,
    response: listResponse(contactItem),
    handler: async ({ db, query, scope }) => listContacts(db, await scope(), query),
  }),
  defineRoute({
    method: 'post',
    path: '/api/contacts',
    summary: '新建联系人（属于一个客户；可同时绑定外部联系人 externalContactId）',
    tags: ['contacts'],
    body: contactCreateBody,
    response: contactItem,
    status: 201,
    handler: async ({ db, body, user, scope, deps, audit }) => {
      const out = await createContact(db, user, await scope(), body, deps.now());
      await audit({ action: 'contact.create', entityType: 'contact', entityId: out.id, after: out });
      return out;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/contacts/import-template',
    summary: '下载联系人导入模板（.xlsx）',
    tags: ['contacts'],
    handler: async ({ ctx }) => sendWorkbook(ctx, contactTemplateWorkbook(), '联系人导入模板.xlsx'),
  }),
  importRoute({
    path: '/api/contacts/import',
    summary: '导入联系人（请求体为 .xlsx 文件；按客户名称匹配可编辑的客户；同一客户下手机号相同即重复，duplicate=skip|merge；返回逐行错误）',
    tag: 'contacts',
    entityType: 'contact',
    query: importQuery,
    run: (a) => importContacts(a.db, a.user, a.scope, a.file, a.query.duplicate, a.now),
  }),
  defineRoute({
    method: 'get',
    path: '/api/contacts/export',
    summary: '导出联系人（.xlsx；与列表相同的筛选，只含可见范围内客户的联系人）',
    tags: ['contacts'],
    query: contactListQuery,
    handler: async ({ ctx, db, query, scope }) => sendWorkbook(ctx, await exportContacts(db, await scope(), query), '联系人.xlsx'),
  }),
  defineRoute({
    method: 'get',
    path: '/api/contacts/:id',
    summary: '联系人详情',
    tags: ['contacts'],
    params: idParams,
    response: contactItem,
    handler: async ({ db, params, scope }) => (await loadContact(db, await scope(), idNum(params.id))).item,
  }),
  defineRoute({
    method: 'patch',
    path: '/api/contacts/:id',
    summary: '编辑联系人',
    tags: ['contacts'],
    params: idParams,
    body: contactPatchBody,
    response: contactItem,
    handler: async ({ db, params, body, scope, audit }) => {
      const id = idNum(params.id);
      const { before, after } = await editContact(db, await scope(), id, body);
      await audit({ action: 'contact.update', entityType: 'contact', entityId: id, before, after });
      return after;
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/contacts/:id/bind-external',
    summary: '把企业微信外部联系人绑定到该联系人（一对一；已绑定他人 → 409 external_contact_bound）',
    tags: ['contacts'],
    params: idParams,
    body: bindExternalBody,
    response: contactItem,
    handler: async ({ db, params, body, scope, deps, audit }) => {
      const s = await scope();
      const id = idNum(params.id);
      const { access } = await loadContact(db, s, id);
      if (!access.edit) throw errors.forbidden('您只有查看权限');
      const ext = await externalContactByUserId(db, s.corpId, body.externalUserId);
      try {
        await bindExternalContact(db, s.corpId, id, ext.id, deps.now());
      } catch (err) {
        if (isDuplicateKey(err)) throw errors.conflict('external_contact_bound', '该企业微信联系人已绑定到其他联系人');
        throw err;
      }
      const out = (await loadContact(db, s, id)).item;
      await audit({ action: 'contact.bind_external', entityType: 'contact', entityId: id, after: { externalUserId: body.externalUserId } });
      return out;
    },
  }),
];

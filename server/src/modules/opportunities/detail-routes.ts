import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  idSchema,
  opportunityContactBody,
  opportunityContactOut,
  opportunityContactPatch,
  relationshipMapOut,
  supportRequestBody,
  supportRequestOut,
  supportRequestPatch,
} from '@scrm/shared';
import type { DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { contacts, opportunityContacts, salesSupportRequests, users } from '../../db/schema/index';
import { errors } from '../../http/errors';
import { defineRoute, type RouteSpec } from '../../http/route';
import { idNum, idStr, idStrOrNull } from '../../lib/ids';
import { toIso } from '../../lib/time';
import { requireVisibleOpportunity } from './visibility';

const tags = ['opportunities'];
const oppParams = z.object({ id: idSchema });
const childParams = z.object({ id: idSchema, childId: idSchema });

const visible = (db: Db, scope: DataScope, id: string, lock = false) => requireVisibleOpportunity(db, scope, idNum(id), { forUpdate: lock });

async function contactsOf(db: Db, opportunityId: number) {
  const rows = await db
    .select({ oc: opportunityContacts, name: contacts.name, title: contacts.title })
    .from(opportunityContacts)
    .innerJoin(contacts, eq(contacts.id, opportunityContacts.contactId))
    .where(eq(opportunityContacts.opportunityId, opportunityId))
    .orderBy(asc(opportunityContacts.id));
  return rows.map((r) => ({
    id: idStr(r.oc.id),
    contactId: idStr(r.oc.contactId),
    name: r.name,
    title: r.title,
    role: r.oc.role,
    attitude: r.oc.attitude,
    influence: r.oc.influence,
    reportsToId: idStrOrNull(r.oc.reportsToId),
    note: r.oc.note,
  }));
}
type ContactNode = Awaited<ReturnType<typeof contactsOf>>[number];

/** Reports-to must be another contact of the same opportunity and must not close a cycle. */
async function checkReportsTo(db: Db, opportunityId: number, selfId: number | null, reportsToId: number | null) {
  if (reportsToId == null) return;
  const all = await db.select({ id: opportunityContacts.id, to: opportunityContacts.reportsToId }).from(opportunityContacts).where(eq(opportunityContacts.opportunityId, opportunityId));
  const up = new Map(all.map((r) => [r.id, r.to]));
  if (!up.has(reportsToId)) throw errors.badRequest('reports_to_not_found', '汇报对象不是该商机的联系人');
  for (let cur: number | null | undefined = reportsToId, guard = 0; cur != null && guard < 1000; cur = up.get(cur), guard++) {
    if (cur === selfId) throw errors.conflict('reports_to_cycle', '汇报关系不能形成环');
  }
}

const listContacts = defineRoute({
  method: 'get', path: '/api/opportunities/:id/contacts', summary: 'Opportunity contacts with role, attitude, influence, reports-to', tags,
  params: oppParams, response: z.object({ items: z.array(opportunityContactOut) }),
  handler: async ({ db, params, scope }) => ({ items: await contactsOf(db, (await visible(db, await scope(), params.id)).id) }),
});

const addContact = defineRoute({
  method: 'post', path: '/api/opportunities/:id/contacts', summary: 'Add a contact of the customer to the opportunity', tags, status: 201,
  params: oppParams, body: opportunityContactBody, response: opportunityContactOut,
  handler: async ({ db, params, body, scope, audit }) => {
    const o = await visible(db, await scope(), params.id, true);
    const [c] = await db.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.id, idNum(body.contactId)), eq(contacts.customerId, o.customerId)));
    if (!c) throw errors.badRequest('contact_not_found', '联系人不存在或不属于该商机的客户');
    const [dup] = await db.select({ id: opportunityContacts.id }).from(opportunityContacts).where(and(eq(opportunityContacts.opportunityId, o.id), eq(opportunityContacts.contactId, c.id)));
    if (dup) throw errors.conflict('contact_already_added', '该联系人已在商机中');
    const reportsToId = body.reportsToId ? idNum(body.reportsToId) : null;
    await checkReportsTo(db, o.id, null, reportsToId);
    const [ins] = await db
      .insert(opportunityContacts)
      .values({ corpId: o.corpId, opportunityId: o.id, contactId: c.id, role: body.role, attitude: body.attitude, influence: body.influence, reportsToId, note: body.note ?? null })
      .$returningId();
    const out = (await contactsOf(db, o.id)).find((x) => x.id === idStr(ins!.id))!;
    await audit({ action: 'add_contact', entityType: 'opportunity', entityId: o.id, after: out });
    return out;
  },
});

const patchContact = defineRoute({
  method: 'patch', path: '/api/opportunities/:id/contacts/:childId', summary: 'Edit an opportunity contact (role, attitude, influence, reports-to)', tags,
  params: childParams, body: opportunityContactPatch, response: opportunityContactOut,
  handler: async ({ db, params, body, scope, audit }) => {
    const o = await visible(db, await scope(), params.id, true);
    const before = (await contactsOf(db, o.id)).find((x) => x.id === params.childId);
    if (!before) throw errors.notFound('商机联系人');
    const reportsToId = body.reportsToId === undefined ? undefined : body.reportsToId ? idNum(body.reportsToId) : null;
    if (reportsToId !== undefined) await checkReportsTo(db, o.id, idNum(params.childId), reportsToId);
    await db.update(opportunityContacts).set({ role: body.role, attitude: body.attitude, influence: body.influence, note: body.note, reportsToId }).where(eq(opportunityContacts.id, idNum(params.childId)));
    const after = (await contactsOf(db, o.id)).find((x) => x.id === params.childId)!;
    await audit({ action: 'update_contact', entityType: 'opportunity', entityId: o.id, before, after });
    return after;
  },
});

const removeContact = defineRoute({
  method: 'delete', path: '/api/opportunities/:id/contacts/:childId', summary: 'Remove a contact from the opportunity (its reports become roots)', tags,
  params: childParams, response: z.object({ ok: z.literal(true) }),
  handler: async ({ db, params, scope, audit }) => {
    const o = await visible(db, await scope(), params.id, true);
    const before = (await contactsOf(db, o.id)).find((x) => x.id === params.childId);
    if (!before) throw errors.notFound('商机联系人');
    await db.update(opportunityContacts).set({ reportsToId: null }).where(and(eq(opportunityContacts.opportunityId, o.id), eq(opportunityContacts.reportsToId, idNum(params.childId))));
    await db.delete(opportunityContacts).where(eq(opportunityContacts.id, idNum(params.childId)));
    await audit({ action: 'remove_contact', entityType: 'opportunity', entityId: o.id, before });
    return { ok: true as const };
  },
});

const relationshipMap = defineRoute({
  method: 'get', path: '/api/opportunities/:id/relationship-map', summary: '商机作战地图: nodes, reports-to edges and the forest for drawing', tags,
  params: oppParams, response: relationshipMapOut,
  handler: async ({ db, params, scope }) => {
    const nodes = await contactsOf(db, (await visible(db, await scope(), params.id)).id);
    type Tree = ContactNode & { children: Tree[] };
    const byId = new Map<string, Tree>(nodes.map((n) => [n.id, { ...n, children: [] }]));
    const roots: Tree[] = [];
    for (const n of byId.values()) {
      const parent = n.reportsToId ? byId.get(n.reportsToId) : undefined;
      (parent ? parent.children : roots).push(n);
    }
    return { nodes, edges: nodes.filter((n) => n.reportsToId).map((n) => ({ from: n.id, to: n.reportsToId!, type: 'reports_to' as const })), roots };
  },
});

async function supportOf(db: Db, opportunityId: number) {
  const rows = await db
    .select({ r: salesSupportRequests, providerName: users.name })
    .from(salesSupportRequests)
    .leftJoin(users, eq(users.id, salesSupportRequests.providerUserId))
    .where(eq(salesSupportRequests.opportunityId, opportunityId))
    .orderBy(asc(salesSupportRequests.id));
  return rows.map(({ r, providerName }) => ({
    id: idStr(r.id),
    opportunityId: idStr(r.opportunityId),
    need: r.need,
    provider: r.providerUserId ? { id: idStr(r.providerUserId), name: providerName ?? '' } : null,
    dueDate: r.dueDate,
    bidRequired: r.bidRequired,
    status: r.status,
    result: r.result,
    requestedBy: idStrOrNull(r.requestedBy),
    createdAt: toIso(r.createdAt),
  }));
}

async function checkProvider(db: Db, corpId: number, id: string | null | undefined) {
  if (!id) return id === undefined ? undefined : null;
  const [u] = await db.select({ id: users.id }).from(users).where(and(eq(users.corpId, corpId), eq(users.id, idNum(id))));
  if (!u) throw errors.badRequest('user_not_found', '支持人员不存在');
  return u.id;
}

const listSupport = defineRoute({
  method: 'get', path: '/api/opportunities/:id/support-requests', summary: 'Sales-support requests of an opportunity', tags,
  params: oppParams, response: z.object({ items: z.array(supportRequestOut) }),
  handler: async ({ db, params, scope }) => ({ items: await supportOf(db, (await visible(db, await scope(), params.id)).id) }),
});

const createSupport = defineRoute({
  method: 'post', path: '/api/opportunities/:id/support-requests', summary: 'Request sales support (what, who provides it, by when, bid needed)', tags, status: 201,
  params: oppParams, body: supportRequestBody, response: supportRequestOut,
  handler: async ({ db, params, body, scope, user, deps, audit }) => {
    const o = await visible(db, await scope(), params.id);
    const providerUserId = await checkProvider(db, o.corpId, body.providerUserId);
    const now = deps.now();
    const [ins] = await db
      .insert(salesSupportRequests)
      .values({ corpId: o.corpId, opportunityId: o.id, need: body.need, providerUserId: providerUserId ?? null, dueDate: body.dueDate ?? null, bidRequired: body.bidRequired, requestedBy: user.id, createdAt: now, updatedAt: now })
      .$returningId();
    const out = (await supportOf(db, o.id)).find((x) => x.id === idStr(ins!.id))!;
    await audit({ action: 'create', entityType: 'sales_support_request', entityId: ins!.id, after: out });
    return out;
  },
});

const patchSupport = defineRoute({
  method: 'patch', path: '/api/opportunities/:id/support-requests/:childId', summary: 'Update a support request (status, provider, due date, result)', tags,
  params: childParams, body: supportRequestPatch, response: supportRequestOut,
  handler: async ({ db, params, body, scope, audit }) => {
    const o = await visible(db, await scope(), params.id);
    const before = (await supportOf(db, o.id)).find((x) => x.id === params.childId);
    if (!before) throw errors.notFound('销售支持');
    const providerUserId = await checkProvider(db, o.corpId, body.providerUserId);
    await db
      .update(salesSupportRequests)
      .set({ need: body.need, providerUserId, dueDate: body.dueDate, bidRequired: body.bidRequired, status: body.status, result: body.result })
      .where(eq(salesSupportRequests.id, idNum(params.childId)));
    const after = (await supportOf(db, o.id)).find((x) => x.id === params.childId)!;
    await audit({ action: 'update', entityType: 'sales_support_request', entityId: params.childId, before, after });
    return after;
  },
});

export const opportunityDetailRoutes = [listContacts, addContact, patchContact, removeContact, relationshipMap, listSupport, createSupport, patchSupport] as RouteSpec[];

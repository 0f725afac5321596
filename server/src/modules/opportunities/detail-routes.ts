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
import { defineRoute, type RouteSpec } from '../../http/route';
import { idNum } from '../../lib/ids';
import {
  addOpportunityContact,
  contactsOf,
  createSupportRequest,
  editOpportunityContact,
  editSupportRequest,
  removeOpportunityContact,
  supportOf,
  type ContactNode,
} from './detail-service';
import { requireVisibleOpportunity } from './visibility';

const tags = ['opportunities'];
const oppParams = z.object({ id: idSchema });
const childParams = z.object({ id: idSchema, childId: idSchema });

const visible = (db: Db, scope: DataScope, id: string, lock = false) => requireVisibleOpportunity(db, scope, idNum(id), { forUpdate: lock });

const listContacts = defineRoute({
  method: 'get', path: '/api/opportunities/:id/contacts', summary: 'Opportunity contacts with role, attitude, influence, reports-to', tags,
  params: oppParams, response: z.object({ items: z.array(opportunityContactOut) }),
  handler: async ({ db, params, scope }) => ({ items: await contactsOf(db, await visible(db, await scope(), params.id)) }),
});

const addContact = defineRoute({
  method: 'post', path: '/api/opportunities/:id/contacts', summary: 'Add a contact of the customer to the opportunity', tags, status: 201,
  params: oppParams, body: opportunityContactBody, response: opportunityContactOut,
  handler: async ({ db, params, body, scope, audit }) => {
    const o = await visible(db, await scope(), params.id, true);
    const out = await addOpportunityContact(db, o, body);
    await audit({ action: 'add_contact', entityType: 'opportunity', entityId: o.id, after: out });
    return out;
  },
});

const patchContact = defineRoute({
  method: 'patch', path: '/api/opportunities/:id/contacts/:childId', summary: 'Edit an opportunity contact (role, attitude, influence, reports-to)', tags,
  params: childParams, body: opportunityContactPatch, response: opportunityContactOut,
  handler: async ({ db, params, body, scope, audit }) => {
    const o = await visible(db, await scope(), params.id, true);
    const { before, after } = await editOpportunityContact(db, o, params.childId, body);
    await audit({ action: 'update_contact', entityType: 'opportunity', entityId: o.id, before, after });
    return after;
  },
});

const removeContact = defineRoute({
  method: 'delete', path: '/api/opportunities/:id/contacts/:childId', summary: 'Remove a contact from the opportunity (its reports become roots)', tags,
  params: childParams, response: z.object({ ok: z.literal(true) }),
  handler: async ({ db, params, scope, audit }) => {
    const o = await visible(db, await scope(), params.id, true);
    const before = await removeOpportunityContact(db, o, params.childId);
    await audit({ action: 'remove_contact', entityType: 'opportunity', entityId: o.id, before });
    return { ok: true as const };
  },
});

const relationshipMap = defineRoute({
  method: 'get', path: '/api/opportunities/:id/relationship-map', summary: '商机作战地图: nodes, reports-to edges and the forest for drawing', tags,
  params: oppParams, response: relationshipMapOut,
  handler: async ({ db, params, scope }) => {
    const nodes = await contactsOf(db, await visible(db, await scope(), params.id));
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

const listSupport = defineRoute({
  method: 'get', path: '/api/opportunities/:id/support-requests', summary: 'Sales-support requests of an opportunity', tags,
  params: oppParams, response: z.object({ items: z.array(supportRequestOut) }),
  handler: async ({ db, params, scope }) => ({ items: await supportOf(db, await visible(db, await scope(), params.id)) }),
});

const createSupport = defineRoute({
  method: 'post', path: '/api/opportunities/:id/support-requests', summary: 'Request sales support (what, who provides it, by when, bid needed)', tags, status: 201,
  params: oppParams, body: supportRequestBody, response: supportRequestOut,
  handler: async ({ db, params, body, scope, user, deps, audit }) => {
    const o = await visible(db, await scope(), params.id);
    const out = await createSupportRequest(db, o, body, user.id, deps.now());
    await audit({ action: 'create', entityType: 'sales_support_request', entityId: out.id, after: out });
    return out;
  },
});

const patchSupport = defineRoute({
  method: 'patch', path: '/api/opportunities/:id/support-requests/:childId', summary: 'Update a support request (status, provider, due date, result)', tags,
  params: childParams, body: supportRequestPatch, response: supportRequestOut,
  handler: async ({ db, params, body, scope, audit }) => {
    const o = await visible(db, await scope(), params.id);
    const { before, after } = await editSupportRequest(db, o, params.childId, body);
    await audit({ action: 'update', entityType: 'sales_support_request', entityId: params.childId, before, after });
    return after;
  },
});

export const opportunityDetailRoutes = [listContacts, addContact, patchContact, removeContact, relationshipMap, listSupport, createSupport, patchSupport] as RouteSpec[];

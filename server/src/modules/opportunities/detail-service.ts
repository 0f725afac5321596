/** The rules behind `detail-routes.ts`: an opportunity's contacts (作战地图) and its sales-support requests. The caller has checked visibility and audits. */
import type { z } from 'zod';
import type { opportunityContactBody, opportunityContactPatch, supportRequestBody, supportRequestPatch } from '@scrm/shared';
import type { Db } from '../../db/client';
import { errors } from '../../http/errors';
import { idNum, idStr, idStrOrNull } from '../../lib/ids';
import { toIso } from '../../lib/time';
import * as repo from './repo';

type Opp = Pick<repo.OpportunityRow, 'id' | 'corpId' | 'customerId'>;

/** An opportunity's contacts as the API shows them. */
export async function contactsOf(db: Db, o: Opp) {
  const rows = await repo.opportunityContactRows(db, o.corpId, o.id);
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
export type ContactNode = Awaited<ReturnType<typeof contactsOf>>[number];

/** One contact of the opportunity, or 404. */
async function contactOf(db: Db, o: Opp, childId: string): Promise<ContactNode> {
  const c = (await contactsOf(db, o)).find((x) => x.id === childId);
  if (!c) throw errors.notFound('商机联系人');
  return c;
}

/** Reports-to must be another contact of the same opportunity (400 `reports_to_not_found`) and must not close a cycle (409 `reports_to_cycle`). */
async function checkReportsTo(db: Db, o: Opp, selfId: number | null, reportsToId: number | null) {
  if (reportsToId == null) return;
  const up = await repo.reportsToLinks(db, o.corpId, o.id);
  if (!up.has(reportsToId)) throw errors.badRequest('reports_to_not_found', '汇报对象不是该商机的联系人');
  for (let cur: number | null | undefined = reportsToId, guard = 0; cur != null && guard < 1000; cur = up.get(cur), guard++) {
    if (cur === selfId) throw errors.conflict('reports_to_cycle', '汇报关系不能形成环');
  }
}

/** Adds a contact of the opportunity's customer (400 `contact_not_found`; 409 `contact_already_added`). */
export async function addOpportunityContact(db: Db, o: Opp, body: z.infer<typeof opportunityContactBody>): Promise<ContactNode> {
  const contactId = await repo.contactIdOfCustomer(db, o.corpId, o.customerId, idNum(body.contactId));
  if (contactId == null) throw errors.badRequest('contact_not_found', '联系人不存在或不属于该商机的客户');
  if (await repo.hasOpportunityContact(db, o.corpId, o.id, contactId)) throw errors.conflict('contact_already_added', '该联系人已在商机中');
  const reportsToId = body.reportsToId ? idNum(body.reportsToId) : null;
  await checkReportsTo(db, o, null, reportsToId);
  const id = await repo.insertOpportunityContact(db, {
    corpId: o.corpId, opportunityId: o.id, contactId, role: body.role, attitude: body.attitude, influence: body.influence, reportsToId, note: body.note ?? null,
  });
  return contactOf(db, o, idStr(id));
}

/** Edits a contact of the opportunity (404 when it is not one); returns before and after. */
export async function editOpportunityContact(db: Db, o: Opp, childId: string, body: z.infer<typeof opportunityContactPatch>) {
  const before = await contactOf(db, o, childId);
  const reportsToId = body.reportsToId === undefined ? undefined : body.reportsToId ? idNum(body.reportsToId) : null;
  if (reportsToId !== undefined) await checkReportsTo(db, o, idNum(childId), reportsToId);
  await repo.updateOpportunityContact(db, o.corpId, o.id, idNum(childId), { role: body.role, attitude: body.attitude, influence: body.influence, note: body.note, reportsToId });
  return { before, after: await contactOf(db, o, childId) };
}

/** Removes a contact from the opportunity (404 when it is not one; its reports become roots); returns it. */
export async function removeOpportunityContact(db: Db, o: Opp, childId: string): Promise<ContactNode> {
  const before = await contactOf(db, o, childId);
  await repo.deleteOpportunityContact(db, o.corpId, o.id, idNum(childId));
  return before;
}

/** An opportunity's sales-support requests as the API shows them. */
export async function supportOf(db: Db, o: Opp) {
  const rows = await repo.supportRequestRows(db, o.corpId, o.id);
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
type SupportItem = Awaited<ReturnType<typeof supportOf>>[number];

async function supportRequestOf(db: Db, o: Opp, childId: string): Promise<SupportItem> {
  const r = (await supportOf(db, o)).find((x) => x.id === childId);
  if (!r) throw errors.notFound('销售支持');
  return r;
}

/** The provider must be a user of the corp (400 `user_not_found`); undefined = unchanged, null = none. */
async function checkProvider(db: Db, corpId: number, id: string | null | undefined) {
  if (!id) return id === undefined ? undefined : null;
  const userId = await repo.userIdInCorp(db, corpId, idNum(id));
  if (userId == null) throw errors.badRequest('user_not_found', '支持人员不存在');
  return userId;
}

/** Asks for sales support on the opportunity. */
export async function createSupportRequest(db: Db, o: Opp, body: z.infer<typeof supportRequestBody>, userId: number, now: Date): Promise<SupportItem> {
  const providerUserId = await checkProvider(db, o.corpId, body.providerUserId);
  const id = await repo.insertSupportRequest(db, {
    corpId: o.corpId, opportunityId: o.id, need: body.need, providerUserId: providerUserId ?? null, dueDate: body.dueDate ?? null, bidRequired: body.bidRequired,
    requestedBy: userId, createdAt: now, updatedAt: now,
  });
  return supportRequestOf(db, o, idStr(id));
}

/** Updates a support request of the opportunity (404 when it is not one); returns before and after. */
export async function editSupportRequest(db: Db, o: Opp, childId: string, body: z.infer<typeof supportRequestPatch>) {
  const before = await supportRequestOf(db, o, childId);
  const providerUserId = await checkProvider(db, o.corpId, body.providerUserId);
  await repo.updateSupportRequest(db, o.corpId, o.id, idNum(childId), {
    need: body.need, providerUserId, dueDate: body.dueDate, bidRequired: body.bidRequired, status: body.status, result: body.result,
  });
  return { before, after: await supportRequestOf(db, o, childId) };
}

import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { VisitStatus } from '@scrm/shared';
import type { Db } from '../../db/client';
import { contacts, corps, customers, users, visitContacts, visits } from '../../db/schema/index';
import { ownerCondition, type DataScope } from '../../auth/scope';
import { keysetAfter, type KeysetAfter } from '../../lib/paging';
import { visitCustomerCols as customerCols, visitVisibleCondition, type VisitWithCustomer } from './visibility';

export type { VisitCustomer, VisitRow, VisitWithCustomer } from './visibility';

/** Raw `corps.settings.visits`. */
export async function corpVisitSettings(db: Db, corpId: number): Promise<unknown> {
  const [corp] = await db.select({ settings: corps.settings }).from(corps).where(eq(corps.id, corpId));
  return corp?.settings.visits;
}

export async function saveCorpVisitSettings(db: Db, corpId: number, value: Record<string, number>): Promise<void> {
  const [corp] = await db.select({ settings: corps.settings }).from(corps).where(eq(corps.id, corpId));
  await db
    .update(corps)
    .set({ settings: { ...(corp?.settings ?? {}), visits: value } })
    .where(eq(corps.id, corpId));
}

/** Inserts a planned visit; returns its id. */
export async function insertVisit(db: Db, values: typeof visits.$inferInsert): Promise<number> {
  const [ins] = await db.insert(visits).values(values).$returningId();
  return ins!.id;
}

/** Changes a visit's plan columns. */
export async function updateVisit(db: Db, id: number, set: Partial<typeof visits.$inferInsert>): Promise<void> {
  await db.update(visits).set(set).where(eq(visits.id, id));
}

/** Of `ids`, the contacts that belong to the customer. */
export async function contactsOfCustomer(db: Db, corpId: number, customerId: number, ids: number[]): Promise<number[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.corpId, corpId), eq(contacts.customerId, customerId), inArray(contacts.id, ids)));
  return rows.map((r) => r.id);
}

/** A user of the corp (active), or null. */
export async function findUser(db: Db, corpId: number, userId: number) {
  const [row] = await db
    .select({ id: users.id, name: users.name, wecomUserId: users.wecomUserId, status: users.status })
    .from(users)
    .where(and(eq(users.corpId, corpId), eq(users.id, userId)));
  return row ?? null;
}

export async function userNames(db: Db, corpId: number, ids: number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.corpId, corpId), inArray(users.id, unique)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function contactIdsOfVisits(db: Db, visitIds: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (!visitIds.length) return out;
  const rows = await db.select().from(visitContacts).where(inArray(visitContacts.visitId, visitIds));
  for (const r of rows) out.set(r.visitId, [...(out.get(r.visitId) ?? []), r.contactId]);
  return out;
}

export async function replaceVisitContacts(db: Db, visitId: number, contactIds: number[]): Promise<void> {
  await db.delete(visitContacts).where(eq(visitContacts.visitId, visitId));
  if (contactIds.length) await db.insert(visitContacts).values(contactIds.map((contactId) => ({ visitId, contactId })));
}

/** SQL for an effective status (`missed` = planned and its window plus grace has ended). */
export function statusCondition(status: VisitStatus, now: Date, graceMinutes: number): SQL {
  const cutoff = new Date(now.getTime() - graceMinutes * 60_000);
  if (status === 'missed') return and(eq(visits.status, 'planned'), lt(visits.plannedEnd, cutoff))!;
  if (status === 'planned') return and(eq(visits.status, 'planned'), gte(visits.plannedEnd, cutoff))!;
  return eq(visits.status, status);
}

export interface VisitFilter {
  assigneeIds?: number[] | null;
  customerId?: number;
  from?: Date;
  to?: Date;
  status?: SQL;
  /** Keyset: rows strictly after (plannedStart, id) in the chosen order. */
  after?: KeysetAfter<Date>;
  order: 'asc' | 'desc';
  limit: number;
}

/** Visits within the scope, by planned start; `limit` rows (callers ask one more to page). */
export async function listVisits(db: Db, scope: DataScope, f: VisitFilter): Promise<VisitWithCustomer[]> {
  const dir = f.order === 'asc' ? asc : desc;
  const rows = await db
    .select({ v: visits, customer: customerCols })
    .from(visits)
    .innerJoin(customers, eq(customers.id, visits.customerId))
    .where(
      and(
        eq(visits.corpId, scope.corpId),
        visitVisibleCondition(scope),
        f.assigneeIds === undefined || f.assigneeIds === null
          ? undefined
          : f.assigneeIds.length
            ? inArray(visits.assigneeId, f.assigneeIds)
            : sql`FALSE`,
        f.customerId ? eq(visits.customerId, f.customerId) : undefined,
        f.from ? gte(visits.plannedStart, f.from) : undefined,
        f.to ? lt(visits.plannedStart, f.to) : undefined,
        f.status,
        keysetAfter(visits.plannedStart, visits.id, f.after, f.order),
      ),
    )
    .orderBy(dir(visits.plannedStart), dir(visits.id))
    .limit(f.limit);
  return rows.map((r) => ({ ...r.v, customer: r.customer }));
}

/** Recorded, unreviewed visits of other people in the scope (a leader's review queue). */
export async function pendingReviews(db: Db, scope: DataScope, limit: number): Promise<VisitWithCustomer[]> {
  const rows = await db
    .select({ v: visits, customer: customerCols })
    .from(visits)
    .innerJoin(customers, eq(customers.id, visits.customerId))
    .where(
      and(
        eq(visits.corpId, scope.corpId),
        isNull(visits.reviewedAt),
        isNotNull(visits.recordedAt),
        sql`${visits.assigneeId} <> ${scope.userId}`,
        ownerCondition(scope, 'all', visits.assigneeId),
      ),
    )
    .orderBy(asc(visits.recordedAt), asc(visits.id))
    .limit(limit);
  return rows.map((r) => ({ ...r.v, customer: r.customer }));
}

/** Planned visits starting within (now, now + ahead] that have not been reminded, all corps. */
export async function visitsDueForReminder(db: Db, now: Date, aheadMinutesMax: number, limit: number) {
  return db
    .select({ v: visits, customerName: customers.name, wecomUserId: users.wecomUserId, settings: corps.settings })
    .from(visits)
    .innerJoin(customers, eq(customers.id, visits.customerId))
    .innerJoin(users, eq(users.id, visits.assigneeId))
    .innerJoin(corps, eq(corps.id, visits.corpId))
    .where(
      and(
        eq(visits.status, 'planned'),
        isNull(visits.remindedAt),
        gte(visits.plannedStart, now),
        lte(visits.plannedStart, new Date(now.getTime() + aheadMinutesMax * 60_000)),
      ),
    )
    .orderBy(asc(visits.plannedStart))
    .limit(limit);
}

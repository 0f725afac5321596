import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { externalContactEvents, externalContactFollows, externalContacts, users } from '../db/schema/index';
import type { ExternalContactInfo, FollowUser } from './types';

/** Local user ids by WeCom userid (unknown users map to nothing). */
export async function userIdsByWecomId(db: Db, corpId: number, wecomIds: string[]): Promise<Map<string, number>> {
  if (!wecomIds.length) return new Map();
  const rows = await db
    .select({ id: users.id, wecomUserId: users.wecomUserId })
    .from(users)
    .where(and(eq(users.corpId, corpId), inArray(users.wecomUserId, [...new Set(wecomIds)])));
  return new Map(rows.map((r) => [r.wecomUserId, r.id]));
}

/** Upserts the external contact itself; returns its local id. */
export async function upsertExternalContact(db: Db, corpId: number, c: ExternalContactInfo, raw?: Record<string, unknown>): Promise<{ id: number }> {
  const values = {
    name: (c.name || c.external_userid).slice(0, 100),
    type: c.type ?? 1,
    corpName: c.corp_name?.slice(0, 200) ?? null,
    corpFullName: c.corp_full_name?.slice(0, 200) ?? null,
    position: c.position?.slice(0, 100) ?? null,
    avatar: c.avatar?.slice(0, 500) ?? null,
    gender: c.gender ?? 0,
    unionid: c.unionid ?? null,
    raw: raw ?? (c as unknown as Record<string, unknown>),
  };
  // One INSERT … ON DUPLICATE KEY UPDATE: a SELECT … FOR UPDATE of a missing row takes a gap lock,
  // and two of them followed by INSERTs into the same gap deadlock. LAST_INSERT_ID(id) makes the
  // existing row's id the statement's insertId.
  const res = await db
    .insert(externalContacts)
    .values({ corpId, externalUserId: c.external_userid, ...values })
    .onDuplicateKeyUpdate({ set: { ...values, id: sql`LAST_INSERT_ID(${externalContacts.id})` } });
  return { id: Number((res as unknown as [{ insertId: number }])[0].insertId) };
}

/** Upserts the follow relation (employee ↔ external contact) as WeCom reports it; reactivates an ended one. */
export async function upsertFollow(db: Db, corpId: number, externalContactId: number, f: FollowUser, userId: number | undefined): Promise<void> {
  const values = {
    userId: userId ?? null,
    remark: f.remark?.slice(0, 100) ?? null,
    description: f.description?.slice(0, 500) ?? null,
    tags: (f.tags ?? []).map((t) => ({ groupName: t.group_name, tagName: t.tag_name, tagId: t.tag_id, type: t.type })),
    remarkMobiles: f.remark_mobiles ?? [],
    addWay: f.add_way ?? null,
    state: f.state?.slice(0, 64) || null,
    followedAt: f.createtime ? new Date(f.createtime * 1000) : null,
    status: 'active' as const,
    endedAt: null,
    endReason: null,
  };
  await db
    .insert(externalContactFollows)
    .values({ corpId, externalContactId, wecomUserId: f.userid, ...values })
    .onDuplicateKeyUpdate({ set: values });
}

/** Ends a follow relation (nothing is deleted); creates the relation row when we never saw it. */
export async function endFollow(
  db: Db,
  corpId: number,
  externalContactId: number,
  wecomUserId: string,
  userId: number | undefined,
  reason: 'employee_deleted' | 'customer_deleted' | 'transferred',
  at: Date,
): Promise<void> {
  const set = { status: 'ended' as const, endReason: reason, endedAt: at };
  await db
    .insert(externalContactFollows)
    .values({ corpId, externalContactId, wecomUserId, userId: userId ?? null, ...set })
    .onDuplicateKeyUpdate({ set });
}

/** A timeline entry, written once per source event. */
export async function addTimeline(
  db: Db,
  e: { corpId: number; externalContactId: number; userId?: number; wecomUserId?: string; kind: string; message: string; sourceKey: string; at: Date },
): Promise<void> {
  await db
    .insert(externalContactEvents)
    .ignore()
    .values({
      corpId: e.corpId,
      externalContactId: e.externalContactId,
      userId: e.userId ?? null,
      wecomUserId: e.wecomUserId ?? null,
      kind: e.kind,
      message: e.message.slice(0, 500),
      sourceKey: e.sourceKey.slice(0, 96),
      createdAt: e.at,
    });
}

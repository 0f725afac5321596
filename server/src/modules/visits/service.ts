import { eq } from 'drizzle-orm';
import {
  VISIT_FLAGS,
  type VisitCheckInBody,
  type VisitCheckOutBody,
  type VisitFlag,
  type VisitItem,
  type VisitRecordBody,
  type VisitReviewBody,
  type VisitSettings,
} from '@scrm/shared';
import type { DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { visits } from '../../db/schema/index';
import type { AppDeps, AuthUser } from '../../http/context';
import { errors } from '../../http/errors';
import { idNum, idStr, idStrOrNull } from '../../lib/ids';
import { toIso } from '../../lib/time';
import * as repo from './repo';
import { checkPosition, effectiveStatus, outsideWindow, visitSettingsOf, type LatLng } from './rules';
import { addVisitFollowUp } from './timeline';
import { canAssignVisitTo, requireVisibleVisit, requireVisitAssignee, requireVisitReviewer } from './visibility';

export async function settingsOf(db: Db, corpId: number): Promise<VisitSettings> {
  return visitSettingsOf(await repo.corpVisitSettings(db, corpId));
}

/** A visit in scope, or 404 (never reveals that it exists). */
export async function requireVisit(db: Db, scope: DataScope, id: string, forUpdate = false): Promise<repo.VisitWithCustomer> {
  return requireVisibleVisit(db, scope, idNum(id), { forUpdate });
}

/** Who may be assigned: oneself, or — for a leader/admin — anyone in the data scope. */
export async function resolveAssignee(db: Db, scope: DataScope, assigneeId: string | undefined): Promise<number> {
  if (!assigneeId) return scope.userId;
  const id = idNum(assigneeId);
  if (id === scope.userId) return id;
  if (scope.level === 'own') throw errors.forbidden('只能为自己创建拜访计划；指派他人需要是其上级');
  const user = await repo.findUser(db, scope.corpId, id);
  if (!user || !canAssignVisitTo(scope, id)) {
    throw errors.validation([{ path: 'body.assigneeId', message: '只能指派给自己团队中的成员' }]);
  }
  if (user.status !== 'active') throw errors.conflict('assignee_inactive', '该成员已停用，不能指派拜访');
  return id;
}

/** The contacts must belong to the visited customer. */
export async function checkContacts(db: Db, corpId: number, customerId: number, ids: string[]): Promise<number[]> {
  const wanted = [...new Set(ids.map(idNum))];
  const found = await repo.contactsOfCustomer(db, corpId, customerId, wanted);
  if (found.length !== wanted.length) {
    throw errors.validation([{ path: 'body.contactIds', message: '联系人不属于该客户' }]);
  }
  return wanted;
}

const assertAssignee = requireVisitAssignee;

const customerPoint = (c: repo.VisitCustomer): LatLng | null =>
  c.latitude != null && c.longitude != null ? { latitude: Number(c.latitude), longitude: Number(c.longitude) } : null;
const bodyPoint = (b: { latitude?: number; longitude?: number }): LatLng | null =>
  b.latitude !== undefined && b.longitude !== undefined ? { latitude: b.latitude, longitude: b.longitude } : null;

/**
 * 签到 at server time. A second check-in of the same visit is `already_checked_in` (the route's
 * Idempotency-Key replays the first answer instead). Location problems never block: they flag.
 */
export async function checkIn(
  db: Db,
  deps: AppDeps,
  user: AuthUser,
  v: repo.VisitWithCustomer,
  body: VisitCheckInBody,
  photoFileId: number | null,
): Promise<void> {
  assertAssignee(v, user, '签到');
  if (v.status === 'cancelled') throw errors.conflict('visit_cancelled', '该拜访已取消，不能签到');
  if (v.checkInAt) throw errors.conflict('already_checked_in', '该拜访已签到，无需重复签到');
  const settings = await settingsOf(db, v.corpId);
  const now = deps.now();
  const pos = checkPosition(bodyPoint(body), customerPoint(v.customer), settings);
  const flags: VisitFlag[] = [...pos.flags];
  if (outsideWindow(now, v.plannedStart, v.plannedEnd, settings)) flags.push('outside_window');
  await db
    .update(visits)
    .set({
      status: 'in_progress',
      checkInAt: now,
      checkInLat: body.latitude ?? null,
      checkInLng: body.longitude ?? null,
      checkInAccuracy: body.accuracy === undefined ? null : Math.round(body.accuracy),
      checkInDistance: pos.distanceMeters,
      checkInPhotoId: photoFileId,
      checkInFlags: flags,
    })
    .where(eq(visits.id, v.id));
}

/** 签退: records the duration; only after check-in, once. */
export async function checkOut(db: Db, deps: AppDeps, user: AuthUser, v: repo.VisitWithCustomer, body: VisitCheckOutBody): Promise<void> {
  assertAssignee(v, user, '签退');
  if (!v.checkInAt) throw errors.conflict('not_checked_in', '请先签到再签退');
  if (v.checkOutAt) throw errors.conflict('already_checked_out', '该拜访已签退，无需重复签退');
  const settings = await settingsOf(db, v.corpId);
  const now = deps.now();
  const pos = checkPosition(bodyPoint(body), customerPoint(v.customer), settings);
  await db
    .update(visits)
    .set({
      status: 'done',
      checkOutAt: now,
      checkOutLat: body.latitude ?? null,
      checkOutLng: body.longitude ?? null,
      checkOutAccuracy: body.accuracy === undefined ? null : Math.round(body.accuracy),
      checkOutDistance: pos.distanceMeters,
      checkOutFlags: pos.flags,
      durationSeconds: Math.max(0, Math.round((now.getTime() - v.checkInAt.getTime()) / 1000)),
    })
    .where(eq(visits.id, v.id));
}

/** 拜访记录: once per visit, after check-in; also a `visit` follow-up on the customer's timeline. */
export async function record(db: Db, deps: AppDeps, user: AuthUser, v: repo.VisitWithCustomer, body: VisitRecordBody): Promise<void> {
  assertAssignee(v, user, '填写拜访记录');
  if (!v.checkInAt) throw errors.conflict('not_checked_in', '请先签到再填写拜访记录');
  if (v.recordedAt) throw errors.conflict('already_recorded', '该拜访已提交记录');
  const now = deps.now();
  const contactIds = (await repo.contactIdsOfVisits(db, [v.id])).get(v.id) ?? [];
  const followUpId = await addVisitFollowUp(db, {
    corpId: v.corpId,
    customerId: v.customerId,
    authorId: user.id,
    contactIds,
    summary: body.summary,
    outcome: body.outcome,
    nextSteps: body.nextSteps ?? null,
    nextFollowUpAt: body.nextFollowUpAt ? new Date(body.nextFollowUpAt) : null,
    occurredAt: v.checkInAt,
    photoFileId: v.checkInPhotoId,
    now,
  });
  await db
    .update(visits)
    .set({
      summary: body.summary,
      outcome: body.outcome,
      nextSteps: body.nextSteps ?? null,
      nextFollowUpAt: body.nextFollowUpAt ? new Date(body.nextFollowUpAt) : null,
      recordedAt: now,
      followUpId,
    })
    .where(eq(visits.id, v.id));
}

/** 拜访审查 by a leader of the assignee (not by the assignee), once. */
export async function review(db: Db, deps: AppDeps, scope: DataScope, v: repo.VisitRow, body: VisitReviewBody): Promise<void> {
  requireVisitReviewer(scope, v);
  if (!v.recordedAt) throw errors.conflict('not_recorded', '拜访记录提交后才能审查');
  if (v.reviewedAt) throw errors.conflict('already_reviewed', '该拜访已审查');
  await db
    .update(visits)
    .set({ reviewerId: scope.userId, rating: body.rating, reviewComment: body.comment ?? null, reviewedAt: deps.now() })
    .where(eq(visits.id, v.id));
}

/** Builds the API shape of visits (names and contacts loaded in batches). */
export async function present(db: Db, corpId: number, rows: repo.VisitWithCustomer[], now: Date): Promise<VisitItem[]> {
  if (!rows.length) return [];
  const settings = await settingsOf(db, corpId);
  const contactMap = await repo.contactIdsOfVisits(
    db,
    rows.map((r) => r.id),
  );
  const names = await repo.userNames(
    db,
    corpId,
    rows.flatMap((r) => [r.assigneeId, ...(r.reviewerId ? [r.reviewerId] : [])]),
  );
  return rows.map((v) => presentOne(v, contactMap.get(v.id) ?? [], names, settings, now));
}

const num = (x: unknown) => (x == null ? null : Number(x));

function presentOne(
  v: repo.VisitWithCustomer,
  contactIds: number[],
  names: Map<number, string>,
  settings: VisitSettings,
  now: Date,
): VisitItem {
  const inFlags = v.checkInFlags ?? [];
  const outFlags = v.checkOutFlags ?? [];
  return {
    id: idStr(v.id),
    status: effectiveStatus(v.status, v.plannedEnd, now, settings),
    customerId: idStr(v.customerId),
    customerName: v.customer.name,
    customerAddress: v.customer.address,
    customerLatitude: num(v.customer.latitude),
    customerLongitude: num(v.customer.longitude),
    contactIds: contactIds.map(idStr),
    purpose: v.purpose,
    plannedStart: toIso(v.plannedStart),
    plannedEnd: toIso(v.plannedEnd),
    assigneeId: idStr(v.assigneeId),
    assigneeName: names.get(v.assigneeId) ?? null,
    createdById: idStr(v.createdBy),
    checkIn: v.checkInAt
      ? {
          at: toIso(v.checkInAt),
          latitude: num(v.checkInLat),
          longitude: num(v.checkInLng),
          accuracy: v.checkInAccuracy,
          distanceMeters: v.checkInDistance,
          flags: inFlags,
          photoFileId: idStrOrNull(v.checkInPhotoId),
          photoUrl: v.checkInPhotoId ? `/api/files/${v.checkInPhotoId}` : null,
        }
      : null,
    checkOut: v.checkOutAt
      ? {
          at: toIso(v.checkOutAt),
          latitude: num(v.checkOutLat),
          longitude: num(v.checkOutLng),
          accuracy: v.checkOutAccuracy,
          distanceMeters: v.checkOutDistance,
          flags: outFlags,
        }
      : null,
    durationSeconds: v.durationSeconds,
    flags: VISIT_FLAGS.filter((f) => inFlags.includes(f) || outFlags.includes(f)),
    record: v.recordedAt
      ? {
          summary: v.summary ?? '',
          outcome: v.outcome ?? 'maintained',
          nextSteps: v.nextSteps,
          nextFollowUpAt: toIso(v.nextFollowUpAt),
          followUpId: idStrOrNull(v.followUpId),
          recordedAt: toIso(v.recordedAt),
        }
      : null,
    review:
      v.reviewedAt && v.reviewerId && v.rating != null
        ? {
            rating: v.rating,
            comment: v.reviewComment,
            reviewerId: idStr(v.reviewerId),
            reviewerName: names.get(v.reviewerId) ?? null,
            reviewedAt: toIso(v.reviewedAt),
          }
        : null,
    createdAt: toIso(v.createdAt),
    updatedAt: toIso(v.updatedAt),
  };
}

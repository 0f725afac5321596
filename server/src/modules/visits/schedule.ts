import { and, eq, inArray, isNull, lt, max, or, sql } from 'drizzle-orm';
import { VISIT_STATUSES, type ScheduleView, type VisitStats, type VisitStatus } from '@scrm/shared';
import { ownerCondition, type DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { customers, users, visits } from '../../db/schema/index';
import { idStr, idStrOrNull } from '../../lib/ids';
import { dayjs, toIso } from '../../lib/time';
import { visitVisibleCondition } from './visibility';
import { effectiveStatus, visitSettingsOf } from './rules';

const SHANGHAI = 480;

/** [from, to) of a day / week (Monday first) / month in Shanghai time around `date` (YYYY-MM-DD) or now. */
export function scheduleRange(view: ScheduleView, date: string | undefined, now: Date): { from: Date; to: Date } {
  const base = date ? dayjs(`${date}T00:00:00+08:00`).utcOffset(SHANGHAI) : dayjs(now).utcOffset(SHANGHAI);
  const day = base.startOf('day');
  if (view === 'day') return { from: day.toDate(), to: day.add(1, 'day').toDate() };
  if (view === 'week') {
    const monday = day.subtract((day.day() + 6) % 7, 'day');
    return { from: monday.toDate(), to: monday.add(7, 'day').toDate() };
  }
  const first = day.startOf('month');
  return { from: first.toDate(), to: first.add(1, 'month').toDate() };
}

/** Which assignees a list's `scope` means (null = whatever the data scope allows). */
export function assigneesFor(scope: DataScope, listScope: 'mine' | 'team' | 'all' | 'pool'): number[] | null {
  if (listScope === 'mine') return [scope.userId];
  if (listScope === 'pool') return [];
  if (listScope === 'team' && scope.level !== 'all') return scope.userIds!.filter((id) => id !== scope.userId);
  return null;
}

export function countByStatus(statuses: VisitStatus[]): Record<VisitStatus, number> {
  const counts = Object.fromEntries(VISIT_STATUSES.map((s) => [s, 0])) as Record<VisitStatus, number>;
  for (const s of statuses) counts[s]++;
  return counts;
}

const OFF_SITE = new Set(['out_of_range', 'location_missing']);

/**
 * Visits per rep per week (by check-in), on-site rate (check-ins without out_of_range /
 * location_missing), average duration, missed visits, and visible customers not visited
 * (no check-in) in `notVisitedDays`.
 */
export async function visitStats(db: Db, scope: DataScope, now: Date, weeks: number, notVisitedDays: number, rawSettings: unknown): Promise<VisitStats> {
  const settings = visitSettingsOf(rawSettings);
  const thisWeek = scheduleRange('week', undefined, now).from;
  const from = dayjs(thisWeek).subtract(weeks - 1, 'week').toDate();
  const to = dayjs(thisWeek).add(1, 'week').toDate();
  const weekStarts = Array.from({ length: weeks }, (_, i) => dayjs(from).add(i, 'week').toDate());

  const reps = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(
      and(
        eq(users.corpId, scope.corpId),
        eq(users.status, 'active'),
        scope.level === 'all' ? inArray(users.role, ['rep', 'manager']) : inArray(users.id, scope.userIds!),
      ),
    )
    .orderBy(users.id);
  const rows = await db
    .select({
      assigneeId: visits.assigneeId,
      status: visits.status,
      plannedStart: visits.plannedStart,
      plannedEnd: visits.plannedEnd,
      checkInAt: visits.checkInAt,
      flags: visits.checkInFlags,
      duration: visits.durationSeconds,
    })
    .from(visits)
    .where(
      and(
        eq(visits.corpId, scope.corpId),
        visitVisibleCondition(scope),
        or(and(sql`${visits.checkInAt} >= ${from}`, lt(visits.checkInAt, to)), and(isNull(visits.checkInAt), sql`${visits.plannedStart} >= ${from}`, lt(visits.plannedStart, to))),
      ),
    );

  const repStats = reps.map((rep) => {
    const mine = rows.filter((r) => r.assigneeId === rep.id);
    const checked = mine.filter((r) => r.checkInAt);
    const perWeek = weekStarts.map((start, i) => {
      const end = weekStarts[i + 1] ?? to;
      return checked.filter((r) => r.checkInAt! >= start && r.checkInAt! < end).length;
    });
    const onSite = checked.filter((r) => !(r.flags ?? []).some((f) => OFF_SITE.has(f))).length;
    const durations = checked.map((r) => r.duration).filter((d): d is number => d != null);
    return {
      userId: idStr(rep.id),
      name: rep.name,
      perWeek,
      checkedIn: checked.length,
      onSiteRate: checked.length ? Math.round((onSite / checked.length) * 1000) / 1000 : null,
      avgDurationMinutes: durations.length ? Math.round(durations.reduce((a, b) => a + b, 0) / durations.length / 6) / 10 : null,
      missed: mine.filter((r) => effectiveStatus(r.status, r.plannedEnd, now, settings) === 'missed').length,
    };
  });

  const since = dayjs(now).subtract(notVisitedDays, 'day').toDate();
  const lastVisits = db
    .select({ customerId: visits.customerId, last: max(visits.checkInAt).as('last_visit') })
    .from(visits)
    .where(eq(visits.corpId, scope.corpId))
    .groupBy(visits.customerId)
    .as('lv');
  const stale = await db
    .select({ id: customers.id, name: customers.name, ownerId: customers.ownerId, last: lastVisits.last })
    .from(customers)
    .leftJoin(lastVisits, eq(lastVisits.customerId, customers.id))
    .where(
      and(
        eq(customers.corpId, scope.corpId),
        eq(customers.status, 'active'),
        scope.level === 'all' ? sql`${customers.ownerId} IS NOT NULL` : ownerCondition(scope, 'all', customers.ownerId),
        or(isNull(lastVisits.last), lt(lastVisits.last, since)),
      ),
    )
    .orderBy(sql`${lastVisits.last} IS NOT NULL`, lastVisits.last, customers.id)
    .limit(100);

  return {
    from: toIso(from),
    to: toIso(to),
    weeks: weekStarts.map((d) => toIso(d)),
    reps: repStats,
    notVisited: stale.map((c) => ({
      customerId: idStr(c.id),
      name: c.name,
      ownerId: idStrOrNull(c.ownerId),
      lastVisitAt: c.last ? toIso(new Date(`${String(c.last).replace(' ', 'T')}Z`)) : null,
    })),
  };
}

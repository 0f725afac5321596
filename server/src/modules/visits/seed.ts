import { and, eq, isNotNull } from 'drizzle-orm';
import { normaliseCustomerName, type VisitFlag, type VisitOutcome } from '@scrm/shared';
import { customers, visits } from '../../db/schema/index';
import { dayjs, shanghaiDayStart } from '../../lib/time';
import type { SeedContext } from '../types';
import { addVisitFollowUp } from './timeline';

/** Shanghai customers (gcj02) used when the customers seed gave demo.rep1 none with coordinates. */
const DEMO_CUSTOMERS = [
  { name: '上海浦江精密机械有限公司', address: '上海市闵行区江月路 1500 号', latitude: 31.0587, longitude: 121.5049 },
  { name: '上海静安云图信息科技有限公司', address: '上海市静安区南京西路 1266 号', latitude: 31.2301, longitude: 121.4571 },
  { name: '上海张江生物医药有限公司', address: '上海市浦东新区张江路 665 号', latitude: 31.2052, longitude: 121.5907 },
] as const;

/**
 * Demo visits (idempotent: skipped once demo.rep1 has any visit): today's plan for demo.rep1,
 * last week's done and missed visits, and one recorded visit awaiting demo.manager's review.
 */
export async function seedVisits(ctx: SeedContext): Promise<void> {
  const { db, corpId } = ctx;
  const rep = ctx.users['demo.rep1'];
  if (!rep) return;
  const [existing] = await db.select({ id: visits.id }).from(visits).where(and(eq(visits.corpId, corpId), eq(visits.assigneeId, rep))).limit(1);
  if (existing) return;

  let targets = await db
    .select({ id: customers.id, latitude: customers.latitude, longitude: customers.longitude })
    .from(customers)
    .where(and(eq(customers.corpId, corpId), eq(customers.ownerId, rep), isNotNull(customers.latitude)))
    .limit(3);
  if (targets.length < 3) {
    for (const c of DEMO_CUSTOMERS) {
      const nameKey = normaliseCustomerName(c.name);
      const [found] = await db.select({ id: customers.id }).from(customers).where(and(eq(customers.corpId, corpId), eq(customers.nameKey, nameKey)));
      if (!found) {
        await db.insert(customers).values({ corpId, name: c.name, nameKey, address: c.address, latitude: c.latitude, longitude: c.longitude, region: '上海', ownerId: rep, ownedAt: new Date(), createdBy: rep, grade: 'A' });
      }
    }
    targets = await db
      .select({ id: customers.id, latitude: customers.latitude, longitude: customers.longitude })
      .from(customers)
      .where(and(eq(customers.corpId, corpId), eq(customers.ownerId, rep), isNotNull(customers.latitude)))
      .limit(3);
  }
  if (!targets.length) return;
  const now = ctx.deps.now();
  const today = dayjs(shanghaiDayStart(now));
  const at = (d: dayjs.Dayjs, h: number) => d.add(h, 'hour').toDate();
  const pick = (i: number) => targets[i % targets.length]!;

  // Today's plan.
  for (const [i, h, purpose] of [[0, 10, '设备验收与续约沟通'], [1, 14, '新品演示'], [2, 16, '回款跟进']] as const) {
    await db.insert(visits).values({ corpId, customerId: pick(i).id, assigneeId: rep, createdBy: rep, purpose, plannedStart: at(today, h), plannedEnd: at(today, h + 1) });
  }
  // Last week: two done (one reviewed, one awaiting the manager's review), one missed.
  const lastWeek = today.subtract(7, 'day');
  const done: { i: number; day: number; outcome: VisitOutcome; flags: VisitFlag[]; review: boolean; summary: string }[] = [
    { i: 0, day: 0, outcome: 'advanced', flags: [], review: true, summary: '客户确认二期采购意向，要求下周提供报价。' },
    { i: 1, day: 2, outcome: 'maintained', flags: ['out_of_range'], review: false, summary: '与 IT 负责人交流现有系统痛点，对方希望安排技术交流。' },
  ];
  for (const d of done) {
    const c = pick(d.i);
    const start = at(lastWeek.add(d.day, 'day'), 10);
    const checkInAt = new Date(start.getTime() + 5 * 60_000);
    const checkOutAt = new Date(checkInAt.getTime() + 50 * 60_000);
    const followUpId = await addVisitFollowUp(db, {
      corpId, customerId: c.id, authorId: rep, contactIds: [], summary: d.summary, outcome: d.outcome, nextSteps: '准备报价与技术方案', nextFollowUpAt: null, occurredAt: checkInAt, photoFileId: null, now: checkOutAt,
    });
    await db.insert(visits).values({
      corpId, customerId: c.id, assigneeId: rep, createdBy: ctx.users['demo.manager'] ?? rep, purpose: '例行拜访', plannedStart: start, plannedEnd: new Date(start.getTime() + 3600_000), status: 'done',
      checkInAt, checkInLat: Number(c.latitude) + (d.flags.length ? 0.01 : 0.0005), checkInLng: Number(c.longitude), checkInAccuracy: 30, checkInDistance: d.flags.length ? 1112 : 56, checkInFlags: d.flags,
      checkOutAt, checkOutLat: Number(c.latitude), checkOutLng: Number(c.longitude), checkOutDistance: 0, checkOutFlags: [], durationSeconds: 3000,
      summary: d.summary, outcome: d.outcome, nextSteps: '准备报价与技术方案', recordedAt: checkOutAt, followUpId,
      ...(d.review ? { reviewerId: ctx.users['demo.manager'] ?? null, rating: 4, reviewComment: '准备充分，继续推进。', reviewedAt: checkOutAt } : {}),
    });
  }
  await db.insert(visits).values({ corpId, customerId: pick(2).id, assigneeId: rep, createdBy: rep, purpose: '年度合同沟通', plannedStart: at(lastWeek.add(3, 'day'), 15), plannedEnd: at(lastWeek.add(3, 'day'), 16) });
}

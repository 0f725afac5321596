import { eq } from 'drizzle-orm';
import { workReports } from '../../db/schema/index';
import type { AppModule, SeedContext } from '../types';
import { reportRoutes } from './routes';
import { periodOf } from './service';

/** Demo: a daily report of demo.rep1 and a weekly one of demo.rep2 (idempotent). */
async function seedReportsDemo({ db, deps, corpId, users }: SeedContext): Promise<void> {
  const [any] = await db.select({ id: workReports.id }).from(workReports).where(eq(workReports.corpId, corpId)).limit(1);
  if (any) return;
  const day = new Date(deps.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const rows = [
    { who: 'demo.rep1', type: 'daily' as const, done: '拜访华东精密制造，确认二期需求；电话跟进 3 个客户', plans: '明天准备报价单', problems: '客户预算审批周期长' },
    { who: 'demo.rep2', type: 'weekly' as const, done: '完成 2 个商机的方案演示', plans: '推进星河软件合同谈判', problems: '' },
  ];
  for (const r of rows) {
    const p = periodOf(r.type, day);
    await db.insert(workReports).values({
      corpId, userId: users[r.who]!, type: r.type, periodStart: p.start, periodEnd: p.end, toUserId: users['demo.manager'] ?? null,
      done: r.done, plans: r.plans, problems: r.problems,
      autoSummary: { followUps: 0, visits: 0, newCustomers: 0, stageMoves: 0, unavailable: [], lines: [] },
      submittedAt: deps.now(),
    });
  }
}

/** Daily / weekly work reports to the leader, leader comments, who has not reported. */
export const reportsModule: AppModule = { name: 'reports', routes: reportRoutes, seedDemo: seedReportsDemo };

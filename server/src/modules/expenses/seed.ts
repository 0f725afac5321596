import { and, eq } from 'drizzle-orm';
import { expenseAdvances, expenseClaims } from '../../db/schema/index';
import type { AuthUser } from '../../http/context';
import type { SeedContext } from '../types';
import { act, startApproval } from '../approvals/service';
import { ensureCategories, submitClaim, writeClaimContent } from './service';

const DAY = 86_400_000;

/** Demo: categories, claims in several states (one pending for demo.manager), one advance. Idempotent. */
export async function seedExpensesDemo(ctx: SeedContext): Promise<void> {
  const { db, deps, corpId, users } = ctx;
  const cats = await ensureCategories(db, corpId);
  const [any] = await db.select({ id: expenseClaims.id }).from(expenseClaims).where(eq(expenseClaims.corpId, corpId)).limit(1);
  if (any) return;
  const cat = (name: string) => String(cats.find((c) => c.name === name)!.id);
  const day = (n: number) => new Date(deps.now().getTime() - n * DAY).toISOString().slice(0, 10);
  const asUser = (key: string, role: AuthUser['role'] = 'rep'): AuthUser => ({ id: users[key]!, corpId, wecomUserId: key, name: key, role, sessionId: 0 });
  const claims = [
    { who: 'demo.rep1', title: '杭州客户拜访差旅', lines: [['差旅', 86000, '高铁往返'], ['住宿', 45000, '两晚酒店']], end: 'pending' },
    { who: 'demo.rep2', title: '客户午餐招待', lines: [['招待', 32800, '与采购经理午餐']], end: 'approved' },
    { who: 'demo.rep3', title: '市内交通', lines: [['交通', 12600, '打车往返客户现场']], end: 'draft' },
    { who: 'demo.rep1', title: '上月礼品', lines: [['礼品', 50000, '中秋礼盒']], end: 'rejected' },
  ] as const;
  for (const c of claims) {
    const user = asUser(c.who);
    const [row] = await db
      .insert(expenseClaims)
      .values({ corpId, userId: user.id, title: c.title, status: 'draft', createdAt: deps.now(), updatedAt: deps.now() })
      .$returningId();
    await writeClaimContent(db, deps, user, row!.id, {
      title: c.title,
      lines: c.lines.map(([name, amount, description], i) => ({ spentOn: day(3 + i), categoryId: cat(name), amount, description })),
      voucherFileIds: [],
    });
    if (c.end === 'draft') continue;
    const [claim] = await db.select().from(expenseClaims).where(eq(expenseClaims.id, row!.id));
    await submitClaim(db, deps, user, claim!);
    const [fresh] = await db.select().from(expenseClaims).where(and(eq(expenseClaims.id, row!.id)));
    if (c.end === 'pending' || !fresh?.approvalInstanceId) continue;
    await act(db, deps, {
      corpId,
      instanceId: fresh.approvalInstanceId,
      actorId: users['demo.manager']!,
      action: c.end === 'approved' ? 'approve' : 'reject',
      comment: c.end === 'rejected' ? '礼品需提前申请' : null,
    });
  }
  const now = deps.now();
  const [adv] = await db
    .insert(expenseAdvances)
    .values({ corpId, userId: users['demo.rep2']!, amount: 200000, reason: '下周深圳展会差旅备用金', status: 'pending', submittedAt: now, createdAt: now, updatedAt: now })
    .$returningId();
  const inst = await startApproval(db, deps, { corpId, docType: 'advance', docId: adv!.id, applicantUserId: users['demo.rep2']!, amount: 200000, title: '借支：深圳展会差旅备用金' });
  await db.update(expenseAdvances).set({ approvalInstanceId: inst.id }).where(eq(expenseAdvances.id, adv!.id));
  await act(db, deps, { corpId, instanceId: inst.id, actorId: users['demo.manager']!, action: 'approve' });
}

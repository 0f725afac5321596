import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { LineInput } from '@scrm/shared';
import { customers, opportunities, productSkus } from '../../db/schema/index';
import { refreshCustomerRollups } from '../customers/rollups';
import type { SeedContext } from '../types';
import { recordStageEntry, replaceLines } from './service';
import { stageSetFor, stagesOf } from './stages';
import { shanghaiDate } from '../catalog/service';

const NAMES = ['CRM 系统采购', '服务器扩容', '年度实施服务', '销售团队数字化升级'];

/**
 * Demo opportunities with lines for the demo reps' customers (after the catalog and customers
 * seeds). Idempotent: does nothing once the corp has opportunities.
 */
export async function seedOpportunitiesDemo({ db, corpId, users, deps }: SeedContext): Promise<void> {
  const set = await stageSetFor(db, corpId, null);
  const [any] = await db.select({ id: opportunities.id }).from(opportunities).where(eq(opportunities.corpId, corpId)).limit(1);
  if (any) return;
  const reps = Object.entries(users).filter(([k]) => /^demo\.rep\d$/.test(k)).map(([, id]) => id);
  if (!reps.length) return;
  const custs = await db.select().from(customers).where(and(eq(customers.corpId, corpId), isNotNull(customers.ownerId), inArray(customers.ownerId, reps))).limit(40);
  const skus = await db.select({ id: productSkus.id, code: productSkus.code }).from(productSkus).where(eq(productSkus.corpId, corpId));
  const sku = (code: string) => skus.find((s) => s.code === code)?.id;
  const stageList = (await stagesOf(db, set.id)).filter((s) => s.kind === 'open');
  const now = deps.now();
  for (const [i, c] of custs.entries()) {
    const stage = stageList[i % stageList.length]!;
    const close = new Date(now.getTime() + ((i % 5) + 1) * 20 * 86400_000);
    const [ins] = await db
      .insert(opportunities)
      .values({
        corpId, customerId: c.id, ownerId: c.ownerId!, name: `${c.name} ${NAMES[i % NAMES.length]}`, stageSetId: set.id, stageId: stage.id,
        winRate: stage.winRate, expectedCloseDate: shanghaiDate(close), source: i % 2 ? '老客户推荐' : '官网咨询', need: '提升销售过程管理与客户跟进效率',
        painPoints: '客户资料分散在个人微信，离职交接丢客户', budget: 200_000_00, stageEnteredAt: now, createdAt: now, updatedAt: now,
      })
      .$returningId();
    const lines: LineInput[] = [];
    const add = (code: string, quantity: number, discountBp = 0) => {
      const id = sku(code);
      if (id) lines.push({ skuId: String(id), quantity, discountBp });
    };
    add(i % 2 ? 'SKU-CRM-PRO' : 'SKU-CRM-STD', 1, (i % 3) * 500);
    add('SKU-CRM-USER', 20 + i * 10);
    add('SKU-IMPL-DAY', 5 + (i % 4));
    const o = (await db.select().from(opportunities).where(eq(opportunities.id, ins!.id)))[0]!;
    if (lines.length) await replaceLines(db, o, lines, now);
    await recordStageEntry(db, o, null, stage.id, null, now, null);
    await refreshCustomerRollups(db, corpId, c.id);
  }
}

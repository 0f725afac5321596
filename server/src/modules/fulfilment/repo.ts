import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { ListScope } from '@scrm/shared';
import type { Db } from '../../db/client';
import { assets, invoices, orders, shipments } from '../../db/schema/index';
import { afterIdOf } from '../contracts/paging';
import { assertMoneyDoc, moneyListCondition, type MoneyScope } from '../contracts/visibility';

type OwnedTable = typeof orders | typeof shipments | typeof invoices | typeof assets;

/** One page (limit + 1 rows, for pageOf) of `table`'s rows in the corp and the list scope, newest id first; `filters` narrow it. */
export async function ownedRows<R extends OwnedTable>(db: Db, table: R, s: MoneyScope, query: { scope: ListScope; cursor?: string; limit: number }, ...filters: (SQL | undefined)[]) {
  const after = afterIdOf(query.cursor);
  const t: OwnedTable = table;
  const rows = await db.select().from(t)
    .where(and(moneyListCondition(s, query.scope, t), ...filters, after ? lt(t.id, after) : undefined))
    .orderBy(desc(t.id)).limit(query.limit + 1);
  return rows as R['$inferSelect'][];
}

export type AssetRow = typeof assets.$inferSelect;

/** An asset the money scope sees (403 when `edit` and read-only), else 404. */
export async function findAsset(db: Db, s: MoneyScope, id: number, opts: { edit?: boolean } = {}): Promise<AssetRow> {
  const [a] = await db.select().from(assets).where(and(eq(assets.corpId, s.corpId), eq(assets.id, id)));
  return assertMoneyDoc(db, s, a, '资产', opts);
}

export async function updateAsset(db: Db, id: number, values: Partial<AssetRow>): Promise<void> {
  await db.update(assets).set(values).where(eq(assets.id, id));
}

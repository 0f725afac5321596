import type { z } from 'zod';
import type { PriceList, priceListBody, priceListPatch } from '@scrm/shared';
import type { Db } from '../../db/client';
import type { AuthUser } from '../../http/context';
import { errors } from '../../http/errors';
import { idNum } from '../../lib/ids';
import * as repo from './repo';
import { assertCatalogAdmin, assertSkus, presentPriceList, toMilli, uniqueOr409 } from './service';

type Item = { skuId: string; price: number; minQuantity: number };

/** Price items of the corp's SKUs; one price per (SKU, minimum quantity) (400 `duplicate_price_tier`). */
async function checkedItems(db: Db, corpId: number, items: Item[]) {
  await assertSkus(db, corpId, items.map((i) => idNum(i.skuId)));
  const rows = items.map((i) => ({ skuId: idNum(i.skuId), price: i.price, minQuantityMilli: toMilli(i.minQuantity) }));
  const keys = new Set(rows.map((r) => `${r.skuId}:${r.minQuantityMilli}`));
  if (keys.size !== rows.length) throw errors.badRequest('duplicate_price_tier', '同一 SKU 的同一起订量只能有一个价格');
  return rows;
}

function checkDates(from: string | null | undefined, to: string | null | undefined) {
  if (from && to && from > to) throw errors.badRequest('invalid_validity', '生效日期不能晚于失效日期');
}

/** All price lists of the corp (without items). */
export async function listPriceLists(db: Db, corpId: number): Promise<PriceList[]> {
  return (await repo.listPriceLists(db, corpId)).map((l) => presentPriceList(l));
}

/** A price list with its items (tiers), or 404. */
export async function getPriceList(db: Db, corpId: number, id: number): Promise<PriceList> {
  const l = await repo.findPriceList(db, corpId, id);
  if (!l) throw errors.notFound('价目表');
  return presentPriceList(l, await repo.itemsOfPriceList(db, l.id));
}

export async function createPriceList(db: Db, user: AuthUser, body: z.infer<typeof priceListBody>): Promise<PriceList> {
  assertCatalogAdmin(user);
  checkDates(body.validFrom, body.validTo);
  const { items, ...l } = body;
  const rows = await checkedItems(db, user.corpId, items ?? []);
  const id = await uniqueOr409(
    () => repo.insertPriceList(db, { ...l, corpId: user.corpId, customerGrade: l.customerGrade ?? null, region: l.region ?? null }),
    '价目表',
  );
  await repo.replacePriceItems(db, id, rows);
  if (l.isDefault) await repo.clearOtherDefaults(db, user.corpId, id);
  return getPriceList(db, user.corpId, id);
}

/** Edits a price list; `items` replaces all its items; a default list makes the others non-default. */
export async function patchPriceList(db: Db, user: AuthUser, id: number, body: z.infer<typeof priceListPatch>) {
  assertCatalogAdmin(user);
  const before = await repo.findPriceList(db, user.corpId, id);
  if (!before) throw errors.notFound('价目表');
  const { items, ...l } = body;
  checkDates(l.validFrom === undefined ? before.validFrom : l.validFrom, l.validTo === undefined ? before.validTo : l.validTo);
  if (items) await repo.replacePriceItems(db, before.id, await checkedItems(db, user.corpId, items));
  if (Object.keys(l).length) await uniqueOr409(() => repo.updatePriceList(db, user.corpId, before.id, l), '价目表');
  if (l.isDefault) await repo.clearOtherDefaults(db, user.corpId, before.id);
  return { before, after: await getPriceList(db, user.corpId, before.id) };
}

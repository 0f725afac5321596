import { randomBytes } from 'node:crypto';
import { normaliseCustomerName } from '@scrm/shared';
import { customers } from '../../src/db/schema/index';
import type { TestCorp, TestServer, TestUser } from '../harness';

/** 上海静安寺 (gcj02), the customer's site in these tests. */
export const SITE = { latitude: 31.2235, longitude: 121.4453 };

/** A customer owned by `owner`, with coordinates unless `noLocation`. */
export async function makeCustomer(t: TestServer, corp: TestCorp, owner: TestUser, opts: { noLocation?: boolean } = {}): Promise<string> {
  const name = `拜访测试客户${randomBytes(4).toString('hex')}`;
  const [row] = await t.db
    .insert(customers)
    .values({
      corpId: corp.id,
      name,
      nameKey: normaliseCustomerName(name),
      address: '上海市静安区南京西路',
      latitude: opts.noLocation ? null : SITE.latitude,
      longitude: opts.noLocation ? null : SITE.longitude,
      ownerId: owner.id,
      ownedAt: new Date(),
      createdBy: owner.id,
    })
    .$returningId();
  return String(row!.id);
}

/** Plans a visit through the API; `startIn` minutes from the clock's now, one hour long. */
export async function planVisit(t: TestServer, user: TestUser, customerId: string, extra: Record<string, unknown> = {}, startInMinutes = 0) {
  const start = new Date(t.clock.now().getTime() + startInMinutes * 60_000);
  const res = await user.api.post('/api/visits', {
    customerId,
    purpose: '产品演示',
    plannedStart: start.toISOString(),
    plannedEnd: new Date(start.getTime() + 3600_000).toISOString(),
    ...extra,
  });
  if (res.status !== 201) throw new Error(`plan failed ${res.status} ${res.text}`);
  return res.body as { id: string; [k: string]: any };
}

/** ~`metres` north of the site (1° latitude ≈ 111.2 km). */
export const northOf = (metres: number) => ({ latitude: SITE.latitude + metres / 111_195, longitude: SITE.longitude });

/** A minimal valid PNG (1×1). */
export const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

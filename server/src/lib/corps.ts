import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { corps } from '../db/schema/index';

/** The local corp row of a WeCom corp id, or undefined. */
export async function findCorpByWecomId(db: Db, wecomCorpId: string) {
  const [corp] = await db.select().from(corps).where(eq(corps.wecomCorpId, wecomCorpId)).limit(1);
  return corp;
}

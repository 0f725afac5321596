import { sql } from 'drizzle-orm';
import { DOC_PREFIXES, type DocType } from '@scrm/shared';
import type { Db } from '../../db/client';
import { dayjs } from '../../lib/time';

/**
 * Allocates the next number of a document type for the corp and the (Shanghai) year, e.g.
 * `HT-2026-000123`. One atomic upsert: the counter row is locked until the caller's transaction
 * ends, so concurrent documents never share a number and a rolled-back one frees nothing twice.
 */
export async function nextDocNumber(db: Db, corpId: number, type: DocType, now: Date): Promise<string> {
  const year = dayjs(now).utcOffset(480).year();
  const [res] = (await db.execute(
    sql`INSERT INTO doc_sequences (corp_id, doc_type, year, last_value) VALUES (${corpId}, ${type}, ${year}, LAST_INSERT_ID(1))
        ON DUPLICATE KEY UPDATE last_value = LAST_INSERT_ID(last_value + 1)`,
  )) as unknown as [{ insertId: number }];
  let value = Number(res.insertId);
  if (!value) {
    const [rows] = (await db.execute(sql`SELECT LAST_INSERT_ID() AS v`)) as unknown as [{ v: number }[]];
    value = Number(rows[0]!.v);
  }
  return `${DOC_PREFIXES[type]}-${year}-${String(value).padStart(6, '0')}`;
}

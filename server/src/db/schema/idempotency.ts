import { char, int, mysqlTable, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { json, pk, ref, utc } from '../columns';
import { tenant } from './corps';
import { users } from './org';

/** Stored answers of requests sent with an Idempotency-Key, so a retry replays instead of repeating. */
export const idempotencyKeys = mysqlTable(
  'idempotency_keys',
  {
    id: pk(),
    ...tenant(),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
    idemKey: varchar('idem_key', { length: 128 }).notNull(),
    requestHash: char('request_hash', { length: 64 }).notNull(),
    statusCode: int('status_code'),
    response: json<unknown>('response'),
    createdAt: utc('created_at')
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    // serves: replay lookup; the unique key also serialises two concurrent retries
    uniqueIndex('idempotency_keys_uq').on(t.corpId, t.userId, t.idemKey),
  ],
);

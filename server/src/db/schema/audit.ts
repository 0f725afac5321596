import { index, mysqlTable, varchar } from 'drizzle-orm/mysql-core';
import { json, pk, ref, utc } from '../columns';
import { tenant } from './corps';
import { users } from './org';

/** Who changed what, when, with before/after snapshots and the request id. */
export const auditLog = mysqlTable(
  'audit_log',
  {
    id: pk(),
    ...tenant(),
    userId: ref('user_id').references(() => users.id),
    action: varchar('action', { length: 64 }).notNull(),
    entityType: varchar('entity_type', { length: 64 }).notNull(),
    entityId: varchar('entity_id', { length: 32 }).notNull(),
    before: json<unknown>('before'),
    after: json<unknown>('after'),
    requestId: varchar('request_id', { length: 64 }),
    createdAt: utc('created_at')
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    // serves: history of one record
    index('audit_log_entity_idx').on(t.corpId, t.entityType, t.entityId),
    // serves: corp-wide audit trail by time
    index('audit_log_corp_time_idx').on(t.corpId, t.createdAt),
  ],
);

import { char, index, mysqlEnum, mysqlTable, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { pk, ref, utc } from '../columns';
import { tenant } from './corps';
import { users } from './org';

export const SESSION_KINDS = ['oauth', 'mp', 'dev'] as const;

/** Sign-in sessions: only an HMAC of the bearer token is stored; revocable; expiring. */
export const sessions = mysqlTable(
  'sessions',
  {
    id: pk(),
    ...tenant(),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
    tokenHash: char('token_hash', { length: 64 }).notNull(),
    kind: mysqlEnum('kind', SESSION_KINDS).notNull(),
    userAgent: varchar('user_agent', { length: 255 }),
    createdAt: utc('created_at').notNull(),
    expiresAt: utc('expires_at').notNull(),
    revokedAt: utc('revoked_at'),
  },
  (t) => [
    // serves: authenticating every request by token
    uniqueIndex('sessions_token_hash_uq').on(t.tokenHash),
    // serves: revoking all sessions of a user (disabled/deleted in WeCom)
    index('sessions_user_idx').on(t.userId),
  ],
);

import { mysqlTable, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { json, pk, ref, timestamps } from '../columns';

/** Corp-level settings; later issues add keys (pool defaults, lead-from-WeCom switch…). */
export interface CorpSettings {
  /** Roles that see every record of the corp. */
  allScopeRoles?: string[];
  /** Allowed customer grades, in display order (default A/B/C). */
  customerGrades?: string[];
  [key: string]: unknown;
}

/** One row per WeCom corp; every business table carries corp_id. */
export const corps = mysqlTable(
  'corps',
  {
    id: pk(),
    wecomCorpId: varchar('wecom_corp_id', { length: 64 }).notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    agentId: varchar('agent_id', { length: 16 }).notNull(),
    settings: json<CorpSettings>('settings').notNull().$defaultFn(() => ({})),
    ...timestamps(),
  },
  (t) => [
    // serves: resolving the corp of a callback / sign-in by its WeCom id
    uniqueIndex('corps_wecom_corp_id_uq').on(t.wecomCorpId),
  ],
);

/**
 * The tenant column every business table starts with: `corp_id BIGINT UNSIGNED NOT NULL`
 * referencing `corps`. Spread it: `{ id: pk(), ...tenant(), … }`.
 */
export const tenant = () => ({
  corpId: ref('corp_id')
    .notNull()
    .references(() => corps.id),
});

import { date, index, mysqlEnum, mysqlTable, text, uniqueIndex } from 'drizzle-orm/mysql-core';
import { REPORT_TYPES, type ReportAutoSummary } from '@scrm/shared';
import { json, pk, ref, timestamps, utc } from '../columns';
import { tenant } from './corps';
import { users } from './org';

/** 汇报: a daily or weekly work report to the author's leader. */
export const workReports = mysqlTable(
  'work_reports',
  {
    id: pk(),
    ...tenant(),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
    type: mysqlEnum('type', REPORT_TYPES).notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    /** the leader it is addressed to (resolved at submission) */
    toUserId: ref('to_user_id').references(() => users.id),
    done: text('done').notNull(),
    plans: text('plans').notNull(),
    problems: text('problems').notNull(),
    autoSummary: json<ReportAutoSummary>('auto_summary').notNull(),
    submittedAt: utc('submitted_at').notNull(),
    ...timestamps(),
  },
  (t) => [
    // serves: one report per person, type and period; "who has not reported"
    uniqueIndex('work_reports_period_uq').on(t.corpId, t.type, t.periodStart, t.userId),
    // serves: a person's reports newest first
    index('work_reports_user_idx').on(t.corpId, t.userId, t.id),
  ],
);

/** A leader's (or anyone in scope's) comment on a report. */
export const reportComments = mysqlTable(
  'report_comments',
  {
    id: pk(),
    ...tenant(),
    reportId: ref('report_id')
      .notNull()
      .references(() => workReports.id),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: utc('created_at').notNull(),
  },
  (t) => [
    // serves: comments of a report in order
    index('report_comments_report_idx').on(t.reportId, t.id),
  ],
);

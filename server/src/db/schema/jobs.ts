import { bigint, mysqlTable, primaryKey, text, varchar } from 'drizzle-orm/mysql-core';
import { utc } from '../columns';

/**
 * One row per pass of a periodic job and time slot (`runExclusive` in lib/jobs.ts): the instance
 * that inserts it runs the pass, every other instance skips it — each pass runs once, on one
 * instance, however many run the workers.
 */
export const jobRuns = mysqlTable(
  'job_runs',
  {
    name: varchar('name', { length: 64 }).notNull(),
    /** floor(start time / the job's interval). */
    slot: bigint('slot', { mode: 'number' }).notNull(),
    instance: varchar('instance', { length: 64 }).notNull(),
    startedAt: utc('started_at').notNull(),
    finishedAt: utc('finished_at'),
    /** The pass's result (JSON text) or its error, for operators. */
    outcome: text('outcome'),
  },
  (t) => [primaryKey({ columns: [t.name, t.slot] })],
);

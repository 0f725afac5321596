import { decimal, index, int, mysqlEnum, mysqlTable, primaryKey, text, tinyint, varchar } from 'drizzle-orm/mysql-core';
import { VISIT_OUTCOMES, VISIT_STORED_STATUSES, type VisitFlag } from '@scrm/shared';
import { json, pk, ref, timestamps, utc } from '../columns';
import { contacts } from './contacts';
import { tenant } from './corps';
import { customers } from './customers';
import { files } from './files';
import { followUps } from './follow_ups';
import { users } from './org';

/** gcj02 degrees, 7 decimals (~1 cm). */
const coord = (name: string) => decimal(name, { precision: 10, scale: 7, mode: 'number' });

/**
 * 拜访: plan → check-in/out (server time, position, photo, flags) → record (also a follow-up) →
 * review. One row per visit; the phases fill their columns in order.
 */
export const visits = mysqlTable(
  'visits',
  {
    id: pk(),
    ...tenant(),
    customerId: ref('customer_id')
      .notNull()
      .references(() => customers.id),
    assigneeId: ref('assignee_id')
      .notNull()
      .references(() => users.id),
    createdBy: ref('created_by')
      .notNull()
      .references(() => users.id),
    purpose: varchar('purpose', { length: 500 }).notNull(),
    plannedStart: utc('planned_start').notNull(),
    plannedEnd: utc('planned_end').notNull(),
    status: mysqlEnum('status', VISIT_STORED_STATUSES).notNull().default('planned'),
    /** When the WeCom reminder was queued; null = not yet. */
    remindedAt: utc('reminded_at'),

    checkInAt: utc('check_in_at'),
    checkInLat: coord('check_in_lat'),
    checkInLng: coord('check_in_lng'),
    checkInAccuracy: int('check_in_accuracy'),
    checkInDistance: int('check_in_distance'),
    checkInPhotoId: ref('check_in_photo_id').references(() => files.id),
    checkInFlags: json<VisitFlag[]>('check_in_flags'),

    checkOutAt: utc('check_out_at'),
    checkOutLat: coord('check_out_lat'),
    checkOutLng: coord('check_out_lng'),
    checkOutAccuracy: int('check_out_accuracy'),
    checkOutDistance: int('check_out_distance'),
    checkOutFlags: json<VisitFlag[]>('check_out_flags'),
    durationSeconds: int('duration_seconds'),

    summary: text('summary'),
    outcome: mysqlEnum('outcome', VISIT_OUTCOMES),
    nextSteps: varchar('next_steps', { length: 500 }),
    nextFollowUpAt: utc('next_follow_up_at'),
    recordedAt: utc('recorded_at'),
    followUpId: ref('follow_up_id').references(() => followUps.id),

    reviewerId: ref('reviewer_id').references(() => users.id),
    rating: tinyint('rating'),
    reviewComment: varchar('review_comment', { length: 1000 }),
    reviewedAt: utc('reviewed_at'),
    ...timestamps(),
  },
  (t) => [
    // serves: schedule and lists of a rep (or a team via IN) by planned time; per-rep statistics
    index('visits_corp_assignee_start_idx').on(t.corpId, t.assigneeId, t.plannedStart, t.id),
    // serves: all-scope schedule by planned time
    index('visits_corp_start_idx').on(t.corpId, t.plannedStart, t.id),
    // serves: a customer's visits, and "customers not visited in N days"
    index('visits_corp_customer_idx').on(t.corpId, t.customerId, t.checkInAt),
    // serves: the reminder job (planned visits starting soon, not yet reminded)
    index('visits_remind_idx').on(t.status, t.remindedAt, t.plannedStart),
    // serves: pending reviews (recorded, not reviewed) of a team
    index('visits_review_idx').on(t.corpId, t.reviewedAt, t.recordedAt),
  ],
);

/** Contacts met on a visit. */
export const visitContacts = mysqlTable(
  'visit_contacts',
  {
    visitId: ref('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    contactId: ref('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.visitId, t.contactId] }),
    // serves: visits a contact took part in
    index('visit_contacts_contact_idx').on(t.contactId),
  ],
);

import { bigint, boolean, index, int, mysqlEnum, mysqlTable, text, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { APPROVAL_HISTORY_ACTIONS, APPROVAL_STATUSES, STEP_MODES, type FlowDefinition } from '@scrm/shared';
import { json, moneyCol, pk, ref, timestamps, utc } from '../columns';
import { tenant } from './corps';
import { departments, users } from './org';

/** A published version of a document type's approval flow; instances pin the version they started with. */
export const approvalFlows = mysqlTable(
  'approval_flows',
  {
    id: pk(),
    ...tenant(),
    docType: varchar('doc_type', { length: 32 }).notNull(),
    version: int('version').notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    definition: json<FlowDefinition>('definition').notNull(),
    isActive: boolean('is_active').notNull().default(true),
    createdBy: ref('created_by').references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    // serves: next version number / one row per version
    uniqueIndex('approval_flows_version_uq').on(t.corpId, t.docType, t.version),
    // serves: the active flow of a document type
    index('approval_flows_active_idx').on(t.corpId, t.docType, t.isActive),
  ],
);

/** One approval run of one document. `draft` = returned to the applicant. */
export const approvalInstances = mysqlTable(
  'approval_instances',
  {
    id: pk(),
    ...tenant(),
    flowId: ref('flow_id')
      .notNull()
      .references(() => approvalFlows.id),
    docType: varchar('doc_type', { length: 32 }).notNull(),
    docId: bigint('doc_id', { mode: 'number', unsigned: true }).notNull(),
    applicantId: ref('applicant_id')
      .notNull()
      .references(() => users.id),
    departmentId: ref('department_id').references(() => departments.id),
    title: varchar('title', { length: 200 }).notNull(),
    summary: varchar('summary', { length: 1000 }).notNull().default(''),
    amount: moneyCol('amount'),
    currency: varchar('currency', { length: 3 }).notNull().default('CNY'),
    attributes: json<Record<string, unknown>>('attributes').notNull(),
    status: mysqlEnum('status', APPROVAL_STATUSES).notNull(),
    round: int('round').notNull().default(1),
    /** index into the flow's steps, null when not pending */
    currentStep: int('current_step'),
    decidedAt: utc('decided_at'),
    ...timestamps(),
  },
  (t) => [
    // serves: the approval of a document (lock check, resubmission)
    index('approval_instances_doc_idx').on(t.corpId, t.docType, t.docId),
    // serves: box=mine
    index('approval_instances_applicant_idx').on(t.corpId, t.applicantId, t.id),
  ],
);

export const STEP_STATUSES = ['pending', 'approved', 'rejected', 'returned', 'skipped', 'cancelled'] as const;
export const TASK_STATUSES = ['pending', 'approved', 'rejected', 'returned', 'transferred', 'cancelled'] as const;

/** id, corp and owning instance: the leading columns of every table that hangs off an approval instance. */
const instanceChildColumns = () => ({
  id: pk(),
  ...tenant(),
  instanceId: ref('instance_id')
    .notNull()
    .references(() => approvalInstances.id),
});

/** A step of an instance in one round (a return + resubmit starts a new round). */
export const approvalSteps = mysqlTable(
  'approval_steps',
  {
    ...instanceChildColumns(),
    round: int('round').notNull(),
    stepIndex: int('step_index').notNull(),
    name: varchar('name', { length: 50 }).notNull(),
    mode: mysqlEnum('mode', STEP_MODES).notNull(),
    status: mysqlEnum('status', STEP_STATUSES).notNull(),
    decidedAt: utc('decided_at'),
    ...timestamps(),
  },
  (t) => [
    // serves: steps of an instance in order
    uniqueIndex('approval_steps_uq').on(t.instanceId, t.round, t.stepIndex),
  ],
);

/** One approver's task on a step; `added` = added by an approver (加签), must approve too. */
export const approvalTasks = mysqlTable(
  'approval_tasks',
  {
    ...instanceChildColumns(),
    stepId: ref('step_id')
      .notNull()
      .references(() => approvalSteps.id),
    approverId: ref('approver_id')
      .notNull()
      .references(() => users.id),
    status: mysqlEnum('status', TASK_STATUSES).notNull(),
    added: boolean('added').notNull().default(false),
    comment: text('comment'),
    actedAt: utc('acted_at'),
    /** WeCom template card task_id, set when the card was sent */
    cardTaskId: varchar('card_task_id', { length: 128 }),
    /** response_code of the last card press (single-use), for update_template_card */
    cardResponseCode: varchar('card_response_code', { length: 256 }),
    ...timestamps(),
  },
  (t) => [
    // serves: box=todo / box=done (tasks of a user by status)
    index('approval_tasks_approver_idx').on(t.corpId, t.approverId, t.status, t.instanceId),
    // serves: tasks of an instance
    index('approval_tasks_instance_idx').on(t.instanceId, t.stepId),
    // serves: resolving a template_card_event by task_id
    index('approval_tasks_card_idx').on(t.cardTaskId),
  ],
);

/** Users copied on an instance (抄送). */
export const approvalCc = mysqlTable(
  'approval_cc',
  {
    ...instanceChildColumns(),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: utc('created_at').notNull(),
  },
  (t) => [
    // serves: box=cc; one row per user and instance
    uniqueIndex('approval_cc_uq').on(t.corpId, t.userId, t.instanceId),
  ],
);

/** Full history of an instance: every action and engine event. */
export const approvalHistory = mysqlTable(
  'approval_history',
  {
    ...instanceChildColumns(),
    action: mysqlEnum('action', APPROVAL_HISTORY_ACTIONS).notNull(),
    actorId: ref('actor_id').references(() => users.id),
    targetUserId: ref('target_user_id').references(() => users.id),
    stepIndex: int('step_index'),
    comment: text('comment'),
    via: mysqlEnum('via', ['app', 'card', 'system']).notNull(),
    createdAt: utc('created_at').notNull(),
  },
  (t) => [
    // serves: history of an instance in order
    index('approval_history_instance_idx').on(t.instanceId, t.id),
  ],
);

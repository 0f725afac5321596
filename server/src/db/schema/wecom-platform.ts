import { char, index, int, mysqlEnum, mysqlTable, text, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { json, pk, ref, timestamps, utc } from '../columns';
import { tenant } from './corps';
import { users } from './org';

/**
 * Access tokens and JS-SDK tickets, shared by every server instance. `leaseUntil` is the
 * cross-instance single-flight lock of a refresh.
 */
export const wecomTokens = mysqlTable(
  'wecom_tokens',
  {
    id: pk(),
    /** sha256 of (kind, corp, secret|agent): never the secret itself. */
    cacheKey: char('cache_key', { length: 64 }).notNull(),
    kind: varchar('kind', { length: 32 }).notNull(),
    value: varchar('value', { length: 1024 }),
    expiresAt: utc('expires_at'),
    leaseUntil: utc('lease_until'),
    leaseOwner: varchar('lease_owner', { length: 32 }),
    fetchCount: int('fetch_count').notNull().default(0),
    updatedAt: utc('updated_at').notNull(),
  },
  (t) => [
    // serves: token lookup and the refresh lease
    uniqueIndex('wecom_tokens_key_uq').on(t.cacheKey),
  ],
);

/** OAuth `state` values: bound to the browser (hash of a cookie nonce), single-use, short-lived. */
export const wecomOauthStates = mysqlTable(
  'wecom_oauth_states',
  {
    id: pk(),
    state: varchar('state', { length: 64 }).notNull(),
    browserHash: char('browser_hash', { length: 64 }).notNull(),
    redirectPath: varchar('redirect_path', { length: 1000 }).notNull(),
    createdAt: utc('created_at').notNull(),
    expiresAt: utc('expires_at').notNull(),
    usedAt: utc('used_at'),
  },
  (t) => [
    // serves: the OAuth callback consuming its state
    uniqueIndex('wecom_oauth_states_state_uq').on(t.state),
    // serves: purging expired states
    index('wecom_oauth_states_expires_idx').on(t.expiresAt),
  ],
);

export const QUEUE_STATUSES = ['pending', 'processing', 'done', 'dead'] as const;

/** The durable callback inbox: one row per distinct decrypted payload; processed by the inbox worker. */
export const wecomInbox = mysqlTable(
  'wecom_inbox',
  {
    id: pk(),
    /** sha256 of the whole decrypted payload: WeCom's retries and duplicates collapse here. */
    payloadHash: char('payload_hash', { length: 64 }).notNull(),
    wecomCorpId: varchar('wecom_corp_id', { length: 64 }).notNull(),
    /** `Event` or `Event:ChangeType`, e.g. `change_external_contact:add_external_contact`. */
    kind: varchar('kind', { length: 96 }).notNull(),
    /** Events with the same key are processed in arrival order (external contact, chat, or org). */
    orderKey: varchar('order_key', { length: 128 }).notNull(),
    payload: json<Record<string, unknown>>('payload').notNull(),
    status: mysqlEnum('status', QUEUE_STATUSES).notNull().default('pending'),
    attempts: int('attempts').notNull().default(0),
    /** When the row may be claimed next (retry back-off, or the end of a processing lease). */
    nextAttemptAt: utc('next_attempt_at').notNull(),
    lockedBy: varchar('locked_by', { length: 32 }),
    lastError: text('last_error'),
    receivedAt: utc('received_at').notNull(),
    processedAt: utc('processed_at'),
  },
  (t) => [
    // serves: dedupe of identical payloads at intake
    uniqueIndex('wecom_inbox_hash_uq').on(t.payloadHash),
    // serves: the worker's claim query (status, due time)
    index('wecom_inbox_claim_idx').on(t.status, t.nextAttemptAt),
    // serves: the claim's head check (an earlier unfinished event of the same key)
    index('wecom_inbox_order_idx').on(t.orderKey, t.id),
  ],
);

/** Outbound app messages (`message/send`), sent at least once by the outbox worker; deduplicated per corp. */
export const wecomOutbox = mysqlTable(
  'wecom_outbox',
  {
    id: pk(),
    ...tenant(),
    dedupeKey: varchar('dedupe_key', { length: 191 }).notNull(),
    toUsers: json<string[]>('to_users').notNull(),
    msgType: varchar('msg_type', { length: 32 }).notNull(),
    message: json<Record<string, unknown>>('message').notNull(),
    /** template_card task_id, to route `template_card_event` back to the sender. */
    taskId: varchar('task_id', { length: 128 }),
    sourceModule: varchar('source_module', { length: 64 }),
    sourceRef: varchar('source_ref', { length: 128 }),
    status: mysqlEnum('status', QUEUE_STATUSES).notNull().default('pending'),
    attempts: int('attempts').notNull().default(0),
    nextAttemptAt: utc('next_attempt_at').notNull(),
    /** The claim token of the worker sending it: the send and the "done" mark are fenced by it. */
    lockedBy: varchar('locked_by', { length: 32 }),
    lastError: text('last_error'),
    /** WeCom's msgid and the card's response_code, once sent. */
    msgId: varchar('msg_id', { length: 128 }),
    responseCode: varchar('response_code', { length: 256 }),
    createdAt: utc('created_at').notNull(),
    sentAt: utc('sent_at'),
  },
  (t) => [
    // serves: at-most-one message per dedupe key
    uniqueIndex('wecom_outbox_dedupe_uq').on(t.corpId, t.dedupeKey),
    // serves: the worker's claim query
    index('wecom_outbox_claim_idx').on(t.status, t.nextAttemptAt),
    // serves: routing template_card_event by task_id
    index('wecom_outbox_task_idx').on(t.corpId, t.taskId),
  ],
);

/** External group chats (客户群) mirrored from `groupchat/get`. */
export const wecomGroupChats = mysqlTable(
  'wecom_group_chats',
  {
    id: pk(),
    ...tenant(),
    chatId: varchar('chat_id', { length: 64 }).notNull(),
    name: varchar('name', { length: 200 }).notNull().default(''),
    ownerWecomUserId: varchar('owner_wecom_user_id', { length: 64 }),
    ownerUserId: ref('owner_user_id').references(() => users.id),
    /** `[{userid, type 1=member 2=external, joinTime, name?}]` as last mirrored. */
    members: json<{ userid: string; type: number; joinTime?: number; name?: string }[]>('members').notNull(),
    dismissedAt: utc('dismissed_at'),
    ...timestamps(),
  },
  (t) => [
    // serves: upsert from change_external_chat
    uniqueIndex('wecom_group_chats_uq').on(t.corpId, t.chatId),
  ],
);

export const TRANSFER_KINDS = ['in_service', 'resigned'] as const;

/** Customer handovers requested through WeCom (both sides recorded), with WeCom's answer. */
export const wecomTransfers = mysqlTable(
  'wecom_transfers',
  {
    id: pk(),
    ...tenant(),
    kind: mysqlEnum('kind', TRANSFER_KINDS).notNull(),
    externalUserId: varchar('external_userid', { length: 64 }).notNull(),
    handoverUserId: varchar('handover_userid', { length: 64 }).notNull(),
    takeoverUserId: varchar('takeover_userid', { length: 64 }).notNull(),
    /** requested (waiting for WeCom's 24 h), failed (errcode), refused / limit (transfer_fail callback). */
    status: varchar('status', { length: 32 }).notNull(),
    errcode: int('errcode'),
    message: varchar('message', { length: 500 }),
    requestedBy: ref('requested_by').references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    // serves: matching transfer_fail callbacks and the 90-day limit explanation
    index('wecom_transfers_ext_idx').on(t.corpId, t.externalUserId, t.createdAt),
  ],
);

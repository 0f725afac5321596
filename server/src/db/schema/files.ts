import { index, int, mysqlTable, primaryKey, char, varchar, bigint } from 'drizzle-orm/mysql-core';
import { pk, ref, utc } from '../columns';
import { tenant } from './corps';
import { users } from './org';

/** One uploaded file (photo, voucher…); bytes live under UPLOAD_DIR by content hash. */
export const files = mysqlTable(
  'files',
  {
    id: pk(),
    ...tenant(),
    uploaderId: ref('uploader_id')
      .notNull()
      .references(() => users.id),
    sha256: char('sha256', { length: 64 }).notNull(),
    contentType: varchar('content_type', { length: 64 }).notNull(),
    size: int('size').notNull(),
    originalName: varchar('original_name', { length: 200 }),
    createdAt: utc('created_at').notNull(),
  },
  (t) => [
    // serves: files of a corp by hash (dedupe statistics, cleanup)
    index('files_corp_hash_idx').on(t.corpId, t.sha256),
  ],
);

/** Which document a file is attached to; decides who else may download it. */
export const fileLinks = mysqlTable(
  'file_links',
  {
    fileId: ref('file_id')
      .notNull()
      .references(() => files.id),
    ...tenant(),
    docType: varchar('doc_type', { length: 32 }).notNull(),
    docId: bigint('doc_id', { mode: 'number', unsigned: true }).notNull(),
    createdAt: utc('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.fileId, t.docType, t.docId] }),
    // serves: attachments of a document
    index('file_links_doc_idx').on(t.corpId, t.docType, t.docId),
  ],
);

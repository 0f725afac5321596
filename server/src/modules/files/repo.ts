import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { fileLinks, files } from '../../db/schema/index';

export type FileRow = typeof files.$inferSelect;
export type FileLinkRow = typeof fileLinks.$inferSelect;

/** A file of the corp by id. */
export const findFile = async (db: Db, corpId: number, id: number): Promise<FileRow | undefined> =>
  (await db.select().from(files).where(and(eq(files.id, id), eq(files.corpId, corpId))))[0];

/** Files of the corp among `ids` (any uploader). */
export const filesByIds = (db: Db, corpId: number, ids: number[]): Promise<FileRow[]> =>
  ids.length ? db.select().from(files).where(and(eq(files.corpId, corpId), inArray(files.id, ids))) : Promise.resolve([]);

/** Records a stored file; returns the new row. */
export async function insertFile(db: Db, values: typeof files.$inferInsert): Promise<FileRow> {
  const [ins] = await db.insert(files).values(values).$returningId();
  const [row] = await db.select().from(files).where(and(eq(files.id, ins!.id), eq(files.corpId, values.corpId)));
  return row!;
}

/** Removes every link of one document. */
export const unlinkDocument = (db: Db, corpId: number, docType: string, docId: number) =>
  db.delete(fileLinks).where(and(eq(fileLinks.corpId, corpId), eq(fileLinks.docType, docType), eq(fileLinks.docId, docId)));

/** Links files to a document (already-linked ones stay as they are). */
export async function linkFiles(db: Db, corpId: number, docType: string, docId: number, fileIds: number[], now: Date): Promise<void> {
  if (!fileIds.length) return;
  await db
    .insert(fileLinks)
    .values(fileIds.map((fileId) => ({ fileId, corpId, docType, docId, createdAt: now })))
    .onDuplicateKeyUpdate({ set: { fileId: fileLinks.fileId } as never });
}

/** Files attached to a document, in upload order. */
export async function filesOfDocument(db: Db, corpId: number, docType: string, docId: number): Promise<FileRow[]> {
  const rows = await db
    .select({ f: files })
    .from(fileLinks)
    .innerJoin(files, eq(files.id, fileLinks.fileId))
    .where(and(eq(fileLinks.corpId, corpId), eq(fileLinks.docType, docType), eq(fileLinks.docId, docId)))
    .orderBy(files.id);
  return rows.map((r) => r.f);
}

/** The documents a file of the corp is attached to. */
export const linksOfFile = (db: Db, corpId: number, fileId: number): Promise<FileLinkRow[]> =>
  db.select().from(fileLinks).where(and(eq(fileLinks.fileId, fileId), eq(fileLinks.corpId, corpId)));

import type { Db } from '../db/client';
import { auditLog } from '../db/schema/index';

/** One audit entry as a module describes it; who/when/request are added by the route layer. */
export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: number | string;
  before?: unknown;
  after?: unknown;
}

/** Writes an audit row in the caller's transaction, so the trail and the change commit together. */
export async function writeAudit(
  db: Db,
  entry: AuditEntry & { corpId: number; userId: number | null; requestId: string | null; at: Date },
): Promise<void> {
  await db.insert(auditLog).values({
    corpId: entry.corpId,
    userId: entry.userId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: entry.requestId,
    createdAt: entry.at,
  });
}

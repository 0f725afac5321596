import { VISIT_OUTCOME_LABELS, type VisitOutcome } from '@scrm/shared';
import type { Db } from '../../db/client';
import { followUpContacts, followUps } from '../../db/schema/index';
import { addFollowUpToRollups, lockCustomerForRollups } from '../customers/rollups';

export interface VisitFollowUp {
  corpId: number;
  customerId: number;
  authorId: number;
  contactIds: number[];
  summary: string;
  outcome: VisitOutcome;
  nextSteps: string | null;
  nextFollowUpAt: Date | null;
  /** When the visit happened (its check-in), not when the record was typed. */
  occurredAt: Date;
  photoFileId: number | null;
  now: Date;
}

/**
 * Puts a visit record on the customer's timeline as a `visit` follow-up (same row shape the
 * follow-ups module writes) and updates the customer's follow-up rollups in the same transaction:
 * customer row lock first, then the follow-up row, then the rollups (see customers/rollups.ts).
 */
export async function addVisitFollowUp(db: Db, f: VisitFollowUp): Promise<number> {
  const locked = await lockCustomerForRollups(db, f.corpId, f.customerId);
  const [row] = await db
    .insert(followUps)
    .values({
      corpId: f.corpId,
      type: 'visit',
      content: `${f.summary}\n拜访结果：${VISIT_OUTCOME_LABELS[f.outcome]}`,
      images: f.photoFileId ? [String(f.photoFileId)] : [],
      customerId: f.customerId,
      contactId: f.contactIds[0] ?? null,
      nextStep: f.nextSteps,
      nextFollowUpAt: f.nextFollowUpAt,
      occurredAt: f.occurredAt,
      authorId: f.authorId,
      createdAt: f.now,
      updatedAt: f.now,
    })
    .$returningId();
  const followUpId = row!.id;
  if (f.contactIds.length) {
    await db.insert(followUpContacts).values(f.contactIds.map((contactId) => ({ followUpId, contactId })));
  }
  if (locked) await addFollowUpToRollups(db, locked, { occurredAt: f.occurredAt, nextFollowUpAt: f.nextFollowUpAt });
  return followUpId;
}

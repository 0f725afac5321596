import type { ApprovalDocType } from '@scrm/shared';
import type { Db } from '../../db/client';
import type { approvalInstances } from '../../db/schema/index';
import type { AppDeps } from '../../http/context';

/** Types shared by the engine, its notifications and the documents that plug in (no imports back: no cycle). */
export type Instance = typeof approvalInstances.$inferSelect;
export type Via = 'app' | 'card' | 'system';
/** How an instance ended (or went back to the applicant). */
export type ApprovalDecision = 'approved' | 'rejected' | 'withdrawn' | 'returned';

export interface DecisionEvent {
  corpId: number;
  docType: ApprovalDocType;
  docId: number;
  instanceId: number;
  decision: ApprovalDecision;
  actorId: number | null;
  comment: string | null;
  deps: AppDeps;
}
export type DecisionHandler = (db: Db, ev: DecisionEvent) => Promise<void>;

import type { AppModule } from '../types';
import { registerApprovalCards } from './cards';
import { approvalRoutes } from './routes';

/** Hooks approvals into WeCom (card presses, the outbox "still wanted?" check); idempotent. */
export function wireApprovals(): void {
  registerApprovalCards();
}

/** The approval engine: inbox, actions, flow versions; documents plug in through service.ts. */
export const approvalsModule: AppModule = { name: 'approvals', routes: approvalRoutes, wire: wireApprovals };

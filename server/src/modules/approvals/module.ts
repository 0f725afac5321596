import type { AppModule } from '../types';
import { approvalRoutes } from './routes';

/** The approval engine: inbox, actions, flow versions; documents plug in through service.ts. */
export const approvalsModule: AppModule = { name: 'approvals', routes: approvalRoutes };

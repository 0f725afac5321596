import { authRoutes } from '../auth/routes';
import { orgModule } from './org/module';
import { approvalsModule } from './approvals/module';
import { filesModule } from './files/module';
import { expensesModule } from './expenses/module';
import { reportsModule } from './reports/module';
import type { AppModule } from './types';
import { poolsModule } from './pools/module';
import { customersModule } from './customers/module';
import { contactsModule } from './contacts/module';
import { followUpsModule } from './followups/module';
import { sidebarModule } from './sidebar/module';
import { contractsModule } from './contracts/module';
import { receiptsModule } from './receipts/module';
import { fulfilmentModule } from './fulfilment/module';
import { erpModule } from './erp/module';
import { performanceModule } from './performance/module';
import { wecomModule } from '../wecom/module';
import { visitsModule } from './visits/module';
import { catalogModule } from './catalog/module';
import { opportunitiesModule } from './opportunities/module';
import { quotesModule } from './quotes/module';
import { leadsModule } from './leads/module';
import { campaignsModule } from './campaigns/module';

/**
 * Every module of the server, in dependency order (seeds run in this order).
 * Add one line per module; nothing else needs editing to mount routes, workers or seeds.
 */
export const modules: AppModule[] = [
  { name: 'auth', routes: authRoutes },
  orgModule,
  wecomModule,
  poolsModule,
  customersModule,
  contactsModule,
  followUpsModule,
  catalogModule,
  opportunitiesModule,
  quotesModule,
  sidebarModule,
  approvalsModule,
  filesModule,
  expensesModule,
  reportsModule,
  visitsModule,
  contractsModule,
  receiptsModule,
  fulfilmentModule,
  erpModule,
  performanceModule,
  leadsModule,
  campaignsModule,
];

/**
 * Runs every module's `wire` hook (idempotent): createApp calls it, and so does anything that runs
 * module code without an app (the demo seed decides approvals and refreshes rollups).
 */
export function wireModules(): void {
  for (const m of modules) m.wire?.();
}

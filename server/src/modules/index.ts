import { authRoutes } from '../auth/routes';
import type { AppModule } from './types';
import { poolsModule } from './pools/module';
import { customersModule } from './customers/module';
import { contactsModule } from './contacts/module';
import { followUpsModule } from './followups/module';
import { sidebarModule } from './sidebar/module';
import { contractsModule } from './contracts/index';
import { receiptsModule } from './receipts/index';
import { fulfilmentModule } from './fulfilment/index';
import { erpModule } from './erp/index';
import { performanceModule } from './performance/index';
import { wecomModule } from '../wecom/module';
import { approvalsModule } from './approvals/module';
import { filesModule } from './files/module';
import { catalogModule } from './catalog/module';
import { opportunitiesModule } from './opportunities/module';
import { quotesModule } from './quotes/module';
import { visitsModule } from './visits/index';
import { expensesModule } from './expenses/module';
import { reportsModule } from './reports/module';

/**
 * Every module of the server, in dependency order (seeds run in this order).
 * Add one line per module; nothing else needs editing to mount routes, workers or seeds.
 */
export const modules: AppModule[] = [
  { name: 'auth', routes: authRoutes },
  wecomModule,
  poolsModule,
  customersModule,
  contactsModule,
  followUpsModule,
  sidebarModule,
  approvalsModule,
  filesModule,
  catalogModule,
  opportunitiesModule,
  quotesModule,
  visitsModule,
  contractsModule,
  receiptsModule,
  fulfilmentModule,
  erpModule,
  performanceModule,
  expensesModule,
  reportsModule,
];

import type { AppModule } from '../types';
import { gradeRoutes } from './grades';
import { startCustomerRollupRepairWorker } from './rollup-repair';
import { customerRoutes } from './routes';
import { seedCustomersDemo } from './seed';

/** Customers (客户): CRUD, collaborators, pool actions, timeline, import/export, demo book; nightly rollup repair. */
export const customersModule: AppModule = {
  name: 'customers',
  routes: [...customerRoutes, ...gradeRoutes],
  startWorkers: (deps) => [startCustomerRollupRepairWorker(deps)],
  seedDemo: seedCustomersDemo,
};

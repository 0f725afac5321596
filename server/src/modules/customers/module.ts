import type { AppModule } from '../types';
import { gradeRoutes } from './grades';
import { customerRoutes } from './routes';
import { seedCustomersDemo } from './seed';

/** Customers (客户): CRUD, collaborators, pool actions, timeline, import/export, demo book. */
export const customersModule: AppModule = { name: 'customers', routes: [...customerRoutes, ...gradeRoutes], seedDemo: seedCustomersDemo };

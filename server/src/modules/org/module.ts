import type { AppModule } from '../types';
import { orgRoutes } from './routes';

/** The corp's org as pickers see it: departments (tree, member counts) and active colleagues. */
export const orgModule: AppModule = { name: 'org', routes: orgRoutes };

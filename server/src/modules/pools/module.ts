import type { AppModule } from '../types';
import { leadActionRoutes } from '../leads/action-routes';
import { poolRoutes } from './routes';
import { startPoolWorkers } from './reclaim';

/** Pools (公海 / 线索池): settings, rules, the reclaim + reminder job, action statistics, lead actions. */
export const poolsModule: AppModule = { name: 'pools', routes: [...poolRoutes, ...leadActionRoutes], startWorkers: startPoolWorkers };

import type { AppModule } from '../types';
import { poolRoutes } from './routes';
import { startPoolWorkers } from './reclaim';

/** Pools (公海 / 线索池): settings, rules, the reclaim + reminder job, action statistics. */
export const poolsModule: AppModule = { name: 'pools', routes: poolRoutes, startWorkers: startPoolWorkers };

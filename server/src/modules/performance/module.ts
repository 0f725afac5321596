import type { AppModule } from '../types';
import { performanceRoutes } from './routes';

/** 业绩: booked / received / invoiced against monthly targets, ranking, commission preview. */
export const performanceModule: AppModule = { name: 'performance', routes: performanceRoutes };

import type { AppModule } from '../types';
import { followUpRoutes } from './routes';

/** Follow-ups (跟进记录) on customers, contacts, leads and opportunities. */
export const followUpsModule: AppModule = { name: 'followups', routes: followUpRoutes };

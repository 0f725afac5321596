import type { AppModule } from '../types';
import { leadRoutes } from './routes';

/** Leads (线索): list, create with duplicate check, detail, edit, timeline, import, conversion reports. Actions incl. convert: `action-routes.ts` (pools module). */
export const leadsModule: AppModule = { name: 'leads', routes: leadRoutes };

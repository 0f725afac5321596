import type { AppModule } from '../types';
import { erpRoutes } from './routes';

/** ERP-facing sync (JSON batches and Excel import), keyed by the ERP's external codes. */
export const erpModule: AppModule = { name: 'erp', routes: erpRoutes };

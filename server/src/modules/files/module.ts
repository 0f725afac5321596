import type { AppModule } from '../types';
import { fileRoutes } from './routes';

/** Uploads (photos, vouchers) stored by content hash; other modules attach them to documents. */
export const filesModule: AppModule = { name: 'files', routes: fileRoutes };

import type { AppModule } from '../types';
import { catalogRoutes } from './routes';
import { seedCatalogDemo } from './seed';

/** Product catalog (categories, products, SKUs) and price lists, with the ERP upsert. */
export const catalogModule: AppModule = { name: 'catalog', routes: catalogRoutes, seedDemo: seedCatalogDemo };

import type { AppModule } from '../types';
import { contactRoutes } from './routes';

/** Contacts (联系人): people at customers, bound one-to-one to WeCom external contacts. */
export const contactsModule: AppModule = { name: 'contacts', routes: contactRoutes };

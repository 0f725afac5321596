import type { AppModule } from '../types';
import { sidebarRoutes } from './routes';

/** The WeCom chat sidebar: context of an external contact, binding, group chats. */
export const sidebarModule: AppModule = { name: 'sidebar', routes: sidebarRoutes };

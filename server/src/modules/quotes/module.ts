import type { AppModule } from '../types';
import { quoteRoutes } from './routes';
import { wireQuotes } from './service';

/** Quotes: versions pushed down from opportunity lines, discount approval, printable page. */
export const quotesModule: AppModule = { name: 'quotes', routes: quoteRoutes, wire: wireQuotes };

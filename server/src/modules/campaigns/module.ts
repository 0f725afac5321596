import type { AppModule } from '../types';
import { campaignRoutes } from './routes';
import { seedCampaignsDemo } from './seed';

/** Campaigns (市场活动): vendors, costs, payments, computed results, the public web-to-lead form; demo campaigns + leads. */
export const campaignsModule: AppModule = { name: 'campaigns', routes: campaignRoutes, seedDemo: seedCampaignsDemo };

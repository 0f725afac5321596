import type { AppModule } from '../types';
import { opportunityDetailRoutes } from './detail-routes';
import { pipelineRoutes } from './pipeline';
import { opportunityRoutes } from './routes';
import { seedOpportunitiesDemo } from './seed';
import { registerStageTimeline } from './timeline';

/** Opportunities: stage engine, lines, contacts (relationship map), sales support, pipeline. */
export const opportunitiesModule: AppModule = {
  name: 'opportunities',
  routes: [...opportunityRoutes, ...opportunityDetailRoutes, ...pipelineRoutes],
  // Stage changes on the customer timeline (idempotent).
  wire: registerStageTimeline,
  seedDemo: seedOpportunitiesDemo,
};

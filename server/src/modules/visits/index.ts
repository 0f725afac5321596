import type { AppModule } from '../types';
import { startVisitReminderWorker } from './reminders';
import { visitRoutes } from './routes';
import { seedVisits } from './seed';

/** 拜访: plans, schedule, check-in/out, records (→ follow-ups), reviews, statistics, reminders. */
export const visitsModule: AppModule = {
  name: 'visits',
  routes: visitRoutes,
  startWorkers: startVisitReminderWorker,
  seedDemo: seedVisits,
};

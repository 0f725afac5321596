import type { AppModule } from '../types';
import { registerVisitPhotoVisibility } from './photos';
import { startVisitReminderWorker } from './reminders';
import { visitRoutes } from './routes';
import { seedVisits } from './seed';

/** 拜访: plans, schedule, check-in/out, records (→ follow-ups), reviews, statistics, reminders. */
export const visitsModule: AppModule = {
  name: 'visits',
  routes: visitRoutes,
  // Check-in photos may be downloaded by whoever sees the visit (idempotent).
  wire: registerVisitPhotoVisibility,
  startWorkers: startVisitReminderWorker,
  seedDemo: seedVisits,
};

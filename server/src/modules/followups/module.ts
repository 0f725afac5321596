import type { AppModule } from '../types';
import { startFollowUpReminderWorker } from './reminders';
import { followUpRoutes } from './routes';

/** Follow-ups (跟进记录) on customers, contacts, leads and opportunities; the next-follow-up reminder job. */
export const followUpsModule: AppModule = { name: 'followups', routes: followUpRoutes, startWorkers: (deps) => [startFollowUpReminderWorker(deps)] };

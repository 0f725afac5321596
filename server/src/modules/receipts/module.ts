import type { AppModule } from '../types';
import { startOverdueWorker } from './overdue';
import { receiptRoutes } from './routes';

/** 收款单 / 退款单 / 应收单, and the daily overdue job. */
export const receiptsModule: AppModule = { name: 'receipts', routes: receiptRoutes, startWorkers: (deps) => [startOverdueWorker(deps)] };

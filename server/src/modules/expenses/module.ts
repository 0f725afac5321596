import type { AppModule } from '../types';
import { expenseRoutes } from './routes';
import { seedExpensesDemo } from './seed';
import { wireExpenses } from './service';

/** Expense claims (vouchers, approval, reimbursement), categories and limits, advances and offsets. */
export const expensesModule: AppModule = { name: 'expenses', routes: expenseRoutes, wire: wireExpenses, seedDemo: seedExpensesDemo };

import type { AppModule } from '../types';
import { wireChangeApprovals } from './changes';
import { instalmentRoutes } from './instalments';
import { registerMoneyRollups } from './rollups';
import { contractRoutes } from './routes';
import { seedContracts } from './seed';
import { wireContractApprovals } from './service';

wireContractApprovals();
wireChangeApprovals();
registerMoneyRollups();

/** 合同 / 回款计划 / 变更: the money core's forward documents. */
export const contractsModule: AppModule = { name: 'contracts', routes: [...contractRoutes, ...instalmentRoutes], seedDemo: seedContracts };

import type { AppModule } from '../types';
import { wireChangeApprovals } from './changes';
import { instalmentRoutes } from './instalment-routes';
import { registerMoneyRollups } from './rollups';
import { contractRoutes } from './routes';
import { seedContracts } from './seed';
import { wireContractApprovals } from './service';

/**
 * Hooks contracts into the rest of the server (idempotent): approval outcomes of contracts and
 * contract / plan changes, and the customers' money rollups (contract total, amount received).
 */
export function wireContracts(): void {
  wireContractApprovals();
  wireChangeApprovals();
  registerMoneyRollups();
}

/** 合同 / 回款计划 / 变更: the money core's forward documents. */
export const contractsModule: AppModule = {
  name: 'contracts',
  routes: [...contractRoutes, ...instalmentRoutes],
  wire: wireContracts,
  seedDemo: seedContracts,
};

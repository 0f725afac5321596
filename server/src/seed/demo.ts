import type { AppDeps } from '../http/context';
import { modules, wireModules } from '../modules/index';
import { DEMO_DEPARTMENTS, DEMO_USERS, ensureCorp, ensureDepartments, ensureUsers } from './org';

/**
 * Seeds the demo corp named by WECOM_CORP_ID (demo and test modes): org, users, then each
 * module's demo data. Idempotent: running it again changes nothing.
 */
export async function seedDemo(deps: AppDeps): Promise<void> {
  const { corpId: wecomCorpId, agentId } = deps.config.wecom;
  // Seeds decide approvals and refresh rollups, so the modules' hooks must be in place (main.ts seeds before createApp).
  wireModules();
  await deps.db.transaction(async (db) => {
    const corpId = await ensureCorp(db, wecomCorpId, '演示科技有限公司', agentId);
    const departments = await ensureDepartments(db, corpId, DEMO_DEPARTMENTS);
    const users = await ensureUsers(db, corpId, DEMO_USERS, departments);
    for (const m of modules) {
      if (m.seedDemo) await m.seedDemo({ deps, db, corpId, users, departments });
    }
  });
}

import type { Db } from '../db/client';
import type { AppDeps } from '../http/context';
import { findCorpByWecomId } from '../lib/corps';
import { ensureCorp } from '../seed/org';

/** The local corp row of a WeCom corp id, created on first contact (production has no seed). */
export async function ensureLocalCorp(db: Db, deps: AppDeps, wecomCorpId: string): Promise<number> {
  const corp = await findCorpByWecomId(db, wecomCorpId);
  if (corp) return corp.id;
  return ensureCorp(db, wecomCorpId, wecomCorpId, deps.config.wecom.agentId);
}

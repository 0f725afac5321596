import type { LeadConvertBody } from '@scrm/shared';
import { opportunityBody } from '@scrm/shared';
import type { DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import type { leads } from '../../db/schema/index';
import type { AppDeps, AuthUser } from '../../http/context';
import type { AuditEntry } from '../../lib/audit';
import { idNum, idStr } from '../../lib/ids';
import { createOpportunity } from '../opportunities/service';

/** Who converts, as the conversion's opportunity needs it. */
export interface ConversionCaller {
  user: AuthUser;
  scope: DataScope;
  deps: AppDeps;
  audit: (e: AuditEntry) => Promise<void>;
}

/**
 * Opens the conversion's opportunity through the opportunities module's create command
 * (`createOpportunity`), so stage set, first stage, history and customer rollups follow that
 * module's rules; the new contact is attached.
 */
export async function createOpportunityForConversion(
  db: Db,
  c: ConversionCaller,
  customerId: number,
  contactId: number,
  lead: typeof leads.$inferSelect,
  o: NonNullable<LeadConvertBody['opportunity']>,
): Promise<number> {
  const body = opportunityBody.parse({
    customerId: idStr(customerId),
    name: o.name,
    amount: o.amount,
    expectedCloseDate: o.expectedCloseDate ?? null,
    source: lead.source ?? undefined,
    need: lead.need ?? undefined,
    contactIds: [idStr(contactId)],
  });
  const out = await createOpportunity(db, c.user, c.scope, body, c.deps.now());
  await c.audit({ action: 'create', entityType: 'opportunity', entityId: out.id, after: out });
  return idNum(out.id);
}

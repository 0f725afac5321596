import { opportunityBody, type LeadConvertBody } from '@scrm/shared';
import type { Db } from '../../db/client';
import type { leads } from '../../db/schema/index';
import type { HandlerArgs } from '../../http/route';
import { idNum, idStr } from '../../lib/ids';
import { opportunityRoutes } from '../opportunities/routes';
import type { ConvertInput } from './convert';

/**
 * Opens the conversion's opportunity through the opportunities module's own create command (its
 * `POST /api/opportunities` handler, which has no separate service function), so stage set, first
 * stage, history and customer rollups follow that module's rules; the new contact is attached.
 */
export async function createOpportunityForConversion(
  db: Db,
  c: ConvertInput,
  customerId: number,
  contactId: number,
  lead: typeof leads.$inferSelect,
  o: NonNullable<LeadConvertBody['opportunity']>,
): Promise<number> {
  const create = opportunityRoutes.find((r) => r.method === 'post' && r.path === '/api/opportunities');
  if (!create) throw new Error('opportunities module has no create route');
  const body = opportunityBody.parse({
    customerId: idStr(customerId),
    name: o.name,
    amount: o.amount,
    expectedCloseDate: o.expectedCloseDate ?? null,
    source: lead.source ?? undefined,
    need: lead.need ?? undefined,
    contactIds: [idStr(contactId)],
  });
  const args = { db, body, user: c.user, scope: async () => c.scope, deps: c.deps, audit: c.audit } as unknown as HandlerArgs<unknown, unknown, unknown>;
  const out = (await create.handler(args)) as { id: string };
  return idNum(out.id);
}

import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contacts, externalContacts, leads } from '../../db/schema/index';
import type { AppDeps } from '../../http/context';
import { isDuplicateKey } from '../../http/errors';
import { defaultPoolId } from '../pools/repo';
import { recordAction } from '../pools/actions-log';

export interface CreateLeadFromExternalContactArgs {
  corpId: number;
  /** The employee who added the external contact; null puts the lead into the default lead pool. */
  ownerUserId: number | null;
  /** `external_contacts.id` (local id, not the external_userid). */
  externalContactId: number;
  name: string;
  company?: string | null;
  source?: string;
}

/**
 * Creates a lead for a WeCom external contact an employee just added (called by the WeCom
 * callback handler). Idempotent per (corp, external contact): when the external contact is
 * already a lead, returns that lead with `created: false`; when it is already bound to a contact,
 * does nothing and returns the lead converted into that contact, or `leadId: 0`.
 */
export async function createLeadFromExternalContact(
  db: Db,
  deps: AppDeps,
  args: CreateLeadFromExternalContactArgs,
): Promise<{ leadId: number; created: boolean }> {
  const { corpId, externalContactId } = args;
  const [ext] = await db
    .select({ id: externalContacts.id })
    .from(externalContacts)
    .where(and(eq(externalContacts.corpId, corpId), eq(externalContacts.id, externalContactId)));
  if (!ext) throw new Error(`external contact ${externalContactId} is not in corp ${corpId}`);
  const existing = await findLeadOfExternalContact(db, corpId, externalContactId);
  if (existing) return { leadId: existing, created: false };
  const [contact] = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.corpId, corpId), eq(contacts.externalContactId, externalContactId)));
  if (contact) {
    const [converted] = await db
      .select({ id: leads.id })
      .from(leads)
      .where(and(eq(leads.corpId, corpId), eq(leads.convertedContactId, contact.id)))
      .limit(1);
    return { leadId: converted?.id ?? 0, created: false };
  }
  const now = deps.now();
  const poolId = await defaultPoolId(db, corpId, 'lead');
  try {
    const [row] = await db
      .insert(leads)
      .values({
        corpId,
        name: args.name.slice(0, 100) || '未命名',
        company: args.company?.slice(0, 200) ?? null,
        source: (args.source ?? 'wecom').slice(0, 50),
        ownerId: args.ownerUserId,
        ownedAt: args.ownerUserId ? now : null,
        poolId,
        externalContactId,
        createdBy: args.ownerUserId,
        createdAt: now,
        updatedAt: now,
      })
      .$returningId();
    await recordAction(db, {
      corpId,
      entityType: 'lead',
      entityId: row!.id,
      action: 'create',
      actorId: args.ownerUserId,
      toUserId: args.ownerUserId,
      toPoolId: args.ownerUserId ? null : poolId,
      rule: 'wecom_add',
      at: now,
    });
    return { leadId: row!.id, created: true };
  } catch (err) {
    // A concurrent callback for the same external contact won the unique index.
    if (!isDuplicateKey(err)) throw err;
    const id = await findLeadOfExternalContact(db, corpId, externalContactId);
    if (id) return { leadId: id, created: false };
    throw err;
  }
}

async function findLeadOfExternalContact(db: Db, corpId: number, externalContactId: number): Promise<number | null> {
  const [row] = await db
    .select({ id: leads.id })
    .from(leads)
    .where(and(eq(leads.corpId, corpId), eq(leads.externalContactId, externalContactId)));
  return row?.id ?? null;
}

import { and, eq, isNull } from 'drizzle-orm';
import { LEAD_RULE_CODES as L, POOL_RULE_CODES as R, type CustomerCreateBody, type LeadConversionItem, type LeadConvertBody } from '@scrm/shared';
import type { DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { contacts, corps, customers, followUps, leadConversions, leads } from '../../db/schema/index';
import type { AppDeps, AuthUser } from '../../http/context';
import { errors } from '../../http/errors';
import type { AuditEntry } from '../../lib/audit';
import { idNum, idStr } from '../../lib/ids';
import { lockCustomerForRollups, refreshCustomerRollups } from '../customers/rollups';
import { getCustomerRow } from '../customers/repo';
import { allowedGrades } from '../customers/grades';
import { requireEditableCustomer } from '../customers/visibility';
import { assertNoDuplicate, createCustomer } from '../customers/service';
import { recordAction } from '../pools/actions-log';
import { leadPermissions, requireVisibleLead } from './visibility';
import { createOpportunityForConversion } from './opportunity';
import { conversionOf } from './repo';

const DAY_MS = 86_400_000;

/** The corp's conversion rules (`corps.settings.leadConversion`); defaults: ≥ 1 follow-up, within 30 days. */
export interface ConversionRules {
  minFollowUps: number;
  slaDays: number;
}
const DEFAULT_RULES: ConversionRules = { minFollowUps: 1, slaDays: 30 };

async function rulesOf(db: Db, corpId: number): Promise<ConversionRules> {
  const [c] = await db.select({ settings: corps.settings }).from(corps).where(eq(corps.id, corpId));
  const custom = (c?.settings.leadConversion ?? {}) as Partial<ConversionRules>;
  return { ...DEFAULT_RULES, ...custom };
}

export interface ConvertInput {
  user: AuthUser;
  scope: DataScope;
  id: number;
  body: LeadConvertBody;
  deps: AppDeps;
  audit: (e: AuditEntry) => Promise<void>;
}

/**
 * The customer grade a lead's grade becomes: the same value when it is one of the corp's customer
 * grades (`corps.settings.customerGrades`), else none — lead grades are free text and may differ,
 * and a conversion must not fail on them. A grade typed in the convert form is still checked (400).
 */
export async function customerGradeOfLead(db: Db, corpId: number, leadGrade: string | null): Promise<string | null> {
  if (!leadGrade) return null;
  return (await allowedGrades(db, corpId)).includes(leadGrade) ? leadGrade : null;
}

/** Creates the customer of a `new` conversion (the lead's owner owns it); 409 `customer_duplicate` points to the merge target. */
async function newCustomer(db: Db, c: ConvertInput, lead: typeof leads.$inferSelect, contactMobile: string | null, now: Date): Promise<number> {
  const name = c.body.customer?.name ?? lead.company ?? lead.name;
  await assertNoDuplicate(db, c.scope, { name, mobile: contactMobile });
  const body: CustomerCreateBody = {
    name,
    industry: c.body.customer?.industry ?? null,
    grade: c.body.customer?.grade ?? (await customerGradeOfLead(db, lead.corpId, lead.grade)),
    region: c.body.customer?.region ?? lead.region ?? null,
    source: lead.source ?? null,
    tags: lead.tags ?? [],
    ownerId: idStr(lead.ownerId!),
  };
  return createCustomer(db, c.user, c.scope, body, now);
}

/** The existing customer of a `merge` conversion: visible (404) and editable (403) by the caller. */
async function mergeTarget(db: Db, scope: DataScope, customerId: number): Promise<number> {
  const { row } = await requireEditableCustomer(db, scope, customerId, '您只有该客户的查看权限，不能合并');
  if (row.status !== 'active') throw errors.conflict(R.discarded, '该客户已废弃，请先恢复');
  return row.id;
}

/**
 * 线索转换, in the caller's transaction: locks the lead, checks scope (404) and rules (409),
 * creates the customer (new) or uses the chosen one (merge), adds the contact (or reuses the
 * customer's contact with the same mobile), moves the external-contact binding from the lead to
 * the contact, re-homes the lead's follow-ups on the customer, optionally opens an opportunity,
 * marks the lead converted and records the conversion (time taken, corp rules met).
 */
export async function convertLead(db: Db, c: ConvertInput): Promise<LeadConversionItem> {
  const { user, scope, id, body } = c;
  const now = c.deps.now();
  const corpId = user.corpId;
  const lead = await requireVisibleLead(db, scope, id, { forUpdate: true });
  if (lead.status === 'converted') throw errors.conflict(L.alreadyConverted, '该线索已转换');
  if (lead.status === 'discarded') throw errors.conflict(R.discarded, '该线索已废弃，请先恢复');
  if (lead.ownerId == null) throw errors.conflict(L.inPool, '线索池中的线索请先领取或分配，再转换');
  if (!leadPermissions(scope, lead).convert) throw errors.conflict(R.notOwner, '只有负责人或管理者可以转换线索');

  const contactMobile = body.contact?.mobile ?? lead.mobile;
  const customerId = body.mode === 'merge' ? await mergeTarget(db, scope, idNum(body.customerId!)) : await newCustomer(db, c, lead, contactMobile, now);
  // The customer row lock before its follow-ups change (lead, then customer, then follow_ups: see customers/rollups.ts).
  await lockCustomerForRollups(db, corpId, customerId);

  // The contact: reuse the merge target's person with the same mobile, so nothing is duplicated.
  let contactId: number | null = null;
  if (body.mode === 'merge' && contactMobile) {
    const [same] = await db.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.customerId, customerId), eq(contacts.mobile, contactMobile))).limit(1);
    contactId = same?.id ?? null;
  }
  if (lead.externalContactId) {
    const [bound] = await db.select({ id: contacts.id, customerId: contacts.customerId }).from(contacts).where(and(eq(contacts.corpId, corpId), eq(contacts.externalContactId, lead.externalContactId)));
    if (bound && bound.customerId !== customerId) throw errors.conflict(L.externalContactBound, '该企业微信联系人已绑定到其他客户的联系人');
    if (bound) contactId = bound.id;
  }
  if (contactId == null) {
    const [ins] = await db
      .insert(contacts)
      .values({
        corpId,
        customerId,
        name: (body.contact?.name ?? lead.name).slice(0, 50),
        mobile: contactMobile,
        wechatId: lead.wechatId,
        title: body.contact?.title ?? null,
        createdBy: user.id,
        createdAt: now,
        updatedAt: now,
      })
      .$returningId();
    contactId = ins!.id;
  }
  // The binding moves: the lead lets go first (both sides are unique keys).
  await db
    .update(leads)
    .set({ status: 'converted', convertedCustomerId: customerId, convertedContactId: contactId, convertedAt: now, externalContactId: null })
    .where(eq(leads.id, id));
  if (lead.externalContactId) await db.update(contacts).set({ externalContactId: lead.externalContactId }).where(eq(contacts.id, contactId));
  await db.update(followUps).set({ customerId, contactId }).where(and(eq(followUps.corpId, corpId), eq(followUps.leadId, id), isNull(followUps.customerId)));
  await refreshCustomerRollups(db, corpId, customerId);

  const opportunityId = body.opportunity ? await createOpportunityForConversion(db, c, customerId, contactId, lead, body.opportunity) : null;

  const rules = await rulesOf(db, corpId);
  const durationSeconds = Math.max(0, Math.floor((now.getTime() - lead.createdAt.getTime()) / 1000));
  const ruleFailures: string[] = [];
  if (lead.followUpCount < rules.minFollowUps) ruleFailures.push('min_follow_ups');
  if (durationSeconds > rules.slaDays * (DAY_MS / 1000)) ruleFailures.push('sla_days');
  const metRules = ruleFailures.length === 0;
  await db.insert(leadConversions).values({
    corpId,
    leadId: id,
    mode: body.mode,
    customerId,
    contactId,
    opportunityId,
    campaignId: lead.campaignId,
    source: lead.source,
    externalContactId: lead.externalContactId,
    convertedBy: user.id,
    ownerId: lead.ownerId,
    convertedAt: now,
    leadCreatedAt: lead.createdAt,
    durationSeconds,
    followUpCount: lead.followUpCount,
    metRules,
    ruleFailures,
  });
  const log = { corpId, actorId: user.id, action: 'convert', fromUserId: lead.ownerId, toUserId: lead.ownerId, rule: metRules ? 'rules_met' : ruleFailures.join(','), ruleRespected: metRules, at: now } as const;
  await recordAction(db, { ...log, entityType: 'lead', entityId: id, reason: `转换为客户 #${customerId}` });
  await recordAction(db, { ...log, entityType: 'customer', entityId: customerId, reason: `由线索「${lead.name}」转换` });
  await db.update(customers).set({ updatedAt: now }).where(eq(customers.id, customerId));
  const out = (await conversionOf(db, corpId, id))!;
  await c.audit({ action: 'lead.convert', entityType: 'lead', entityId: id, before: { status: lead.status, externalContactId: lead.externalContactId }, after: out });
  return out;
}

import { z } from 'zod';
import { idSchema } from './common';
import { contactItem } from './contacts';
import { customerItem } from './customers';
import { followUpItem } from './followups';
import { LEAD_STATUSES } from './leads';

/** The external contact as WeCom describes it, with the caller's follow relation. */
export const sidebarExternalContact = z.object({
  id: idSchema,
  externalUserId: z.string(),
  name: z.string(),
  type: z.number(),
  corpName: z.string().nullable(),
  corpFullName: z.string().nullable(),
  position: z.string().nullable(),
  avatar: z.string().nullable(),
  gender: z.number(),
  follow: z
    .object({
      remark: z.string().nullable(),
      description: z.string().nullable(),
      tags: z.array(z.unknown()),
      remarkMobiles: z.array(z.string()),
      addWay: z.number().nullable(),
      followedAt: z.string().nullable(),
      status: z.string(),
    })
    .nullable(),
});
/** An open opportunity of the customer, as the sidebar lists it. */
export const sidebarOpportunity = z.object({
  id: idSchema,
  name: z.string(),
  stage: z.object({ id: idSchema, name: z.string(), winRate: z.number() }),
  amount: z.object({ amount: z.number(), currency: z.string() }),
  expectedCloseDate: z.string().nullable(),
});
/** `GET /api/sidebar/context` and the sidebar's write actions (CONTRACT.md). */
export const sidebarContextOut = z.object({
  externalContact: sidebarExternalContact,
  contact: contactItem.nullable(),
  customer: customerItem.nullable(),
  lead: z
    .object({
      id: idSchema,
      name: z.string(),
      company: z.string().nullable(),
      status: z.enum(LEAD_STATUSES),
      grade: z.string().nullable(),
      ownerId: idSchema.nullable(),
      ownerName: z.string().nullable(),
      convertedCustomerId: idSchema.nullable(),
    })
    .nullable(),
  opportunities: z.array(sidebarOpportunity),
  followUps: z.array(followUpItem),
  /** Set when the contact is bound to a customer the caller may not see (owner name masked). */
  boundElsewhere: z.object({ ownerName: z.string().nullable() }).nullable(),
});
/** `GET /api/sidebar/group-context`: the bound customer and opportunity, each null when unbound or out of the caller's scope. */
export const groupContextOut = z.object({
  chatId: z.string(),
  bound: z.boolean(),
  customer: customerItem.nullable(),
  opportunityId: idSchema.nullable(),
  opportunity: sidebarOpportunity.extend({ status: z.enum(['open', 'won', 'lost']) }).nullable(),
});
export const groupChatOut = z.object({
  id: idSchema,
  chatId: z.string(),
  name: z.string().nullable(),
  customerId: idSchema,
  opportunityId: idSchema.nullable(),
  createdAt: z.string().nullable(),
});
export const groupChatListOut = z.object({ items: z.array(groupChatOut) });

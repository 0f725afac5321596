import { describe, expect, it } from 'vitest';
import type { CustomerItem } from '@scrm/shared';
import type { SidebarContext, SidebarExternalContact } from '@/api/sidebar';
import { chatKindOf, profileDefaults, viewOfContext, viewOfGroup } from './sidebar-state';

const ext: SidebarExternalContact = {
  id: '7',
  externalUserId: 'wm_demo_rep1_1',
  name: '王总',
  type: 1,
  corpName: '某某科技',
  corpFullName: null,
  position: '总经理',
  avatar: null,
  gender: 1,
  follow: { remark: null, description: null, tags: [], remarkMobiles: ['138 0013 8000'], addWay: 1, followedAt: '2026-10-01T08:00:00+08:00', status: 'active' },
};
const customer = { id: '1', name: '某某科技有限公司' } as CustomerItem;
const base: SidebarContext = { externalContact: ext, contact: null, customer: null, lead: null, opportunities: [], followUps: [] };

describe('sidebar view', () => {
  it('shows the customer card when the contact is bound to a visible customer', () => {
    const view = viewOfContext({ ...base, customer });
    expect(view.kind).toBe('bound');
    expect(view.kind === 'bound' && view.customer.name).toBe('某某科技有限公司');
  });
  it('says who holds it when bound to a customer the caller may not see', () => {
    expect(viewOfContext({ ...base, boundElsewhere: { ownerName: '张*' } })).toMatchObject({ kind: 'bound_elsewhere', ownerName: '张*' });
  });
  it('shows the lead when kept as a lead, and offers binding when nothing exists', () => {
    const lead = { id: '3', name: '王总', company: null, status: 'active', grade: null, ownerId: '2', ownerName: 'x', convertedCustomerId: null };
    expect(viewOfContext({ ...base, lead }).kind).toBe('lead');
    expect(viewOfContext({ ...base, lead: { ...lead, status: 'discarded' } }).kind).toBe('unbound');
    expect(viewOfContext(base).kind).toBe('unbound');
  });
  it('binds groups: unbound without customer, card with one', () => {
    expect(viewOfGroup('wr1', null)).toEqual({ kind: 'group_unbound', chatId: 'wr1' });
    expect(viewOfGroup('wr1', customer).kind).toBe('group_bound');
  });
  it('maps WeCom entries to the chat kind', () => {
    expect(chatKindOf('single_chat_tools')).toBe('single');
    expect(chatKindOf('contact_profile')).toBe('single');
    expect(chatKindOf('group_chat_tools')).toBe('group');
    expect(chatKindOf('normal')).toBe('none');
  });
  it('prefills the customer from the WeCom profile', () => {
    expect(profileDefaults(ext)).toEqual({ customerName: '某某科技', contactName: '王总', title: '总经理', mobile: '13800138000' });
    expect(profileDefaults({ ...ext, corpFullName: '某某科技有限公司' }).customerName).toBe('某某科技有限公司');
    expect(profileDefaults({ ...ext, corpName: null, position: null, follow: null })).toEqual({
      customerName: '王总（个人客户）',
      contactName: '王总',
      title: undefined,
      mobile: undefined,
    });
  });
});
